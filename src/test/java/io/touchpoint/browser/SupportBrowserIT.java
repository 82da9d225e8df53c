package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.touchpoint.knowledge.KnowledgeBase;
import io.touchpoint.knowledge.NewArticle;
import io.touchpoint.support.NewTicket;
import io.touchpoint.support.TicketService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Support as people see it: customer care records a phone ticket with the start form, the agent acknowledges and
 * resolves it in Tasklist with the knowledge base at hand, every support form, the customer's tracking page
 * (answer a question, confirm the fix), and both support diagrams in Cockpit.
 */
class SupportBrowserIT extends BrowserTestSupport {

    private static final int FORM_WIDTH = 1400;
    private static final int FORM_HEIGHT = 1500;

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    TicketService tickets;
    @Autowired
    KnowledgeBase knowledge;

    @Test
    void customerCareRecordsAPhoneTicketAndTheAgentResolvesItInTasklist() {
        long article = knowledge.create(new NewArticle("Voicemail to email stopped after a password change",
                "Voicemail no longer arrives by email", "Update the SMTP password of the voicemail box in the portal",
                "ACCESS", List.of("voicemail"), null), "tim");

        // Kim, customer care, records the call with the start form
        Page kim = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(kim, "tasklist", "kim", DEMO_PASSWORD);
        // her filters, with the queue of every ticket
        for (String filter : List.of("My tasks", "My group's queue", "Due today", "Escalated", "Support tickets")) {
            // a filter shows with its count, e.g. "My tasks 0"
            assertThat(kim.getByText(filter).first()).isVisible();
        }
        Locator startProcess = kim.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start process"));
        visibleAfterOneReload(kim, startProcess, "tasklist-start-process");
        startProcess.click();
        Locator dialog = kim.locator(".modal-dialog");
        dialog.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Trouble ticket")).click();
        assertThat(dialog.locator(".fjs-form")).isVisible();
        dialog.getByLabel("Requester name").fill("Nora Quinn");
        dialog.getByLabel("Requester email").fill("nora@quinn-law.example");
        dialog.getByLabel("Account number").fill("ACC-3301");
        dialog.getByLabel("Subject").fill("Voicemail emails stopped arriving");
        dialog.getByLabel("What happened").fill("Since Friday no voicemail reaches our mailbox by email.");
        choose(dialog, "Category", "Access (portal, passwords)");
        choose(dialog, "Priority", "P3 - medium: a problem with a workaround");
        assertThat(dialog.locator(".fjs-form-field-error")).hasCount(0);
        growViewportToContent(kim, FORM_HEIGHT);
        screenshot(kim, "support-01-kim-records-a-phone-ticket");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start").setExact(true)).click();
        assertThat(dialog).isHidden();

        ProcessInstance ticket = await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("troubleTicket").variableValueEquals("contactEmail", "nora@quinn-law.example")
                .singleResult(), found -> found != null);
        String number = ticket.getBusinessKey();
        assertThat(number).matches("T-\\d{4}-\\d{5}");
        assertThat(runtime.getVariable(ticket.getId(), "recordedBy")).isEqualTo("kim");
        Task acknowledge = awaitTask(ticket, "UserTask_AcknowledgeTicket");
        String agent = acknowledge.getAssignee();
        assertThat(agent).isIn("tim", "terrence");
        kim.getByText("Support tickets").first().click();
        assertThat(kim.getByText("Acknowledge the ticket").first()).isVisible();
        screenshot(kim, "support-01b-kim-sees-the-ticket-queue");

