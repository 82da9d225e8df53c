package io.touchpoint.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.Http;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies have limits (issue 9, item 9): JSON of Touchpoint's own endpoints up to 64 KB, form posts up to
 * 64 KB, checked from the Content-Length and, without one, while reading; beyond, 413 problem details before the body
 * is read or interpreted.
 */
@TouchpointSpringTest
class RequestLimitsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aHugeJsonBodyIsRefusedFromItsLengthBeforeItIsSent() {
        String response = http.raw("POST /api/tickets HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + 25 * 1024 * 1024 + "\r\n\r\n{\"subject\": ");

        assertThat(response).startsWith("HTTP/1.1 413").contains("Content-Type: application/problem+json\r\n")
                .contains("\"detail\":\"A request body may be at most 64 KB.\"");
    }

    @Test
    void aJsonBodyWithoutALengthIsRefusedWhileReading() {
        String services = Collections.nCopies(10_000, "\"HOSTED_VOICE\"").stream().collect(Collectors.joining(",", "[", "]"));
        byte[] body = ("{\"companyName\": \"Acme\", \"requestedServices\": " + services + "}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.postChunked("/api/quote-requests", "application/json", body);

        assertTooLarge(response, "A request body may be at most 64 KB.");
    }

    @Test
    void aLargeFormPostIsRefusedNotReadAsMissingFields() {
        String withLength = http.raw("POST /track/T-2026-00001/reply HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + 2 * 1024 * 1024 + "\r\n\r\ntoken=x&");
        assertThat(withLength).startsWith("HTTP/1.1 413").contains("Content-Type: application/problem+json\r\n")
                .contains("\"detail\":\"A form post may be at most 64 KB.\"");

        byte[] chunked = ("token=x&satisfaction=5&comment=" + "a".repeat(200_000)).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> withoutLength = http.postChunked("/survey/unknown", "application/x-www-form-urlencoded", chunked);
        assertTooLarge(withoutLength, "A form post may be at most 64 KB.");
    }

    @Test
    void aBodyWithinTheLimitIsReadAsUsual() {
        String notes = "n".repeat(1_900);
        HttpResponse<String> response = http.postJson("/api/quote-requests", """
                {"companyName": "Acme", "contactName": "Ann", "contactEmail": "ann@limits.example", "phone": "+1 555 010 0100",
                 "seats": 3, "requestedServices": ["HOSTED_VOICE"], "notes": "%s"}""".formatted(notes));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static void assertTooLarge(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(Http.contentType(response)).isEqualTo("application/problem+json");
        assertThat(Http.json(response)).containsEntry("detail", detail);
    }
}
