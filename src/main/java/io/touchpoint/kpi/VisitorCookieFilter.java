package io.touchpoint.kpi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * KPI-07: a browser that opens the quote page ({@code /quote}) or the customer portal (any page under
 * {@code /portal}) without Touchpoint's visitor cookie is a new visitor: one row in {@code kpi_visitor} and the
 * cookie, a random id for a year, first-party, HTTP only. A quote request the page then posts
 * ({@code POST /api/quote-requests}, answered 201) marks that visitor. Every other request passes untouched, and
 * a visitor with the cookie costs nothing but reading it. It runs before Spring Security, so that a first visit to a
 * portal page that asks for a login (a redirect to {@code /portal/login}) counts too.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
class VisitorCookieFilter extends OncePerRequestFilter {

    static final String COOKIE = "tp_visitor";
    static final Duration LIFETIME = Duration.ofDays(365);
    private static final Logger log = LoggerFactory.getLogger(VisitorCookieFilter.class);

    private final Visitors visitors;

    VisitorCookieFilter(Visitors visitors) {
        this.visitors = visitors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(page(path) != null && "GET".equals(request.getMethod())
                || "/api/quote-requests".equals(path) && "POST".equals(request.getMethod()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String visitor = cookie(request);
        if ("GET".equals(request.getMethod())) {
            if (!Visitors.wellFormed(visitor)) {
                arrive(request, response, page(path));
            }
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.CREATED.value() && Visitors.wellFormed(visitor)) {
            try {
                visitors.requestedQuote(visitor);
            } catch (RuntimeException e) {
                log.warn("Could not count the quote request of a visitor for KPI-07", e);
            }
        }
    }

    private void arrive(HttpServletRequest request, HttpServletResponse response, String page) {
        try {
            String id = visitors.arrived(page);
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, id).path("/").maxAge(LIFETIME).httpOnly(true)
                    .secure(request.isSecure()).sameSite("Lax").build().toString());
        } catch (RuntimeException e) {
            // a figure is not worth a page that fails: the customer gets the page, the visit is not counted
            log.warn("Could not record a new visitor for KPI-07", e);
        }
    }

    /** The page a visit counts for, or null. */
    private static String page(String path) {
        if ("/quote".equals(path) || "/quote/".equals(path)) {
            return Visitors.QUOTE_PAGE;
        }
        if ("/portal".equals(path) || path.startsWith("/portal/")) {
            return Visitors.PORTAL;
        }
        return null;
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
