package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.touchpoint.knowledge.KnowledgeBase;
import io.touchpoint.knowledge.NewArticle;
import io.touchpoint.notification.CapturedMailbox;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.WebSession;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customer portal as a customer uses it on a phone (390 px) and a desktop (1280 px): register, confirm by the
 * link of the captured email, log in, search the help, raise a request after the matching article, follow it in My
 * requests, answer the agent, confirm the fix, find the survey, log out.
 */
class CustomerPortalBrowserIT extends BrowserTestSupport {

    @Autowired
    CapturedMailbox mailbox;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void aCustomerRegistersRaisesARequestFollowsItConfirmsTheFixAndLogsOut() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String email = "olga-" + suffix + "@portal-browser.example";
        String company = "Olga Opticians " + suffix;
        String word = "crackle" + suffix.replaceAll("[^a-z]", "");
        long article = knowledge.create(new NewArticle("Crackling on calls (" + word + ")",
                "Calls crackle and drop after a few minutes " + word, "Turn SIP ALG off on your router, then restart it.",
                "DEGRADED_SERVICE", List.of("calls"), null), "tim");
        knowledge.publish(article, true);
        var quote = new WebSession(port).post("/api/quote-requests", "application/json", """
                {"companyName": "%s", "contactName": "Olga Berg", "contactEmail": "%s", "phone": "+1 555 010 0199",
                 "seats": 6, "requestedServices": ["HOSTED_VOICE", "FIBER_INTERNET"], "currentProvider": "Old Telco",
                 "notes": "One shop"}""".formatted(company, email), "Accept", "application/json");
        org.assertj.core.api.Assertions.assertThat(quote.statusCode()).isEqualTo(201);

        Page phone = newPage(390, 844);
        phone.navigate(url("/portal/register"));
        phone.getByLabel("Your name").fill("Olga Berg");
        phone.getByLabel("Email").fill("not an address");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(phone.locator("#email-error")).containsText("Please give one email address");
        screenshot(phone, "portal-01-register-error-390");
        phone.getByLabel("Email").fill(email);
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your email"))).isVisible();

        MimeMessage confirmation = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.messages().stream()
                .filter(message -> to(message).equals(email))
                .filter(message -> Mails.subject(message).startsWith("Confirm your email")).findFirst().orElse(null), found -> found != null);
        Matcher link = Pattern.compile("(/portal/password\\?token=[A-Za-z0-9_-]+)").matcher(Mails.text(confirmation));
        org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();
        phone.navigate(url(link.group(1)));
        phone.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("olga's long password");
        phone.getByLabel("The same password again").fill("olga's long password");
        screenshot(phone, "portal-02-choose-password-390");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm and set password")).click();
        assertThat(phone.locator(".notice")).containsText("Your email is confirmed");

        phone.getByLabel("Email").fill(email);
        phone.getByLabel("Password").fill("olga's long password");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Olga Berg"))).isVisible();
        assertThat(phone.locator("main")).containsText(company);
        assertThat(phone.locator("main")).containsText("Hosted VoIP phone system");
        screenshot(phone, "portal-03-my-company-390");

        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My journey")).first().click();
        assertThat(phone.locator("main")).containsText("Quote requested");
        assertThat(phone.locator("main")).containsText("your sales representative");
        screenshot(phone, "portal-04-my-journey-390");

        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Help")).click();
        phone.getByLabel("Search the help").fill(word);
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Crackling on calls (" + word + ")")))
                .isVisible();

        phone.navigate(url("/portal/requests/new"));
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(phone.locator("#subject-error")).isVisible();
        assertThat(phone.locator("#category-error")).isVisible();
        screenshot(phone, "portal-05-new-request-errors-390");
        phone.getByLabel("Subject").fill("Calls " + word + " at the front desk");
        phone.getByLabel("What happens").fill("Since Monday every call crackles (" + word + ") and drops.");
        phone.getByLabel("What it is about").selectOption("DEGRADED_SERVICE");
        phone.getByLabel("Who is affected").selectOption("MEDIUM");
        phone.getByLabel("How urgent").selectOption("MEDIUM");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(phone.locator("#suggestions")).containsText("Crackling on calls (" + word + ")");
        screenshot(phone, "portal-06-suggested-article-390");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Not solved: send my request")).click();
        assertThat(phone.locator(".notice")).containsText("we received your request");
        String number = phone.url().replaceAll(".*/portal/requests/", "");

        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My requests")).first().click();
        assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number + ": Calls " + word
                + " at the front desk"))).isVisible();
        screenshot(phone, "portal-07-my-requests-390");

        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        complete(instance, "UserTask_AcknowledgeTicket", Map.of());
        complete(instance, "UserTask_WorkTicket", Map.of("workOutcome", "NEED_INFO", "questionToCustomer",
                "Which router do you have?"));
        phone.navigate(url("/portal/requests/" + number));
        assertThat(phone.locator("main")).containsText("Which router do you have?");
        phone.getByLabel("Your answer to your agent").fill("A Peplink Balance 20X.");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(phone.locator(".notice")).containsText("your message is with your agent");
        screenshot(phone, "portal-08-request-answered-390");

        complete(instance, "UserTask_WorkTicket", Map.of("workOutcome", "RESOLVED", "resolution",
                "We turned SIP ALG off on your router."));
        phone.navigate(url("/portal/requests/" + number));
        assertThat(phone.locator("main")).containsText("Is it fixed?");
        phone.getByLabel("Yes, it is fixed").check();
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(phone.locator(".notice")).containsText("the request is closed");

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            phone.reload();
            return phone.locator("#survey-link").count() > 0;
        });
        screenshot(phone, "portal-09-closed-with-survey-390");
        phone.setViewportSize(1280, 900);
        screenshot(phone, "portal-09-closed-with-survey-1280");
        phone.navigate(url("/portal/requests"));
        screenshot(phone, "portal-07-my-requests-1280");
        phone.navigate(url("/portal"));
        screenshot(phone, "portal-03-my-company-1280");
        phone.navigate(url("/portal/journey"));
        screenshot(phone, "portal-04-my-journey-1280");
        phone.navigate(url("/portal/requests/" + number));
        phone.locator("#survey-link").click();
        assertThat(phone.locator("form")).isVisible();
        org.assertj.core.api.Assertions.assertThat(phone.url()).contains("/survey/");

        phone.navigate(url("/portal"));
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        assertThat(phone.locator(".notice")).containsText("You are logged out.");
        phone.navigate(url("/portal/requests"));
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Log in to the customer portal")))
                .isVisible();
        // the two forms sent with errors on purpose answered 400 (the page with the errors), which Chromium logs
        org.assertj.core.api.Assertions.assertThat(consoleErrors).allMatch(error -> error.contains("status of 400"))
                .hasSizeLessThanOrEqualTo(2);
    }

    private void complete(String instance, String taskKey, Map<String, Object> variables) {
        Task task = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery()
                .processInstanceId(instance).taskDefinitionKey(taskKey).singleResult(), found -> found != null);
        tasks.complete(task.getId(), variables);
    }

    private static String to(MimeMessage message) {
        try {
            var recipients = message.getRecipients(Message.RecipientType.TO);
            return recipients == null || recipients.length == 0 ? "" : recipients[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
