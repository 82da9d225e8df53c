package io.touchpoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.Http;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error of Touchpoint's APIs is {@code application/problem+json}, whoever answers it: the controllers, Spring
 * MVC (404, 405, 406, 415), Spring Boot's error path, Tomcat itself (malformed addresses); {@code /error} asked for
 * directly is 404, not 500 (issue 9, items 3 and 11).
 */
@TouchpointSpringTest
class ErrorResponsesTest {

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
    void theErrorPathAskedForDirectlyIsNotFound() {
        HttpResponse<String> error = http.get("/error");
        assertProblem(error, 404);

        HttpResponse<String> page = http.get("/error", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(Http.contentType(page)).startsWith("text/html");
        assertThat(page.body()).contains("404 Not Found").doesNotContain("Whitelabel").doesNotContain("999");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("unknown API address", "GET", "/api/nothing-here", null, null, "*/*", 404),
                Arguments.of("unknown API address from a browser", "GET", "/api/nothing-here", null, null, "text/html", 404),
                Arguments.of("unknown ticket (the controller's own problem)", "GET", "/api/tickets/T-2026-99999?token=x",
                        null, null, "application/json", 404),
                Arguments.of("method not allowed", "PUT", "/api/tickets", "application/json", "{}", "*/*", 405),
                Arguments.of("a page's form without its CSRF token, by another method", "DELETE",
                        "/track/T-2026-00001/reply", null, null, "*/*", 403),
                Arguments.of("content type not supported", "POST", "/api/tickets", "text/plain", "hello", "*/*", 415),
                Arguments.of("XML", "POST", "/api/quote-requests", "application/xml", "<quote/>", "*/*", 415),
                Arguments.of("not acceptable", "POST", "/api/tickets", "application/json", "{}", "text/csv", 406),
                Arguments.of("problem details accepted: the bad request is answered", "POST", "/api/tickets",
                        "application/json", "{}", "application/problem+json", 400),
                Arguments.of("problem details accepted: the unknown ticket is answered", "GET",
                        "/api/tickets/T-2026-99999?token=x", null, null, "application/problem+json", 404),
                Arguments.of("events without key", "POST", "/api/orders/O-1/events", "application/json", "{}", "*/*", 401),
                Arguments.of("staff API without login", "POST", "/api/kb/articles", "application/json", "{}", "*/*", 401),
                Arguments.of("unknown page, not from a browser", "GET", "/nothing-here", null, null, "*/*", 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void errorsOfTheApisAreProblemDetails(String name, String method, String path, String contentType, String body,
                                           String accept, int status) {
        HttpResponse<String> response = contentType == null
                ? http.send(method, path, null, "Accept", accept)
                : http.send(method, path, body.getBytes(), "Accept", accept, "Content-Type", contentType);
        assertProblem(response, status);
    }

    @Test
    void problemDetailsAcceptedStillGetTheAnswer() {
        HttpResponse<String> created = http.postJson("/api/tickets", RequestValidationTest.TICKET
                .replace("val@validation.example", "accept@errors.example"), "Accept", "application/problem+json");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Http.contentType(created)).isEqualTo("application/json");
        assertThat(Http.json(created)).containsKey("ticketNumber");
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of("GET /api/tickets/%zz HTTP/1.1", "GET /api/tickets/a%2Fb HTTP/1.1", "GET /api/tickets/%00 HTTP/1.1",
                "GET /api/../../etc/passwd HTTP/1.1", "GET /api/tickets/{x} HTTP/1.1", "GET /track/%zz HTTP/1.1",
                "GET /api/tickets/" + "a".repeat(10_000) + " HTTP/1.1", "GARBAGE", "GET /api/tickets HTTP/1.1\r\nBad Header")
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void malformedRequestsAreProblemDetailsNotTomcatsPage(String requestLine) {
        String response = http.raw(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
        assertThat(head).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json\r\n");
        assertThat(response).contains("\"status\":400").doesNotContain("<html").doesNotContain("Tomcat");
    }

    @Test
    void pagesShowABrowserAnErrorPage() {
        HttpResponse<String> page = http.get("/nothing-here", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(Http.contentType(page)).startsWith("text/html");
        assertThat(page.body()).contains("There is nothing at this address.");
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Http.contentType(response)).as("content type").isEqualTo("application/problem+json");
        assertThat(Http.json(response)).containsEntry("status", status).containsKey("title").containsKey("detail");
    }
}
