package io.touchpoint.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.web.Paths;
import io.touchpoint.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public POSTs, each counted per client (remote address; behind a proxy set {@code server.forward-headers-strategy}
 * so that it is the client's): the quote request and ticket APIs, comments, confirmations and survey answers, and the
 * tracking page's and survey page's forms. Beyond {@code touchpoint.limits.per-client} per period: 429 with
 * {@code Retry-After}, before the body is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RateLimitFilter extends OncePerRequestFilter {

    /** Each public POST endpoint by name, with its path pattern; each is counted on its own. */
    static final List<String[]> ENDPOINTS = List.of(
            new String[] {"quote-requests", "/api/quote-requests"},
            new String[] {"tickets", "/api/tickets"},
            new String[] {"ticket-comments", "/api/tickets/*/comments"},
            new String[] {"ticket-confirmations", "/api/tickets/*/confirmation"},
            new String[] {"survey-answers", "/api/surveys/*"},
            new String[] {"tracking-page-reply", "/track/*/reply"},
            new String[] {"tracking-page-confirmation", "/track/*/confirmation"},
            new String[] {"survey-page", "/survey/*"},
            new String[] {"install-date-accept", "/install-date/*/accept"},
            new String[] {"install-date-proposal", "/install-date/*/proposal"},
            new String[] {"portal-register", "/portal/register"},
            new String[] {"portal-password-reset", "/portal/password-reset"},
            new String[] {"portal-password", "/portal/password"});

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final RateLimits limits;
    private final ObjectMapper json;

    RateLimitFilter(RateLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || endpoint(Paths.of(request)).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            limits.takeForClient(endpoint(Paths.of(request)).orElseThrow(), request.getRemoteAddr());
        } catch (TooManyRequestsException tooMany) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
            Problems.write(request, response, json, tooMany.getBody());
            return;
        }
        chain.doFilter(request, response);
    }

    static Optional<String> endpoint(String path) {
        return ENDPOINTS.stream().filter(e -> PATHS.match(e[1], path)).map(e -> e[0]).findFirst();
    }
}