        // the agent acknowledges, then resolves with the matching article in view
        Page page = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(page, "tasklist", agent, DEMO_PASSWORD);
        openTask(page, acknowledge, "Note for the ticket history (optional)");
        assertThat(formField(page, "Ticket number")).hasValue(number);
        typeInForm(page, "Note for the ticket history (optional)", "Called Nora back");
        complete(page);
        Task work = awaitTask(ticket, "UserTask_WorkTicket");
        openTask(page, work, "Outcome");
        // the matching article is a link to its page
        Locator suggestion = page.locator(".fjs-form a[href='/kb/" + article + "']");
        assertThat(suggestion).hasText(java.util.regex.Pattern.compile("#" + article + " Voicemail to email stopped.*"));
        page.locator(".fjs-form").getByText("Resolved: send the resolution to the customer to confirm").click();
        formField(page, "Resolution (sent to the customer)").fill("Your voicemail box kept the old mail password; "
                + "we updated it and sent a test voicemail.");
        formField(page, "Save this fix as a knowledge-base article").check();
        assertThat(formField(page, "Save this fix as a knowledge-base article")).isChecked();
        typeInForm(page, "Article title", "Voicemail to email fails after the mail password changed");
        typeInForm(page, "Symptoms the customer saw", "No voicemail arrives by email since a password change");
        typeInForm(page, "Tags (optional)", "voicemail, mail password");
        formField(page, "Article title").focus();
        assertThat(page.locator(".fjs-form-field-error")).hasCount(0);
        growViewportToContent(page, FORM_HEIGHT);
        screenshot(page, "support-02-agent-resolves-with-the-knowledge-base");
        complete(page);

        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createExecutionQuery().processInstanceId(ticket.getId())
                .messageEventSubscriptionName("TicketConfirmation").count() == 1);
        Object articleId = runtime.getVariable(ticket.getId(), "knowledgeArticleId");
        assertThat(knowledge.find(((Number) articleId).longValue()).orElseThrow().sourceTicket()).isEqualTo(number);
        assertThat(knowledge.find(((Number) articleId).longValue()).orElseThrow().tags())
                .containsExactly("voicemail", "mail password");
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    @Test
    void everySupportFormAsTasklistShowsIt() {
        TicketService.Created created = tickets.open(ticket("OUTAGE", NewTicket.Priority.P2));
        ProcessInstance ticket = instance(created.ticketNumber());
        Task acknowledge = awaitTask(ticket, "UserTask_AcknowledgeTicket");
        String agent = acknowledge.getAssignee();
        Page page = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(page, "tasklist", agent, DEMO_PASSWORD);
        formScreenshot(page, acknowledge, "support-acknowledge-ticket", "First response due");

        // a late first response: the supervisor's review
        Job breach = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
                .processInstanceId(ticket.getId()).activityId("BoundaryEvent_FirstResponseBreached").singleResult(),
                job -> job != null);
        awaitIdle(ticket);
        management.executeJob(breach.getId());
        Task review = awaitTask(ticket, "UserTask_ReviewLateFirstResponse");
        Page sue = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(sue, "tasklist", "sue", DEMO_PASSWORD);
        tasks.claim(review.getId(), "sue");
        formScreenshot(sue, review, "support-review-escalation", "What you did about it");
        assertThat(formField(sue, "Escalation level")).hasValue("1");

        leaveTask(page);
        awaitIdle(ticket);
        tasks.complete(acknowledge.getId());
        formScreenshot(page, awaitTask(ticket, "UserTask_WorkTicket"), "support-work-ticket", "Outcome");
        page.locator(".fjs-form").getByText("Ask the customer a question (the SLA clock pauses until they answer)").click();
        assertThat(formField(page, "Question to the customer")).isVisible();
        assertThat(formField(page, "Resolution (sent to the customer)")).isHidden();
        screenshot(page, "tasklist-form-support-work-ticket-question");

        TicketService.Created request = tickets.open(ticket("BILLING", NewTicket.Priority.P3));
        Task handle = awaitTask(instance(request.ticketNumber()), "UserTask_HandleRequest");
        Page betty = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(betty, "tasklist", "betty", DEMO_PASSWORD);
        formScreenshot(betty, handle, "support-handle-service-request", "Answer to the requester");

        // the service request's start form
        Page kim = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(kim, "tasklist", "kim", DEMO_PASSWORD);
        Locator startProcess = kim.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start process"));
        visibleAfterOneReload(kim, startProcess, "tasklist-start-process");
        startProcess.click();
        Locator dialog = kim.locator(".modal-dialog");
        dialog.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Service request")).click();
        assertThat(dialog.locator(".fjs-form-field-label").filter(new Locator.FilterOptions().setHasText("Request")).first())
                .isVisible();
        growViewportToContent(kim, FORM_HEIGHT);
        screenshot(kim, "tasklist-form-support-record-service-request");
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    @Test
    void theCustomerAnswersAndConfirmsOnTheTrackingPage() {
        TicketService.Created created = tickets.open(ticket("EQUIPMENT", NewTicket.Priority.P3));
        ProcessInstance ticket = instance(created.ticketNumber());
        complete(ticket, "UserTask_AcknowledgeTicket", Map.of());
        complete(ticket, "UserTask_WorkTicket", Map.of("workOutcome", "NEED_INFO",
                "questionToCustomer", "Which phone model is it?\nThe label is under the stand."));

        Page customer = newPage(1000, 1200);
        customer.navigate(created.trackingUrl().replaceFirst("^https?://[^/]+", url("")));
        assertThat(customer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your agent asks"))).isVisible();
        assertThat(customer.locator("#status")).hasText("Waiting for customer");
        assertThat(customer.getByText("the clock is paused until you answer")).isVisible();
        screenshot(customer, "track-01-question");
        customer.getByLabel("Your answer").fill("A Yealink T54W.");
        customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answer")).click();
        assertThat(customer.getByRole(AriaRole.STATUS)).hasText("Thank you: your answer is with your agent.");
        assertThat(customer.locator("#status")).hasText("In progress");

        complete(ticket, "UserTask_WorkTicket", Map.of("workOutcome", "RESOLVED",
                "resolution", "We sent a replacement handset; it arrives tomorrow."));
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createExecutionQuery().processInstanceId(ticket.getId())
                .messageEventSubscriptionName("TicketConfirmation").count() == 1);
        // the "yes, it is fixed" link of the email opens the page with the answer chosen
        customer.navigate(url("/track?ticket=" + created.ticketNumber() + "&token=" + created.trackingToken() + "&answer=fixed"));
        assertThat(customer.getByLabel("Yes, it is fixed")).isChecked();
        customer.getByLabel("Comment").fill("The new handset works.");
        screenshot(customer, "track-02-confirm");
        customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
        assertThat(customer.getByRole(AriaRole.STATUS)).hasText("Thank you for confirming: the ticket is closed.");
        assertThat(customer.locator("#status")).hasText("Closed");
        assertThat(customer.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Ticket history")))
                .containsText("Customer replied");
        screenshot(customer, "track-03-closed");

        Page stranger = newPage(1000, 800);
        stranger.navigate(url("/track?ticket=" + created.ticketNumber() + "&token=guess"));
        assertThat(stranger.getByRole(AriaRole.ALERT)).containsText("We found no ticket " + created.ticketNumber());
        assertThat(stranger.getByText("A Yealink T54W.")).hasCount(0);
        screenshot(stranger, "track-04-wrong-token");
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    @Test
    void cockpitShowsBothSupportDiagrams() {
        ProcessInstance ticket = instance(tickets.open(ticket("DEGRADED_SERVICE", NewTicket.Priority.P2)).ticketNumber());
        awaitTask(ticket, "UserTask_AcknowledgeTicket");
        ProcessInstance request = instance(tickets.open(ticket("MOVE_ADD_CHANGE", NewTicket.Priority.P3)).ticketNumber());
        awaitTask(request, "UserTask_HandleRequest");

        Page page = newPage(1280, 800);
        login(page, "cockpit", "admin", "admin");
        // the ticket waits inside the collapsed "Work the ticket while the SLA clock runs"; a drill-down shows where
        diagram(page, ticket, "SubProcess_SlaClock", "EndEvent_TicketClosed", "cockpit-trouble-ticket-instance");
        page.locator(".djs-overlays[data-container-id='SubProcess_SlaClock'] .bjs-drilldown").first().click();
        assertThat(page.locator(".djs-overlays[data-container-id='UserTask_AcknowledgeTicket'] .instance-count"))
                .hasText("1");
        page.locator("button[title='reset zoom']").click();
        assertThat(page.locator(".djs-container g.djs-element[data-element-id='EndEvent_QuestionForCustomer']").first())
                .isInViewport();
        screenshot(page, "cockpit-trouble-ticket-instance-sla-clock");
        diagram(page, request, "UserTask_HandleRequest", "EndEvent_RequestAnswered", "cockpit-service-request-instance");
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    // --- helpers

    private void diagram(Page page, ProcessInstance instance, String waitingAt, String endEvent, String name) {
        page.navigate(url("/camunda/app/cockpit/default/#/process-instance/" + instance.getId() + "/runtime"));
        Locator waiting = page.locator(".djs-container g.djs-element[data-element-id='" + waitingAt + "']").first();
        try {
            assertThat(waiting).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                    .setTimeout(30_000));
        } catch (org.opentest4j.AssertionFailedError notDrawn) {
            // Cockpit once left the page without its diagram on CI (PostgreSQL run); a person reloads, and so does this
            screenshot(page, name + "-not-drawn");
            page.reload();
            assertThat(waiting).isVisible();
        }
        assertThat(page.locator(".djs-overlays[data-container-id='" + waitingAt + "'] .instance-count")).hasText("1");
        clickIfVisible(page.locator("[title='Maximize diagram']").first());
        page.locator("button[title='reset zoom']").click();
        assertThat(page.locator(".djs-container g.djs-element[data-element-id='" + endEvent + "']").first()).isInViewport();
        screenshot(page, name);
    }

    private static NewTicket ticket(String category, NewTicket.Priority priority) {
        return new NewTicket("Handset does not boot", "The reception handset stays dark after a power cut.",
                NewTicket.Category.valueOf(category), priority, null, null, "ops@harbor.example", "Hana Ortiz",
                "ACC-5150", NewTicket.Channel.PORTAL, NewTicket.RequesterType.CUSTOMER, null);
    }

    private ProcessInstance instance(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    private Task awaitTask(ProcessInstance instance, String taskKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult(), task -> task != null);
    }

    /** Completes the task as its agent would: not in the very instant an email step of the ticket is finishing. */
    private void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        Task task = awaitTask(instance, taskKey);
        awaitIdle(instance);
        tasks.complete(task.getId(), variables);
    }

    private void awaitIdle(ProcessInstance instance) {
        await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().processInstanceId(instance.getId())
                .executable().count() == 0);
    }

    private static void choose(Locator form, String label, String option) {
        form.locator(".fjs-form-field-select").filter(new Locator.FilterOptions().setHasText(label))
                .locator(".fjs-input-group").click();
        form.locator(".fjs-dropdownlist").getByText(option, new Locator.GetByTextOptions().setExact(true)).click();
    }

    private void openTask(Page page, Task task, String someLabel) {
        showTask(page, task);
        assertThat(page.locator(".fjs-form")).isVisible();
        assertThat(page.locator(".fjs-form-field-label").filter(new Locator.FilterOptions().setHasText(someLabel)).first())
                .isVisible();
    }

    private void complete(Page page) {
        Locator complete = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete").setExact(true));
        assertThat(complete).isEnabled();
        complete.click();
        assertThat(complete).isHidden();
    }

    private void formScreenshot(Page page, Task task, String formId, String someLabel) {
        page.setViewportSize(FORM_WIDTH, FORM_HEIGHT);
        openTask(page, task, someLabel);
        growViewportToContent(page, FORM_HEIGHT);
        screenshot(page, "tasklist-form-" + formId);
    }
}
