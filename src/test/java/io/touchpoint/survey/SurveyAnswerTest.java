package io.touchpoint.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.postsales.PostSalesProcess;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The satisfaction survey as the customer meets it: the email with its link, the page, the answer that reaches the
 * waiting process, and every answer that is refused without changing anything.
 */
@TouchpointSpringTest
class SurveyAnswerTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    static final Pattern LINK = Pattern.compile("(/survey/[0-9a-f-]{36}\\?token=[A-Za-z0-9_-]+)");

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    @Autowired
    SurveyService surveys;

    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    @Test
    void surveyLinkOpensThePageAndTheAnswerReachesTheProcess() {
        ProcessInstance customer = activeCustomer("O-2026-90001", "ann@survey.example");
        String link = surveyLink("ann@survey.example");

        String page = http.getForObject(link, String.class);
        assertThat(page).contains("How satisfied are you overall?").contains("Send my answer");

        // the page's form, with its CSRF token
        String done = new WebSession(port).submit(link, path(link), Map.of("token", token(link), "satisfaction", "4",
                "comment", "Smooth install")).body();
        assertThat(done).contains("Thank you!");

        await().atMost(Duration.ofSeconds(10)).until(() -> variable(customer, "surveySatisfaction") != null);
        assertThat(variable(customer, "surveySatisfaction")).isEqualTo(4);
        assertThat(variable(customer, "surveyComment")).isEqualTo("Smooth install");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(customer.getId())
                .activityId("ReceiveTask_SurveyAnswered").finished().count()).isEqualTo(1);
        assertThat(surveys.load(id(link)).status()).isEqualTo(Survey.Status.ANSWERED);
    }

    @Test
    void apiAnswerCountsOnceAndBadAnswersChangeNothing() {
        activeCustomer("O-2026-90002", "bo@survey.example");
        String link = surveyLink("bo@survey.example");
        String id = id(link);
        String token = token(link);

        ResponseEntity<Map> tooHigh = answer(id, "{\"token\": \"" + token + "\", \"satisfaction\": 6}");
        assertThat(tooHigh.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooHigh.getBody().get("errors").toString()).contains("field=satisfaction");
        ResponseEntity<Map> badPerson = answer(id, "{\"token\": \"" + token + "\", \"satisfaction\": 3, \"personRating\": 0}");
        assertThat(badPerson.getBody().get("errors").toString()).contains("field=personRating");
        assertThat(answer(id, "{\"token\": \"wrong-token\", \"satisfaction\": 5}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer("00000000-0000-0000-0000-000000000000", "{\"token\": \"" + token + "\", \"satisfaction\": 5}")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(surveys.load(id).status()).isEqualTo(Survey.Status.OPEN);

        // another customer's survey does not open with this customer's token, by API or page
        activeCustomer("O-2026-90004", "dee@survey.example");
        String other = id(surveyLink("dee@survey.example"));
        assertThat(answer(other, "{\"token\": \"" + token + "\", \"satisfaction\": 1}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForObject("/survey/" + other + "?token=" + token, String.class))
                .doesNotContain("How satisfied are you overall?");
        assertThat(surveys.load(other).status()).isEqualTo(Survey.Status.OPEN);

        ResponseEntity<Map> first = answer(id, "{\"token\": \"" + token + "\", \"satisfaction\": 5, \"comment\": \"Great\"}");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> second = answer(id, "{\"token\": \"" + token + "\", \"satisfaction\": 1}");
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(surveys.load(id).satisfaction()).isEqualTo(5);
    }

    @Test
    void surveyClosedAfterTheWaitTakesNoAnswer() {
        ProcessInstance customer = activeCustomer("O-2026-90003", "cy@survey.example");
        String link = surveyLink("cy@survey.example");
        // the close timer's time comes: run its job now, as the job executor would then
        var closeTimer = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
                .processInstanceId(customer.getId()).activityId("BoundaryEvent_SurveyCloseDue").singleResult(),
                job -> job != null);
        management.executeJob(closeTimer.getId());
        assertThat(surveys.load(id(link)).status()).isEqualTo(Survey.Status.EXPIRED);

        ResponseEntity<Map> late = answer(id(link), "{\"token\": \"" + token(link) + "\", \"satisfaction\": 5}");

        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(variable(customer, "surveySatisfaction")).isNull();
        assertThat(http.getForObject(link, String.class)).contains("This survey is closed.");
    }

    /** A customer whose services are active, and to whom Marketing has sent the survey. */
    private ProcessInstance activeCustomer(String orderNumber, String email) {
        ProcessInstance customer = runtime.startProcessInstanceByKey(PostSalesProcess.PROCESS_ID, "Q-" + orderNumber,
                Variables.putValue("orderNumber", orderNumber).putValue("companyName", "Survey Co")
                        .putValue("contactName", "Ann").putValue("contactEmail", email).putValue("phone", "+1 555 010 0100")
                        .putValue("salesRep", "sara").putValue("seats", 5).putValue("activationDate", new Date()));
        org.camunda.bpm.engine.task.Task send = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceId(customer.getId()).taskDefinitionKey("Task_SendFollowUpSurvey").singleResult(),
                task -> task != null);
        // as a person would: not in the very instant the instance's background steps run
        await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().processInstanceId(customer.getId())
                .executable().count() == 0);
        tasks.complete(send.getId(), Variables.putValue("surveyRecipientChecked", true));
        return customer;
    }

    private String surveyLink(String recipient) {
        MimeMessage email = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m).equals(recipient) && subject(m).startsWith("How was your installation"))
                .findFirst().orElse(null), m -> m != null);
        Matcher link = LINK.matcher(Mails.text(email));
        assertThat(link.find()).as("the survey email has a link").isTrue();
        return link.group(1);
    }

    private ResponseEntity<Map> answer(String id, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/surveys/{id}", new HttpEntity<>(json, headers), Map.class, id);
    }

    private Object variable(ProcessInstance instance, String name) {
        var value = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
                .singleResult();
        return value == null ? null : value.getValue();
    }

    private static String path(String link) {
        return URI.create(link).getPath();
    }

    private static String id(String link) {
        return path(link).substring("/survey/".length());
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
