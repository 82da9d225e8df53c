package io.touchpoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.Http;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * JSON bodies are read strictly, on every endpoint: a repeated key (issue 9, item 1), a value of the wrong type (item
 * 8), an email address the mail step would not take (item 7), too many list entries or a tag that is a list (item 9)
 * answer 400 problem details naming the field, and create nothing.
 */
@TouchpointSpringTest
class RequestValidationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    static final String TICKET = """
            {"subject": "Phones down", "description": "No dial tone since 7:00.", "category": "OUTAGE", "priority": "P2",
             "requesterEmail": "val@validation.example", "requesterName": "Val Idation"}""";
    static final String QUOTE = """
            {"companyName": "Acme Dental", "contactName": "Ann Lee", "contactEmail": "ann@validation.example",
             "phone": "+1 555 010 0100", "seats": 12, "requestedServices": ["HOSTED_VOICE"]}""";
    static final String ARTICLE = """
            {"title": "Phones reboot", "symptoms": "They restart.", "workaround": "Update firmware.", "category": "EQUIPMENT",
             "tags": ["phones"]}""";
    static final String EVENT = "{\"type\": \"ORDER_SIGNED\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static Stream<Arguments> repeatedKeys() {
        return Stream.of(
                Arguments.of("/api/tickets/T-2026-00001/comments", "{\"message\": \"a\", \"message\": \"b\"}", "message"),
                Arguments.of("/api/tickets/T-2026-00001/confirmation", "{\"resolved\": true, \"resolved\": false}", "resolved"),
                Arguments.of("/api/tickets", TICKET.replace("\"priority\": \"P2\"", "\"priority\": \"P2\", \"priority\": \"P1\""),
                        "priority"),
                Arguments.of("/api/quote-requests", QUOTE.replace("\"seats\": 12", "\"seats\": 12, \"seats\": 13"), "seats"),
                Arguments.of("/api/orders/O-2026-00001/events", "{\"type\": \"ORDER_SIGNED\", \"type\": \"LOA_SIGNED\"}", "type"),
                Arguments.of("/api/surveys/unknown", "{\"token\": \"a\", \"satisfaction\": 3, \"satisfaction\": 5}",
                        "satisfaction"),
                Arguments.of("/api/kb/articles", ARTICLE.replace("\"title\": \"Phones reboot\"",
                        "\"title\": \"Phones reboot\", \"title\": \"Again\""), "title"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repeatedKeys")
    void aRepeatedKeyIsABadRequestNamingTheField(String path, String json, String field) {
        assertRefused(() -> post(path, json), field);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("a number as an enum's position", "/api/tickets", TICKET.replace("\"OUTAGE\"", "1"), "category"),
                Arguments.of("a number as yes or no", "/api/tickets/T-2026-00001/confirmation", "{\"resolved\": 2}", "resolved"),
                Arguments.of("text as yes or no", "/api/tickets/T-2026-00001/confirmation", "{\"resolved\": \"true\"}", "resolved"),
                Arguments.of("a number as text", "/api/tickets/T-2026-00001/comments", "{\"message\": 5}", "message"),
                Arguments.of("yes or no as text", "/api/tickets", TICKET.replace("\"Val Idation\"", "true"), "requesterName"),
                Arguments.of("text as a number", "/api/quote-requests", QUOTE.replace("12", "\"12\""), "seats"),
                Arguments.of("a fraction as a whole number", "/api/quote-requests", QUOTE.replace("12", "12.5"), "seats"),
                Arguments.of("one value as a list", "/api/quote-requests", QUOTE.replace("[\"HOSTED_VOICE\"]", "\"HOSTED_VOICE\""),
                        "requestedServices"),
                Arguments.of("a number as a survey answer's text", "/api/surveys/unknown",
                        "{\"token\": 12345, \"satisfaction\": 3}", "token"),
                Arguments.of("a number as an event type", "/api/orders/O-2026-00001/events", "{\"type\": 0}", "type"),
                Arguments.of("a number as a date", "/api/orders/O-2026-00001/events",
                        "{\"type\": \"FOC_RECEIVED\", \"focAt\": 1767225600}", "focAt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void aValueOfTheWrongTypeIsABadRequestNamingTheField(String name, String path, String json, String field) {
        assertRefused(() -> post(path, json), field);
    }

    static Stream<Arguments> addressesTheMailStepWouldNotTake() {
        return Stream.of("\\\"a;b\\\"@example.org", "Ann Lee <ann@example.org>", "ann@example.org, bob@example.org",
                "ann@example.org;bob@example.org", "undisclosed-recipients:;", "ann@localhost", "ann@@example.org",
                "ann@example.org\\r\\nBcc: eve@example.org", "ann(comment)@example.org", "ann @example.org")
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addressesTheMailStepWouldNotTake")
    void anEmailAddressIsOneMailboxAtTheDoor(String address) {
        assertRefused(() -> post("/api/tickets", TICKET.replace("val@validation.example", address)), "requesterEmail");
        assertRefused(() -> post("/api/quote-requests", QUOTE.replace("ann@validation.example", address)), "contactEmail");
    }

    @Test
    void listsHaveLimitsAndATagIsOneTag() {
        String services = Collections.nCopies(21, "\"HOSTED_VOICE\"").stream().collect(Collectors.joining(",", "[", "]"));
        assertRefused(() -> post("/api/quote-requests", QUOTE.replace("[\"HOSTED_VOICE\"]", services)), "requestedServices");
        assertRefused(() -> post("/api/quote-requests", QUOTE.replace("\"requestedServices\"",
                "\"auxiliaryServices\": " + services.replace("HOSTED_VOICE", "BACKUP_INTERNET") + ", \"requestedServices\"")),
                "auxiliaryServices");

        String elevenTags = Stream.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k").map(t -> "\"" + t + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        assertRefused(() -> post("/api/kb/articles", ARTICLE.replace("[\"phones\"]", elevenTags)), "tags");
        assertRefused(() -> post("/api/kb/articles", ARTICLE.replace("[\"phones\"]", "[\"a,b,c,d,e,f,g,h,i,j,k,l\"]")), "tags[0]");
    }

    private HttpResponse<String> post(String path, String json) {
        return http.postJson(path, json, "Authorization", Http.basic("kim", "demo"), "X-API-Key", "test-events-key");
    }

    /** 400 problem details naming the one field, and no ticket, quote (journey) or article made. */
    private void assertRefused(Supplier<HttpResponse<String>> request, String field) {
        long before = created();
        HttpResponse<String> response = request.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Http.contentType(response)).isEqualTo("application/problem+json");
        assertThat(Http.fields(response)).as(response.body()).containsExactly(field);
        assertThat(created()).isEqualTo(before);
    }

    private long created() {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM support_ticket) + (SELECT COUNT(*) FROM kb_article) "
                + "+ (SELECT COALESCE(SUM(last_value), 0) FROM business_number)", Long.class);
    }
}
