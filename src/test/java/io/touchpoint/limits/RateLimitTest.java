package io.touchpoint.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.Http;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Public POSTs are limited per client and endpoint, tickets and quote requests also per recipient address (issue 9,
 * item 17): beyond the limit, 429 problem details with Retry-After, and nothing created or sent. Low limits here;
 * the other tests run with generous ones (application-test.yaml). The client's limit is per hour here, not per minute:
 * a bucket refills as time passes, and on a busy machine a minute's limit refilled a token between two requests.
 */
@TouchpointSpringTest
@TestPropertySource(properties = {"touchpoint.limits.per-client=4", "touchpoint.limits.per-client-period=PT1H",
    "touchpoint.limits.per-recipient=2"})
class RateLimitTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    static final String TICKET = """
            {"subject": "Phones down", "description": "No dial tone.", "category": "OUTAGE", "priority": "P2",
             "requesterEmail": "%s", "requesterName": "Rae Limit"}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void oneAddressGetsAFewTicketsAnHourAndOneClientAFewAMinute() {
        assertThat(ticket("rae@limits.example").statusCode()).isEqualTo(201);
        assertThat(ticket("rae@limits.example").statusCode()).isEqualTo(201);

        HttpResponse<String> third = ticket("RAE@limits.example");
        assertTooMany(third);
        assertThat(Http.json(third).get("detail").toString()).contains("this email address").contains("at most 2 per hour");
        assertThat(rows("rae@limits.example")).as("two tickets, two acknowledgements").isEqualTo(2);

        // the address's limit covers quote requests too; the client's is per endpoint
        assertTooMany(http.postJson("/api/quote-requests", """
                {"companyName": "Acme", "contactName": "Rae", "contactEmail": "rae@limits.example", "phone": "+1 555 010 0100",
                 "seats": 3, "requestedServices": ["HOSTED_VOICE"]}"""));

        assertThat(ticket("ray@limits.example").statusCode()).as("another address, the client's fourth").isEqualTo(201);
        HttpResponse<String> fifth = ticket("roy@limits.example");
        assertTooMany(fifth);
        assertThat(Http.json(fifth).get("detail").toString()).contains("from your address").contains("at most 4 per hour");
        assertThat(rows("roy@limits.example")).isZero();
    }

    @Test
    void commentsAndTheTrackingFormsAreCountedPerClient() {
        // the tracking form as a browser sends it: with its session's CSRF token (the login page hands one out)
        WebSession browser = new WebSession(port);
        String csrf = WebSession.csrfToken(browser.get("/login").body()).orElseThrow();
        Map<String, String> reply = Map.of("token", "x", "message", "hi", "_csrf", csrf);
        for (int i = 0; i < 4; i++) {
            assertThat(http.postJson("/api/tickets/T-2026-99999/comments?token=x", "{\"message\": \"hi\"}").statusCode())
                    .isEqualTo(404);
            assertThat(browser.postForm("/track/T-2026-99999/reply", reply).statusCode()).isEqualTo(404);
        }
        assertTooMany(http.postJson("/api/tickets/T-2026-99999/comments?token=x", "{\"message\": \"hi\"}"));
        HttpResponse<String> fifth = browser.postForm("/track/T-2026-99999/reply", reply);
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
        assertThat(http.get("/api/tickets/T-2026-99999?token=x").statusCode()).as("reading is not limited").isEqualTo(404);
    }

    private HttpResponse<String> ticket(String email) {
        return http.postJson("/api/tickets", TICKET.formatted(email));
    }

    private long rows(String email) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM support_ticket WHERE LOWER(contact_email) = ?", Long.class, email);
    }

    private static void assertTooMany(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(Http.contentType(response)).isEqualTo("application/problem+json");
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isPositive();
        assertThat(Http.json(response)).containsEntry("title", "Too many requests")
                .containsEntry("retryAfterSeconds", (int) retryAfter);
    }
}
