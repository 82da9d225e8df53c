package io.touchpoint.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.touchpoint.testing.Json;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Every email goes through the outbox, so that a mail server that is down, a template that does not render or an
 * address that is not one never fails the customer's request or the agent's step: the email waits and retries, then
 * fails with an incident on its process instance naming the email and the customer, and an administrator sends it
 * again once SMTP is back; each arrives exactly once (by its Message-ID).
 */
@TouchpointSpringTest
@TestPropertySource(properties = "touchpoint.mail.retry-cycle=R2/PT2S")
class EmailOutboxTest {

    private static final Pattern HIDDEN_INPUT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

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
        assertThat(admin().getForObject("/mail/outbox", String.class)).contains("FAILED").contains("down-0@outage.example")
                .contains("Retry");

        // SMTP is back; an administrator retries each email: each arrives once, and its incident is resolved
        smtp.start();
        for (String instance : instances) {
            ResponseEntity<Map> retried = retry(acknowledgement(instance).id());
            assertThat(retried.getStatusCode()).as(String.valueOf(retried.getBody())).isEqualTo(HttpStatus.OK);
            assertThat(retried.getBody()).containsEntry("status", "PENDING").containsEntry("attempts", 0);
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
        assertThat(retry(acknowledgement(instances.get(0)).id()).getStatusCode()).as("sent: nothing to retry")
                .isEqualTo(HttpStatus.CONFLICT);
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
            ResponseEntity<Map> refused = retry(emails.get(0).id());
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getBody()).containsEntry("title", "Email cannot be retried");
            assertThat((String) refused.getBody().get("detail")).contains("could not be prepared").contains("no-such-template");
            assertThat(retry(987654).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(smtp.getReceivedMessages()).extracting(Mails::messageId)
                    .doesNotContain("<" + emails.get(0).messageId() + ">", "<" + emails.get(1).messageId() + ">");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void onlyAdministratorsSeeTheOutboxAndRetryEmails() {
        assertThat(http.getForEntity("/mail/outbox", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("sara", "demo").getForEntity("/mail/outbox", String.class).getStatusCode())
                .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("sara", "demo").postForEntity("/mail/outbox/1/retry", null, String.class)
                .getStatusCode()).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    }

    // -----------------------------------------------------------------------------------------------------------

    OutboxEmail acknowledgement(String instance) {
        return outbox.ofProcessInstance(instance).stream().filter(email -> email.template().equals("ticket-received"))
                .findFirst().orElseThrow();
    }

    TestRestTemplate admin() {
        return http.withBasicAuth("admin", "admin");
    }

    /**
     * Presses "Retry" as an administrator does on the outbox page: the form's hidden fields and the page's cookies go
     * with it; answered as JSON.
     */
    ResponseEntity<Map> retry(long id) {
        ResponseEntity<String> page = admin().getForEntity("/mail/outbox", String.class);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        Matcher hidden = HIDDEN_INPUT.matcher(page.getBody());
        while (hidden.find()) {
            form.addIfAbsent(hidden.group(1), hidden.group(2));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (cookies != null) {
            headers.set(HttpHeaders.COOKIE, cookies.stream().map(cookie -> cookie.split(";")[0])
                    .collect(Collectors.joining("; ")));
        }
        return admin().exchange("/mail/outbox/{id}/retry", HttpMethod.POST, new HttpEntity<>(form, headers), Map.class, id);
    }
}
