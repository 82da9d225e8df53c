package io.touchpoint.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.Http;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The events API checks its key before it reads the body (issue 9, item 10), and takes a date only within a year
 * before and two years after today (item 2): absurd dates are 400 naming {@code focAt}, not 500.
 */
@TouchpointSpringTest
class EventsApiGuardTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    static final String PATH = "/api/orders/O-2026-77777/events";

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static Stream<Arguments> datesOutsideTheWindow() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Stream.of(
                Arguments.of("+999999999-12-31T23:59:59Z", "must be within one year before and two years after today"),
                Arguments.of("-999999999-01-01T00:00:00Z", "must be within one year before and two years after today"),
                Arguments.of("+999999999-12-31T23:59:59-01:00", "must be a date and time with its offset, such as 2026-05-01T10:00:00Z"),
                Arguments.of("+10000000000-01-01T00:00:00Z", "must be a date and time with its offset, such as 2026-05-01T10:00:00Z"),
                Arguments.of("2026-02-30T10:00:00Z", "must be a date and time with its offset, such as 2026-05-01T10:00:00Z"),
                Arguments.of(now.plusYears(2).plusDays(1).toString(), "must be within one year before and two years after today"),
                Arguments.of(now.minusYears(1).minusDays(1).toString(), "must be within one year before and two years after today"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datesOutsideTheWindow")
    void aDateFarOutsideASensibleWindowIsABadRequest(String focAt, String message) {
        HttpResponse<String> response = http.postJson(PATH, "{\"type\": \"FOC_CHANGED\", \"focAt\": \"" + focAt + "\"}",
                "X-API-Key", "test-events-key");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Http.contentType(response)).isEqualTo("application/problem+json");
        assertThat(Http.fields(response)).containsExactly("focAt");
        assertThat(response.body()).contains(message);
    }

    @Test
    void aDateWithinTheWindowPassesToTheOrder() {
        String focAt = OffsetDateTime.now(ZoneOffset.UTC).plusWeeks(3).withNano(0).toString();
        HttpResponse<String> response = http.postJson(PATH, "{\"type\": \"FOC_CHANGED\", \"focAt\": \"" + focAt + "\"}",
                "X-API-Key", "test-events-key");
        assertThat(response.statusCode()).as("valid: the order is looked up, and there is none").isEqualTo(404);
        assertThat(Http.json(response)).containsEntry("title", "Unknown order");
    }

    static Stream<Arguments> unauthenticatedCalls() {
        byte[] large = ("{\"type\": \"ORDER_SIGNED\", \"reason\": \"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("no key, garbage body", null, "application/json", "not json".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("no key, invalid body", null, "application/json", "{\"type\": 7}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("no key, a body too large", null, "application/json", large),
                Arguments.of("no key, not JSON", null, "text/plain", "hello".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("wrong key, valid body", "wrong-key", "application/json",
                        "{\"type\": \"ORDER_SIGNED\"}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("another key", "test-events-key-2", "application/json", "{\"type\": \"ORDER_SIGNED\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unauthenticatedCalls")
    void withoutTheKeyTheAnswerIs401WhateverTheBody(String name, String key, String contentType, byte[] body) {
        HttpResponse<String> response = key == null
                ? http.send("POST", PATH, body, "Content-Type", contentType)
                : http.send("POST", PATH, body, "Content-Type", contentType, "X-API-Key", key);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(Http.contentType(response)).isEqualTo("application/problem+json");
        assertThat(Http.json(response)).containsEntry("title", "Missing or invalid API key");
    }
}
