package io.touchpoint.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the Camunda webapps' own login form and logout on Touchpoint's one login.
 * <p>
 * The webapps show their login form when a session ends while a webapp is open, and after their logout. Its
 * request ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) is authenticated here first, through
 * the same {@link EngineUserAuthenticationProvider} and {@link LoginThrottle} as every other login: a throttled
 * client gets 429, a wrong password 401, and neither reaches the engine. A right one goes on to the webapp, which
 * checks its own CSRF token and the user's access to the app, then starts a fresh session (against session
 * fixation); only when it answers 200 is the Spring login saved into that new session, so that Touchpoint's pages
 * share it. Refusing the form instead would strand a user whose session ended inside Tasklist.
 * <p>
 * The webapps' logout ({@code POST .../logout}) goes on to the webapp too (its CSRF check applies); when it
 * succeeds, the shared session ends here, otherwise the container-based login would sign the user in again at once.
 */
class WebappSessionFilter extends OncePerRequestFilter {

    private final RequestMatcher login;
    private final RequestMatcher logout;
    private final AuthenticationManager authentication;
    private final SecurityProblems problems;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SecurityContextLogoutHandler logoutHandler = new SecurityContextLogoutHandler();

    WebappSessionFilter(String webappPath, AuthenticationManager authentication, SecurityProblems problems) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        this.login = paths.matcher(HttpMethod.POST, webappPath + "/api/admin/auth/user/*/login/*");
        this.logout = paths.matcher(HttpMethod.POST, webappPath + "/api/admin/auth/user/*/logout");
        this.authentication = authentication;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (login.matches(request)) {
            logIn(request, response, chain);
        } else if (logout.matches(request)) {
            chain.doFilter(request, response);
            if (response.getStatus() < 300) {
                logoutHandler.logout(request, response, SecurityContextHolder.getContext().getAuthentication());
            }
        } else {
            chain.doFilter(request, response);
        }
    }

    private void logIn(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                request.getParameter("username"), request.getParameter("password"));
        attempt.setDetails(details.buildDetails(request));
        Authentication user;
        try {
            user = authentication.authenticate(attempt);
        } catch (LoginThrottledException throttled) {
            problems.throttled(request, response, throttled);
            return;
        } catch (AuthenticationException wrong) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Login failed", "Wrong user name or password.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.OK.value()) {
            sessions.saveContext(context, request, response);
        }
    }
}
