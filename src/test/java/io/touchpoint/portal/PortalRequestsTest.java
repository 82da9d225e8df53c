package io.touchpoint.portal;

import static io.touchpoint.portal.CustomerAccountsPageTest.quoteRequest;
import static io.touchpoint.portal.PortalTestCustomers.loggedIn;
import static io.touchpoint.portal.PortalTestCustomers.registerAndConfirm;
import static io.touchpoint.portal.PortalTestCustomers.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * My requests (REG-03, REG-04, REG-06) over real HTTP: a customer sees every ticket and service request of the
 * company and nothing of another's (404 on every page, form and API, as for an unknown number); raises a request
 * after the published articles that match; answers, confirms and finds the survey; staff publish articles.
 */
@TouchpointSpringTest
class PortalRequestsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCustomerSeesEveryRequestOfTheCompanyAndNothingOfAnothersNotEvenThatItExists() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String companyA = "Alpha Dental " + suffix;
        String contactA = uniqueEmail("alpha-contact");
        String loginA = uniqueEmail("alpha");
        quoteRequest(port, companyA, "Alice Contact", contactA);
        quoteRequest(port, companyA, "Al Login", loginA);
        registerAndConfirm(new WebSession(port), smtp, "Al Login", loginA);
        String loginB = uniqueEmail("beta");
        quoteRequest(port, "Beta Law " + suffix, "Bea Login", loginB);
        registerAndConfirm(new WebSession(port), smtp, "Bea Login", loginB);

        String ticketA = ticket(contactA, "Alpha's phones are down " + suffix);
        String ticketB = ticket(loginB, "Beta's fax is silent " + suffix);

        WebSession alpha = loggedIn(port, loginA);
        assertThat(alpha.get("/portal/requests").body()).contains(ticketA).contains("With an agent")
                .doesNotContain(ticketB);
        HttpResponse<String> own = alpha.get("/portal/requests/" + ticketA);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Alpha&#39;s phones are down").contains("Resolution by").contains("Received");
        assertThat(alpha.get("/portal/api/requests", "Accept", "application/json").body()).contains(ticketA)
                .doesNotContain(ticketB).doesNotContain("processInstanceId");
        assertThat(alpha.get("/portal/api/requests/" + ticketA, "Accept", "application/json").statusCode()).isEqualTo(200);

        for (String other : new String[] {ticketB, "T-2099-99999", "not-a-number"}) {
            HttpResponse<String> page = alpha.get("/portal/requests/" + other);
            assertThat(page.statusCode()).as(other).isEqualTo(404);
            assertThat(page.body()).doesNotContain("Beta").contains("Not found");
            HttpResponse<String> api = alpha.get("/portal/api/requests/" + other, "Accept", "application/json");
            assertThat(api.statusCode()).isEqualTo(404);
            assertThat(api.body()).doesNotContain("fax");
            String csrf = WebSession.csrfToken(alpha.get("/portal/requests").body()).orElseThrow();
            assertThat(alpha.postForm("/portal/requests/" + other + "/reply", Map.of("message", "Hello", "_csrf", csrf))
                    .statusCode()).isEqualTo(404);
            assertThat(alpha.postForm("/portal/requests/" + other + "/confirmation", Map.of("resolved", "true",
                    "_csrf", csrf)).statusCode()).isEqualTo(404);
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticketB).singleResult()).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM support_ticket_event WHERE ticket_number = ? AND event_type = 'COMMENT'",
                Integer.class, ticketB)).as("nothing reached B's ticket").isZero();

        WebSession beta = loggedIn(port, loginB);
        assertThat(beta.get("/portal/requests").body()).contains(ticketB).doesNotContain(ticketA);
        assertThat(beta.get("/portal/requests/" + ticketA).statusCode()).isEqualTo(404);
        assertThat(new WebSession(port).get("/portal/api/requests").headers().firstValue("Location").orElseThrow())
                .as("no login").endsWith("/portal/login");
    }

    @Test
    void aCustomerRaisesARequestAfterTheMatchingPublishedArticlesThenAnswersConfirmsAndFindsTheSurvey() {
        String word = "zyx" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String login = uniqueEmail("cora");
        registerAndConfirm(new WebSession(port), smtp, "Cora Vance", login);
        long published = article("Desk phone shows " + word, "The display says " + word + " after a power cut.",
                "Unplug the phone for ten seconds and plug it in again.");
        long staffOnly = article("Internal note on " + word, "Only for staff " + word, "Escalate to L2.");
        WebSession tim = new WebSession(port);
        String[] basic = WebSession.basic("tim", "demo");
        HttpResponse<String> put = tim.sendJson("PUT", "/api/kb/articles/" + published + "/published",
                "{\"published\": true}", basic[0], basic[1], "Accept", "application/json");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("\"publishedForCustomers\":true");

        WebSession cora = loggedIn(port, login);
        HttpResponse<String> empty = cora.submit("/portal/requests/new", "/portal/requests/new", Map.of());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"subject-error\"", "id=\"description-error\"", "id=\"category-error\"",
                "id=\"impact-error\"", "id=\"urgency-error\"");

        Map<String, String> request = Map.of("subject", "My desk phone shows " + word, "description",
                "Since this morning the display says " + word + ".", "category", "EQUIPMENT", "impact", "LOW",
                "urgency", "MEDIUM");
        HttpResponse<String> suggested = cora.submit("/portal/requests/new", "/portal/requests/new", request);
        assertThat(suggested.statusCode()).isEqualTo(200);
        assertThat(suggested.body()).contains("These articles may solve it").contains("Desk phone shows " + word)
                .doesNotContain("Internal note on " + word).contains("name=\"checked\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM support_ticket WHERE subject = ?", Integer.class,
                request.get("subject"))).as("not sent yet").isZero();
        assertThat(cora.get("/portal/help?q=" + word).body()).contains("Desk phone shows " + word)
                .doesNotContain("Internal note");
        assertThat(cora.get("/portal/help/" + published).statusCode()).isEqualTo(200);
        assertThat(cora.get("/portal/help/" + staffOnly).statusCode()).isEqualTo(404);

        java.util.Map<String, String> send = new java.util.HashMap<>(request);
        send.put("checked", "true");
        HttpResponse<String> sent = cora.submit("/portal/requests/new", "/portal/requests/new", send);
        assertThat(sent.statusCode()).isEqualTo(302);
        String number = sent.headers().firstValue("Location").orElseThrow().replaceAll(".*/portal/requests/", "");
        assertThat(number).matches("T-\\d{4}-\\d{5}");
        assertThat(cora.follow(sent).body()).contains("we received your request " + number);
        assertThat(jdbc.queryForObject("SELECT channel FROM support_ticket WHERE ticket_number = ?", String.class, number))
                .isEqualTo("PORTAL");

        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        complete(instance, "UserTask_AcknowledgeTicket", Map.of());
        complete(instance, "UserTask_WorkTicket", Map.of("workOutcome", "NEED_INFO", "questionToCustomer",
                "Which model is the phone?"));
        assertThat(cora.get("/portal/requests/" + number).body()).contains("Your agent asks")
                .contains("Which model is the phone?").contains("Waiting for your answer");
        HttpResponse<String> blank = cora.submit("/portal/requests/" + number, "/portal/requests/" + number + "/reply",
                Map.of("message", " "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"message-error\"");
        HttpResponse<String> replied = cora.submit("/portal/requests/" + number, "/portal/requests/" + number + "/reply",
                Map.of("message", "A Yealink T54W."));
        assertThat(replied.statusCode()).isEqualTo(302);
        assertThat(cora.follow(replied).body()).contains("your message is with your agent").contains("A Yealink T54W.");

        complete(instance, "UserTask_WorkTicket", Map.of("workOutcome", "RESOLVED", "resolution",
                "We sent a new power supply."));
        assertThat(cora.get("/portal/requests/" + number).body()).contains("Is it fixed?")
                .contains("We sent a new power supply.");
        HttpResponse<String> unanswered = cora.submit("/portal/requests/" + number,
                "/portal/requests/" + number + "/confirmation", Map.of("comment", "hm"));
        assertThat(unanswered.statusCode()).isEqualTo(400);
        assertThat(unanswered.body()).contains("id=\"resolved-error\"");
        HttpResponse<String> confirmed = cora.submit("/portal/requests/" + number,
                "/portal/requests/" + number + "/confirmation", Map.of("resolved", "true", "comment", "Works, thanks"));
        assertThat(confirmed.statusCode()).isEqualTo(302);

        String page = await().atMost(Duration.ofSeconds(30)).until(() -> cora.get("/portal/requests/" + number).body(),
                body -> body.contains("id=\"survey-link\""));
        assertThat(page).contains("Closed");
        Matcher survey = Pattern.compile("href=\"(/survey/[^\"]+)\"").matcher(page);
        assertThat(survey.find()).isTrue();
        HttpResponse<String> surveyPage = new WebSession(port).get(survey.group(1).replace("&amp;", "&"));
        assertThat(surveyPage.statusCode()).isEqualTo(200);
    }

    @Test
    void staffPublishAndWithdrawAnArticleOnTheKnowledgeBasePage() {
        String word = "qwv" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        long id = article("Voicemail PIN " + word, "The PIN is refused " + word, "Reset it in the phone menu.");
        String login = uniqueEmail("dan");
        registerAndConfirm(new WebSession(port), smtp, "Dan Customer", login);
        WebSession customer = loggedIn(port, login);
        assertThat(customer.get("/portal/help/" + id).statusCode()).isEqualTo(404);

        WebSession kim = new WebSession(port);
        kim.logIn("kim", "demo");
        assertThat(kim.get("/kb/" + id).body()).contains("Staff only").contains("Publish for customers");
        HttpResponse<String> publish = kim.submit("/kb/" + id, "/kb/" + id + "/published", Map.of("published", "true"));
        assertThat(publish.statusCode()).isEqualTo(302);
        assertThat(kim.follow(publish).body()).contains("Withdraw from customers");
        assertThat(customer.get("/portal/help/" + id).body()).contains("Reset it in the phone menu.");
        kim.submit("/kb/" + id, "/kb/" + id + "/published", Map.of("published", "false"));
        assertThat(customer.get("/portal/help/" + id).statusCode()).isEqualTo(404);
        assertThat(customer.get("/kb/" + id).headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    String ticket(String email, String subject) {
        HttpResponse<String> created = new WebSession(port).post("/api/tickets", "application/json", """
                {"subject": "%s", "description": "Since 7:00.", "category": "OUTAGE", "impact": "HIGH",
                 "urgency": "MEDIUM", "requesterEmail": "%s", "requesterName": "Someone", "channel": "EMAIL"}"""
                .formatted(subject, email), "Accept", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher number = Pattern.compile("\"ticketNumber\":\"([^\"]+)\"").matcher(created.body());
        assertThat(number.find()).isTrue();
        return number.group(1);
    }

    long article(String title, String symptoms, String workaround) {
        HttpResponse<String> created = new WebSession(port).post("/api/kb/articles", "application/json", """
                {"title": "%s", "symptoms": "%s", "workaround": "%s", "category": "EQUIPMENT"}"""
                .formatted(title, symptoms, workaround), WebSession.basic("tim", "demo"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    void complete(String instance, String taskKey, Map<String, Object> variables) {
        Task task = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(taskKey).singleResult(), found -> found != null);
        tasks.complete(task.getId(), variables);
    }
}
