package io.touchpoint.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.notification.Outbox;
import io.touchpoint.testing.Json;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The ticket API and tracking page as customers use them, on the whole application with real SMTP (GreenMail):
 * open a ticket and get the acknowledgement, follow it, answer the agent, confirm the fix; and every bad input and
 * wrong token refused without changing anything.
 */
@TouchpointSpringTest
class TicketApiTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    static final String OUTAGE = """
            {"subject": "Phones down at the front desk", "description": "All desk phones show No service since 7:00.",
             "category": "OUTAGE", "impact": "HIGH", "urgency": "MEDIUM", "requesterEmail": "ann@acme.example",
             "requesterName": "Ann Lee", "accountNumber": "ACC-2040", "channel": "PORTAL"}""";

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    @Test
    void aCustomerOpensATicketIsAcknowledgedWithinSecondsAndFollowsIt() throws Exception {
        ResponseEntity<Map> created = post("/api/tickets", OUTAGE);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = (String) created.getBody().get("ticketNumber");
        String token = (String) created.getBody().get("trackingToken");
        assertThat(number).matches("T-\\d{4}-\\d{5}");
        assertThat(created.getBody()).containsEntry("kind", "TROUBLE");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/tickets/" + number);

        MimeMessage acknowledgement = awaitEmail(number, "We received your ticket " + number);
        assertThat(acknowledgement.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("ann@acme.example");
        String body = body(acknowledgement);
        assertThat(body).contains(number).contains("/track?ticket=" + number + "&token=" + token);

        // high impact, medium urgency: P2; an outage goes to tech support
        Map<String, Object> ticket = get(number, token).getBody();
        assertThat(ticket).containsEntry("status", "ASSIGNED").containsEntry("priority", "P2")
                .containsEntry("escalationLevel", 0);
        assertThat((String) ticket.get("assignedTo")).isIn("Tim Samuel", "Terrence Hank");
        assertThat((Map<String, Object>) ticket.get("sla")).containsKeys("firstResponseDue", "resolutionDue")
                .containsEntry("paused", false);
        assertThat(types(ticket)).containsExactly("RECEIVED", "ASSIGNED");

        String page = http.getForObject("/track?ticket={n}&token={t}", String.class, number, token);
        assertThat(page).contains(number).contains("Phones down at the front desk").contains("Assigned")
                .contains("Resolution by");
    }

    @Test
    void theAgentsQuestionPausesTheClockUntilTheCustomerAnswersThenTheCustomerConfirmsTheFix() throws Exception {
        Map<String, Object> created = post("/api/tickets", OUTAGE).getBody();
        String number = (String) created.get("ticketNumber");
        String token = (String) created.get("trackingToken");
        String instance = instance(number);

        // not resolved yet: nothing to confirm
        assertThat(post("/api/tickets/" + number + "/confirmation?token=" + token, "{\"resolved\": true}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        complete(instance, "UserTask_AcknowledgeTicket", Map.of());
        complete(instance, "UserTask_WorkTicket", Map.of("workOutcome", "NEED_INFO",
                "questionToCustomer", "Did the router restart at 7:00?"));
        MimeMessage question = awaitEmail(number, "Ticket " + number + ": we need your answer");
        assertThat(body(question)).contains("Did the router restart at 7:00?");
        Map<String, Object> waiting = get(number, token).getBody();
        assertThat(waiting).containsEntry("status", "WAITING_FOR_CUSTOMER").containsEntry("waitingFor", "ANSWER")
                .containsEntry("question", "Did the router restart at 7:00?");
        assertThat((Map<String, Object>) waiting.get("sla")).containsEntry("paused", true).doesNotContainKey("resolutionDue");

        ResponseEntity<Map> answered = post("/api/tickets/" + number + "/comments", "{\"message\": \"Yes, at 6:58.\"}",
                header(token));
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answered.getBody()).containsEntry("status", "IN_PROGRESS");
        assertThat((Map<String, Object>) answered.getBody().get("sla")).containsKey("resolutionDue");
        assertThat(runtime.getVariable(instance, "customerAnswer")).isEqualTo("Yes, at 6:58.");

        complete(instance, "UserTask_WorkTicket", Map.of("workOutcome", "RESOLVED",
                "resolution", "We turned SIP ALG off on the router."));
        MimeMessage resolved = awaitEmail(number, "Ticket " + number + " is resolved");
        assertThat(body(resolved)).contains("SIP ALG").contains("&answer=fixed").contains("&answer=not-fixed");
        assertThat(get(number, token).getBody()).containsEntry("waitingFor", "CONFIRMATION")
                .containsEntry("resolution", "We turned SIP ALG off on the router.");

        ResponseEntity<Map> confirmed = post("/api/tickets/" + number + "/confirmation?token=" + token,
                "{\"resolved\": true, \"comment\": \"Works again\"}");
        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(confirmed.getBody()).containsEntry("status", "CLOSED");
        assertThat(types(confirmed.getBody())).containsSubsequence("RECEIVED", "ASSIGNED", "ACKNOWLEDGED", "WAITING",
                "CUSTOMER_REPLIED", "RESOLVED", "CONFIRMED", "CLOSED");
        awaitEmail(number, "How did we do on ticket " + number);
        managersSummaryAsItsStepsWroteIt(number);

        // closed: no more comments or confirmations
        assertThat(post("/api/tickets/" + number + "/comments?token=" + token, "{\"message\": \"One more thing\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(post("/api/tickets/" + number + "/confirmation?token=" + token, "{\"resolved\": false}")
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aLateFirstResponseEscalatesAndTheCustomerIsTold() throws Exception {
        String number = (String) post("/api/tickets", OUTAGE).getBody().get("ticketNumber");
        String instance = instance(number);
        Job breach = management.createJobQuery().processInstanceId(instance)
                .activityId("BoundaryEvent_FirstResponseBreached").singleResult();

        management.executeJob(breach.getId());

        MimeMessage escalated = awaitEmail(number, "Your ticket " + number + " has been escalated");
        assertThat(escalated.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("ann@acme.example");
        assertThat(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("UserTask_ReviewLateFirstResponse")
                .taskCandidateGroup("support-supervisor").count()).isEqualTo(1);
    }

    @Test
    void aBillingQuestionIsAServiceRequestForBilling() throws Exception {
        ResponseEntity<Map> created = post("/api/tickets", OUTAGE.replace("\"OUTAGE\"", "\"BILLING\"")
                .replace("\"impact\": \"HIGH\", \"urgency\": \"MEDIUM\"", "\"priority\": \"P3\""));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("kind", "SERVICE_REQUEST");
        String number = (String) created.getBody().get("ticketNumber");
        assertThat(number).startsWith("S-");
        awaitEmail(number, "We received your request " + number);
        Task handle = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
        assertThat(handle.getTaskDefinitionKey()).isEqualTo("UserTask_HandleRequest");
        assertThat(handle.getAssignee()).isEqualTo("betty");
    }

    static Stream<Arguments> badTickets() {
        return Stream.of(
                Arguments.of("bad email", OUTAGE.replace("ann@acme.example", "ann-at-acme"), List.of("requesterEmail")),
                Arguments.of("unknown category", OUTAGE.replace("\"OUTAGE\"", "\"WEATHER\""), List.of("category")),
                Arguments.of("unknown priority", OUTAGE.replace("\"impact\": \"HIGH\"", "\"priority\": \"P9\""),
                        List.of("priority")),
                Arguments.of("no priority and no urgency", OUTAGE.replace(", \"urgency\": \"MEDIUM\"", ""), List.of("priority")),
                Arguments.of("missing fields", "{\"subject\": \"Help\"}",
                        List.of("category", "description", "requesterEmail", "requesterName")),
                Arguments.of("employee's project with spaces", OUTAGE.replace("\"channel\"",
                        "\"requesterType\": \"EMPLOYEE\", \"project\": \"core network\", \"channel\""), List.of("project")),
                Arguments.of("subject on two lines", OUTAGE.replace("Phones down at", "Phones\\ndown at"), List.of("subject")),
                Arguments.of("unknown field", OUTAGE.replace("\"channel\"", "\"severity\": 1, \"channel\""), List.of("severity")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTickets")
    void badTicketsAreRefusedNamingEachFieldAndStartNothing(String name, String json, List<String> fields) {
        long before = ticketRows();

        ResponseEntity<Map> response = post("/api/tickets", json);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
        assertThat(errors).extracting(error -> error.get("field")).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(ticketRows()).as("no ticket registered, so no process started").isEqualTo(before);
    }

    @Test
    void aWrongOrMissingTokenAndAnUnknownNumberLookTheSameAndChangeNothing() {
        Map<String, Object> created = post("/api/tickets", OUTAGE).getBody();
        String number = (String) created.get("ticketNumber");
        String token = (String) created.get("trackingToken");
        String other = (String) post("/api/tickets", OUTAGE).getBody().get("trackingToken");

        for (String[] probe : List.of(new String[] {number, "wrong"}, new String[] {number, other},
                new String[] {number, ""}, new String[] {"T-2026-99999", token})) {
            String path = "/api/tickets/" + probe[0];
            assertThat(get(probe[0], probe[1]).getStatusCode()).as("GET " + Arrays.toString(probe)).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(post(path + "/comments?token=" + probe[1], "{\"message\": \"hi\"}").getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(post(path + "/confirmation?token=" + probe[1], "{\"resolved\": true}").getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(http.getForEntity("/api/tickets/" + number, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForObject("/track?ticket={n}&token=wrong", String.class, number))
                .contains("We found no ticket " + number).doesNotContain("Phones down");

        // a blank comment is bad input; none of the probes left a trace
        ResponseEntity<Map> blank = post("/api/tickets/" + number + "/comments?token=" + token, "{\"message\": \" \"}");
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(types(get(number, token).getBody())).containsExactly("RECEIVED", "ASSIGNED");
    }

    @Test
    void theTrackingPageTakesTheCustomersAnswer() throws Exception {
        Map<String, Object> created = post("/api/tickets", OUTAGE).getBody();
        String number = (String) created.get("ticketNumber");
        String token = (String) created.get("trackingToken");
        String instance = instance(number);
        complete(instance, "UserTask_AcknowledgeTicket", Map.of());
        complete(instance, "UserTask_WorkTicket", Map.of("workOutcome", "NEED_INFO", "questionToCustomer", "Which floor?"));
        assertThat(http.getForObject("/track?ticket={n}&token={t}", String.class, number, token))
                .contains("Your agent asks").contains("Which floor?").contains("the clock is paused");

        // the page's form, with its CSRF token
        WebSession customer = new WebSession(port);
        var reply = customer.follow(customer.submit("/track?ticket=" + number + "&token=" + token,
                "/track/" + number + "/reply", Map.of("token", token, "message", "Second floor, reception.")));

        // followed back to the ticket, with the thank-you notice kept in the session
        assertThat(reply.statusCode()).isEqualTo(HttpStatus.OK.value());
        assertThat(reply.body()).contains("In progress").contains("your answer is with your agent")
                .doesNotContain("Your agent asks");
        assertThat(get(number, token).getBody()).containsEntry("status", "IN_PROGRESS");
        assertThat(runtime.getVariable(instance, "customerAnswer")).isEqualTo("Second floor, reception.");
    }

    /**
     * The managers' summary row of the ticket (KPI dashboard), written by the steps as they happened, says what the
     * timeline and the engine's history say: the same row as the start-up backfill rebuilds from them.
     */
    void managersSummaryAsItsStepsWroteIt(String number) {
        String row = "SELECT * FROM ticket_kpi WHERE ticket_number = ?";
        Map<String, Object> written = jdbc.queryForMap(row, number);
        assertThat(written).containsEntry("STATUS", "CLOSED").containsEntry("FIRST_RESPONSE_MET", true)
                .containsEntry("RESOLUTION_MET", true).containsEntry("CUSTOMER_CONFIRMED", true)
                .containsEntry("CONFIRMATION_COMMENT", "Works again").containsEntry("ESCALATIONS", 0)
                .containsEntry("REOPEN_COUNT", 0);
        assertThat(written.get("SUPPORT_GROUP")).isNotNull();
        assertThat(written.get("ASSIGNEE")).isNotNull();
        assertThat(written.get("FIRST_RESPONSE_AT")).isNotNull();
        assertThat(written.get("RESOLVED_AT")).isNotNull();
        assertThat(written.get("CLOSED_AT")).isNotNull();

        jdbc.update("DELETE FROM ticket_kpi WHERE ticket_number = ?", number);
        assertThat(kpiSummaries.backfill()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForMap(row, number)).isEqualTo(written);
    }

    // -----------------------------------------------------------------------------------------------------------

    @Autowired
    TicketKpis kpiSummaries;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    Outbox outbox;

    long ticketRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM support_ticket", Long.class);
    }

    ResponseEntity<Map> post(String path, String json) {
        return http.postForEntity(path, Json.body(json, null), Map.class);
    }

    ResponseEntity<Map> post(String path, String json, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), Map.class);
    }

    ResponseEntity<Map> get(String number, String token) {
        return http.exchange("/api/tickets/" + number, HttpMethod.GET, new HttpEntity<>(header(token)), Map.class);
    }

    static HttpHeaders header(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Tracking-Token", token);
        return headers;
    }

    String instance(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    }

    /**
     * Completes the task as its agent would, at once: nothing runs in the background on the ticket (its emails go
     * through the outbox), so no step of the agent collides with one of the ticket's own.
     */
    void complete(String instance, String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey).isNotNull();
        tasks.complete(task.getId(), variables);
    }

    static List<String> types(Map<String, Object> ticket) {
        return ((List<Map<String, Object>>) ticket.get("timeline")).stream().map(e -> (String) e.get("type")).toList();
    }

    /** The ticket's email, as received: by its Message-ID (another context's ticket may have the same number). */
    MimeMessage awaitEmail(String number, String subjectStart) {
        return Mails.awaitReceived(smtp, outbox, instance(number), subjectStart);
    }

    static String body(MimeMessage message) {
        return Mails.text(message);
    }
}
