package io.touchpoint.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.web.Paths;
import io.touchpoint.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The events API's key ({@code X-API-Key}, {@code touchpoint.events.api-key}), checked before anything reads or
 * validates the body: a caller without the key gets 401 problem details, whatever it sent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class EventsApiKeyFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";
    static final String EVENTS_PATH = "/api/orders/*/events";

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final byte[] apiKey;
    private final ObjectMapper json;

    EventsApiKeyFilter(EventsProperties properties, ObjectMapper json) {
        this.apiKey = properties.apiKey().getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATHS.match(EVENTS_PATH, Paths.of(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(API_KEY_HEADER);
        if (apiKey.length == 0 || key == null || !MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8))) {
            Problems.write(request, response, json, Problems.of(HttpStatus.UNAUTHORIZED, "Missing or invalid API key",
                    "Send the integration API key in the " + API_KEY_HEADER + " header."));
            return;
        }
        chain.doFilter(request, response);
    }
}
