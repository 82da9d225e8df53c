package io.touchpoint.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a reverse proxy ({@code server.forward-headers-strategy=native}), the throttle counts the client's address
 * that the proxy reports, not the proxy's: one client's failures do not lock out everybody behind the same proxy.
 */
@TouchpointSpringTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class LoginThrottleBehindProxyTest {

    @LocalServerPort
    int port;

    @Test
    void theThrottleCountsTheClientTheProxyReports() {
        WebSession proxy = new WebSession(port);
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(logIn(proxy, "203.0.113.77", "sue", "guess-" + attempt).statusCode()).isEqualTo(302);
        }
        HttpResponse<String> throttled = logIn(proxy, "203.0.113.77", "sue", "demo");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.body()).contains("Too many failed logins from your address");

        HttpResponse<String> other = logIn(new WebSession(port), "198.51.100.77", "sue", "demo");
        assertThat(other.statusCode()).isEqualTo(302);
        assertThat(other.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .endsWith("/camunda/app/tasklist/"));
    }

    private static HttpResponse<String> logIn(WebSession browser, String client, String user, String password) {
        String token = WebSession.csrfToken(browser.get("/login", "X-Forwarded-For", client).body()).orElseThrow();
        return browser.postForm("/login", Map.of("username", user, "password", password, "_csrf", token),
                "X-Forwarded-For", client);
    }
}
