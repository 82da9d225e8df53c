package io.touchpoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.Http;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
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
 * Customer care may start a ticket through the engine's REST API as through Tasklist: without its data, the start is
 * refused with 400 naming the missing variables, and nothing is written (issue 9, item 4). No answer of the engine's
 * REST API carries SQL, a stack trace or an exception class.
 */
@TouchpointSpringTest
class EngineRestErrorsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @LocalServerPort
    int port;
    @Autowired
    HistoryService history;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aTicketStartedWithoutItsDataIsRefusedNamingTheMissingVariables() {
        long instances = history.createHistoricProcessInstanceQuery().count();
        long tickets = jdbc.queryForObject("SELECT COUNT(*) FROM support_ticket", Long.class);

        HttpResponse<String> response = start("troubleTicket", "{}");

        assertClean(response, 400);
        assertThat(Http.json(response).get("message").toString()).isEqualTo("The ticket cannot be registered: missing "
                + "contactName, contactEmail, ticketSubject, description, category, priority.");
        assertThat(history.createHistoricProcessInstanceQuery().count()).as("no instance started").isEqualTo(instances);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM support_ticket", Long.class)).isEqualTo(tickets);
    }

    @Test
    void aServiceRequestWithBadDataIsRefusedNamingEachProblem() {
        HttpResponse<String> response = start("serviceRequest", """
                {"variables": {"contactName": {"value": "Kay"}, "contactEmail": {"value": "\\"a;b\\"@example.org"},
                 "ticketSubject": {"value": "Move\\nlines"}, "description": {"value": "Two lines to move."},
                 "category": {"value": "OUTAGE"}, "priority": {"value": "P9"}, "channel": {"value": "FAX"}}}""");

        assertClean(response, 400);
        assertThat(Http.json(response).get("message").toString()).startsWith("The service request cannot be registered: ")
                .contains("contactEmail must be a valid email address")
                .contains("ticketSubject must be one line")
                .contains("category must be one of BILLING, MOVE_ADD_CHANGE, GENERAL")
                .contains("priority must be one of P1, P2, P3, P4")
                .contains("channel must be one of PORTAL, EMAIL, PHONE");
    }

    @Test
    void aTicketWithItsDataStartsAsFromTasklist() {
        HttpResponse<String> response = start("troubleTicket", """
                {"variables": {"contactName": {"value": "Kay Rest"}, "contactEmail": {"value": "kay@engine-rest.example"},
                 "ticketSubject": {"value": "Fax line dead"}, "description": {"value": "No tone."},
                 "category": {"value": "EQUIPMENT"}, "priority": {"value": "P3"}, "channel": {"value": "PHONE"}}}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).get("businessKey").toString()).matches("T-\\d{4}-\\d{5}");
    }

    /** The same refusal through the webapps' engine API, which Tasklist's start form calls. */
    @Test
    void aTicketStartedFromTasklistWithoutItsDataIsRefusedTheSameWay() {
        long instances = history.createHistoricProcessInstanceQuery().count();
        WebSession kim = new WebSession(port);
        kim.logIn("kim", "demo");
        assertThat(kim.get("/camunda/app/tasklist/" + engine.getName() + "/").statusCode()).isEqualTo(200);
        String xsrf = kim.cookie("XSRF-TOKEN").orElseThrow();

        HttpResponse<String> response = kim.post("/camunda/api/engine/engine/" + engine.getName()
                + "/process-definition/key/troubleTicket/submit-form", "application/json", "{\"variables\": {}}",
                "X-XSRF-TOKEN", xsrf, "Accept", "application/json");

        assertClean(response, 400);
        assertThat(Http.json(response).get("message").toString()).contains("The ticket cannot be registered: missing "
                + "contactName, contactEmail, ticketSubject, description, category, priority.");
        assertThat(history.createHistoricProcessInstanceQuery().count()).as("no instance started").isEqualTo(instances);

        HttpResponse<String> unknown = kim.get("/camunda/api/engine/engine/" + engine.getName() + "/task/nope",
                "Accept", "application/json");
        assertClean(unknown, 404);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("unknown process", "POST", "/engine-rest/process-definition/key/nope/start", "{}", 404),
                Arguments.of("unknown instance", "GET", "/engine-rest/process-instance/nope", null, 404),
                Arguments.of("unknown resource", "GET", "/engine-rest/nothing-here", null, 404),
                Arguments.of("not allowed", "DELETE", "/engine-rest/process-definition/key/troubleTicket", null, 403),
                Arguments.of("bad query parameter", "GET", "/engine-rest/task?sortBy=nope", null, 400),
                Arguments.of("truncated JSON", "POST", "/engine-rest/process-definition/key/troubleTicket/start",
                        "{\"variables\": {", 400),
                Arguments.of("JSON of the wrong shape", "POST", "/engine-rest/process-definition/key/troubleTicket/start",
                        "{\"variables\": [1, 2]}", 400),
                Arguments.of("a value that is not its type", "POST", "/engine-rest/process-definition/key/troubleTicket/start",
                        "{\"variables\": {\"x\": {\"value\": \"abc\", \"type\": \"Integer\"}}}", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusalsKeepTheirStatusAndGiveNothingAway(String name, String method, String path, String json, int status) {
        HttpResponse<String> response = json == null
                ? http.send(method, path, null, "Authorization", Http.basic("kim", "demo"))
                : http.send(method, path, json.getBytes(), "Authorization", Http.basic("kim", "demo"),
                "Content-Type", "application/json");
        assertClean(response, status);
    }

    private HttpResponse<String> start(String process, String json) {
        return http.postJson("/engine-rest/process-definition/key/" + process + "/start", json,
                "Authorization", Http.basic("kim", "demo"));
    }

    static void assertClean(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Http.contentType(response)).startsWith("application/json");
        assertThat(Http.json(response)).containsKeys("type", "message");
        assertThat(response.body()).as("no SQL, stack trace or exception class")
                .doesNotContainPattern("(?i)sql|###|insert into|\\bat [a-z]+\\.")
                .doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b")
                .doesNotContainPattern("\\b(org|java|jakarta|com)\\.[a-z]+\\.");
    }
}
