package io.touchpoint.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * The answers of security on the APIs ({@code /api/**}, {@code /engine-rest/**}): RFC 7807 problem details for
 * 401 (no or a wrong login), 403 (not allowed, or a missing CSRF token) and 429 (too many failed logins, with
 * {@code Retry-After}).
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof LoginThrottledException throttled) {
            throttled(request, response, throttled);
            return;
        }
        // machine clients learn the scheme; a browser gets no Basic dialog (its staff log in on /login)
        if (!acceptsHtml(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Touchpoint\", charset=\"UTF-8\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, "Login required",
                "Log in with a Touchpoint user: HTTP Basic for API clients, the login page /login in a browser.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (denied instanceof CsrfException) {
            write(request, response, HttpStatus.FORBIDDEN, "Missing or invalid CSRF token",
                    "Send the CSRF token of your session, or log in with HTTP Basic.");
        } else {
            write(request, response, HttpStatus.FORBIDDEN, "Not allowed",
                    "Your user's groups do not give access to " + request.getRequestURI() + ".");
        }
    }

    /** 429 with {@code Retry-After}: the client failed to log in too often and must wait. */
    void throttled(HttpServletRequest request, HttpServletResponse response, LoginThrottledException throttled)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                "Too many failed logins from your address: try again in " + throttled.retryAfterSeconds() + " seconds.");
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
