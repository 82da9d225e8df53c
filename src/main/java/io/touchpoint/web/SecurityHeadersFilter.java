package io.touchpoint.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on Touchpoint's own pages and APIs. The Camunda webapps ({@code /camunda/**}) and the engine's
 * REST API set their own (with a nonce-based CSP and their CSRF protection) and are left alone.
 * <p>
 * Touchpoint's forms need no CSRF token: customer pages act only with the secret token of their link, and the
 * staff APIs (HTTP Basic) accept only {@code application/json}, which another site cannot send without a CORS
 * preflight that Touchpoint does not allow.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; frame-ancestors 'self'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/camunda/") || path.startsWith("/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        // the customer pages carry their secret token in the address: it must not leave with a link
        boolean tokenInAddress = path.startsWith("/track") || path.startsWith("/survey/");
        response.setHeader("Referrer-Policy", tokenInAddress ? "no-referrer" : "same-origin");
        chain.doFilter(request, response);
    }
}
