package io.touchpoint.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.touchpoint.testing.Json;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Every email goes through the outbox, so that a mail server that is down, a template that does not render or an
 * address that is not one never fails the customer's request or the agent's step: the email waits and retries, then
 * fails with an incident on its process instance naming the email and the customer, and an administrator sends it
 * again once SMTP is back; each arrives exactly once (by its Message-ID).
 */
@TouchpointSpringTest
@TestPropertySource(properties = "touchpoint.mail.retry-cycle=R2/PT2S")
class EmailOutboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    RepositoryService repository;
    @Autowired
    Outbox outbox;

    GreenMail smtp = new GreenMail(TestSmtp.SETUP);

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void whileSmtpIsDownEmailsRetryThenFailWithAnIncidentAndArriveOnceEachWhenAnAdministratorRetriesThem() {
        // SMTP is down: the customers still get their ticket numbers at once, and the agents their tasks
        List<String> numbers = IntStream.range(0, 3).mapToObj(i -> {
            ResponseEntity<Map> created = http.postForEntity("/api/tickets", Json.body(Json.ticket("down-" + i + "@outage.example"), null), Map.class);
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            return (String) created.getBody().get("ticketNumber");
        }).toList();
        List<String> instances = numbers.stream().map(number -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(number).singleResult().getId()).toList();
        assertThat(instances).allSatisfy(instance -> assertThat(tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("UserTask_AcknowledgeTicket").count()).isEqualTo(1));

        // each acknowledgement waits in the outbox and is tried again...
        await().atMost(Duration.ofSeconds(30)).until(() -> instances.stream().map(this::acknowledgement).allMatch(email ->
                email.status() == OutboxEmail.Status.PENDING && email.attempts() >= 1 && email.lastError() != null
                        || email.status() == OutboxEmail.Status.FAILED));
        // ...until its retries (R2/PT2S: three attempts) are used up: FAILED, with an incident that says what to do
        await().atMost(Duration.ofSeconds(60)).until(() -> instances.stream().map(this::acknowledgement)
                .allMatch(email -> email.status() == OutboxEmail.Status.FAILED));
        for (int i = 0; i < 3; i++) {
            OutboxEmail failed = acknowledgement(instances.get(i));
            assertThat(failed.attempts()).isEqualTo(3);
            Incident incident = runtime.createIncidentQuery().processInstanceId(instances.get(i))
                    .incidentType(DeliveryIncidents.TYPE).singleResult();
            assertThat(incident.getConfiguration()).isEqualTo(String.valueOf(failed.id()));
            assertThat(incident.getIncidentMessage()).contains("email 'ticket-received'")
                    .contains("down-" + i + "@outage.example").contains("Ann Lee, " + numbers.get(i))
                    .contains("after 3 attempts").contains("/mail/outbox");
        }
        WebSession admin = administrator();
        assertThat(admin.get("/mail/outbox").body()).contains("FAILED").contains("down-0@outage.example")
                .contains("Retry");

        // SMTP is back; an administrator retries each email: each arrives once, and its incident is resolved
        smtp.start();
        for (String instance : instances) {
            HttpResponse<String> retried = retry(admin, acknowledgement(instance).id());
            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(HttpStatus.OK.value());
            assertThat(json(retried)).containsEntry("status", "PENDING").containsEntry("attempts", 0);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> instances.stream().map(this::acknowledgement)
                .allMatch(email -> email.status() == OutboxEmail.Status.SENT));
        // (an email is marked SENT once its incident is resolved)
        Map<String, Long> received = Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(Mails::messageId, Collectors.counting()));
        assertThat(instances).allSatisfy(instance -> {
            assertThat(received.get("<" + acknowledgement(instance).messageId() + ">")).isEqualTo(1L);
            assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
        });
        assertThat(retry(admin, acknowledgement(instances.get(0)).id()).statusCode()).as("sent: nothing to retry")
                .isEqualTo(HttpStatus.CONFLICT.value());
    }

    @Test
    void aTemplateThatDoesNotRenderAndAnAddressThatIsNotOneFailTheirEmailsAtOnceButNotTheStep() {
        smtp.start();
        BpmnModelInstance model = Bpmn.createExecutableProcess("Process_BrokenEmailsTest").camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_SendWithBrokenTemplate").camundaDelegateExpression("${sendEmail}")
                .camundaInputParameter("to", "${contactEmail}").camundaInputParameter("subject", "Broken template")
                .camundaInputParameter("template", "no-such-template")
                .serviceTask("Task_SendToNoAddress").camundaDelegateExpression("${sendEmail}")
                .camundaInputParameter("to", "not-an-address").camundaInputParameter("subject", "Your quote")
                .camundaInputParameter("template", "quote-request-received")
                .userTask("UserTask_CarryOn").endEvent().done();
        String deployment = repository.createDeployment().addModelInstance("broken-emails-test.bpmn", model).deploy().getId();
        try {
            String instance = runtime.startProcessInstanceByKey("Process_BrokenEmailsTest", "BK-77", Map.of(
                    "contactEmail", "bea@broken.example", "companyName", "Broken Templates Inc", "contactName", "Bea",
                    "quoteNumber", "Q-2026-07777")).getId();

            assertThat(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("UserTask_CarryOn").count())
                    .as("both email steps completed").isEqualTo(1);
            List<OutboxEmail> emails = outbox.ofProcessInstance(instance);
            assertThat(emails).hasSize(2).allSatisfy(email -> assertThat(email.status()).isEqualTo(OutboxEmail.Status.FAILED));
            assertThat(emails.get(0).lastError()).contains("no-such-template");
            assertThat(emails.get(1).lastError()).contains("not-an-address");
            List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(instance)
                    .incidentType(DeliveryIncidents.TYPE).list();
            assertThat(incidents).extracting(Incident::getIncidentMessage).satisfiesExactlyInAnyOrder(
                    message -> assertThat(message).contains("email 'no-such-template' to bea@broken.example")
                            .contains("Broken Templates Inc, BK-77"),
                    message -> assertThat(message).contains("email 'quote-request-received' to not-an-address")
                            .contains("'not-an-address' is not an email address").contains("Broken Templates Inc"));

            // what was never rendered cannot be retried; an unknown email is not found
            WebSession admin = administrator();
            HttpResponse<String> refused = retry(admin, emails.get(0).id());
            assertThat(refused.statusCode()).isEqualTo(HttpStatus.CONFLICT.value());
            assertThat(json(refused)).containsEntry("title", "Email cannot be retried");
            assertThat((String) json(refused).get("detail")).contains("could not be prepared").contains("no-such-template");
            assertThat(retry(admin, 987654).statusCode()).isEqualTo(HttpStatus.NOT_FOUND.value());
            assertThat(smtp.getReceivedMessages()).extracting(Mails::messageId)
                    .doesNotContain("<" + emails.get(0).messageId() + ">", "<" + emails.get(1).messageId() + ">");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void onlyAdministratorsSeeTheOutboxAndRetryEmails() {
        assertThat(new WebSession(port).get("/mail/outbox").statusCode()).as("to the login page").isEqualTo(302);
        WebSession sara = new WebSession(port);
        sara.logIn("sara", "demo");
        assertThat(sara.get("/mail/outbox").statusCode()).isEqualTo(HttpStatus.FORBIDDEN.value());
        assertThat(retry(sara, 1).statusCode()).isEqualTo(HttpStatus.FORBIDDEN.value());
    }

    // -----------------------------------------------------------------------------------------------------------

    OutboxEmail acknowledgement(String instance) {
        return outbox.ofProcessInstance(instance).stream().filter(email -> email.template().equals("ticket-received"))
                .findFirst().orElseThrow();
    }

    WebSession administrator() {
        WebSession admin = new WebSession(port);
        admin.logIn("admin", "admin");
        return admin;
    }

    /**
     * Presses "Retry" as a logged-in person does on the outbox page: with the session's CSRF token (from the page's
     * forms, or the login page's when the outbox shows none), answered as JSON.
     */
    HttpResponse<String> retry(WebSession person, long id) {
        String token = WebSession.csrfToken(person.get("/mail/outbox").body())
                .or(() -> WebSession.csrfToken(person.get("/login").body())).orElseThrow();
        return person.postForm("/mail/outbox/" + id + "/retry", Map.of("_csrf", token), "Accept", "application/json");
    }

    Map<String, Object> json(HttpResponse<String> response) {
        try {
            return JSON.readValue(response.body(), new TypeReference<>() { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
