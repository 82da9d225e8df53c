package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.touchpoint.journey.Catalog;
import io.touchpoint.journey.CustomerJourney;
import io.touchpoint.journey.QuoteRequest;
import io.touchpoint.presales.PresalesProcess;
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
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Presales in Tasklist: the Camunda Forms of every user task and of the start event, as people see them. */
class PresalesTasklistBrowserIT extends BrowserTestSupport {

    /** Tall enough for most forms; {@link #growViewportToContent} adds what a longer form needs. */
    private static final int FORM_WIDTH = 1400;
    private static final int FORM_HEIGHT = 1800;

    @Autowired
    CustomerJourney presales;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    @Test
    void salesRepAndSalesEngineerCompleteTheirFormsInTasklist() {
        String quoteNumber = presales.start(request("Bayside Veterinary Clinic", 25, List.of(Catalog.AuxiliaryService.MOBILE_LINES)));
        String instanceId = instance(quoteNumber).getId();

        // Sara, a sales rep, claims and completes "Introduce our team and analyse needs"
        Task introduce = awaitTask(instanceId, "Task_IntroduceAndAnalyseNeeds");
        Page sara = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(sara, "tasklist", "sara", DEMO_PASSWORD);
        openTask(sara, introduce, "Number of seats");
        assertThat(formField(sara, "Company name")).hasValue("Bayside Veterinary Clinic");
        // the quote she works on, and who the customer leaves
        assertThat(formField(sara, "Quote number")).hasValue(quoteNumber);
        assertThat(formField(sara, "Current provider")).hasValue("OldTel");
        assertThat(formField(sara, "Needs analysis")).isVisible();
        claimInTasklist(sara, "Needs analysis");
        typeInForm(sara, "Number of seats", "25");
        typeInForm(sara, "Decision maker", "Dr. Elena Ruiz, practice owner");
        typeInForm(sara, "Needs analysis", "Two clinics, 25 seats, a shared reception line and after-hours routing to the on-call vet.");
        formField(sara, "Decision maker").focus(); // leave the text area, as a user would
        // the needs are clear; with 25 seats she may set a discovery meeting (PRE-03), and does
        Locator discovery = sara.getByLabel("Set a discovery meeting with the customer's operations manager");
        assertThat(discovery).isHidden();
        sara.getByLabel("The needs are clear: go on to the quote").check();
        assertThat(discovery).isVisible();
        discovery.check();
        assertThat(sara.locator(".fjs-form-field-error")).hasCount(0);
        growViewportToContent(sara, FORM_HEIGHT);
        screenshot(sara, "tasklist-sara-introduce-and-analyse-needs-filled");
        Locator complete = sara.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete").setExact(true));
        assertThat(complete).isEnabled();
        complete.click();
        assertThat(complete).isHidden();
        assertThat(tasks.createTaskQuery().taskId(introduce.getId()).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName("salesRep")
                .singleResult().getValue()).isEqualTo("sara");

        // 25 seats: the discovery meeting, then the bills, through the API
        completeAs("mike", awaitTask(instanceId, "Task_HoldDiscoveryMeeting"), discoveryMeeting());
        completeAs("sara", awaitTask(instanceId, "Task_RequestCurrentBills"), currentBills());

        // Mike, a sales engineer, claims and completes "Prepare our quote"
        Task prepare = awaitTask(instanceId, "Task_PrepareProviderQuote");
        Page mike = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(mike, "tasklist", "mike", DEMO_PASSWORD);
        openTask(mike, prepare, "Quote lines");
        claimInTasklist(mike, "Quote lines");
        typeInForm(mike, "Quote lines", "Hosted VoIP seat, 25, 22.50\nFiber internet 1 Gbit/s, 2, 189.00");
        typeInForm(mike, "Monthly recurring total (USD)", "940.50");
        typeInForm(mike, "One-time charges (USD)", "1250");
        mike.locator(".fjs-form-field-select .fjs-input-group").click();
        mike.locator(".fjs-dropdownlist").getByText("36 months").click();
        assertThat(mike.locator(".fjs-form-field-select")).containsText("36 months");
        assertThat(mike.locator(".fjs-form-field-error")).hasCount(0);
        growViewportToContent(mike, FORM_HEIGHT);
        screenshot(mike, "tasklist-mike-prepare-provider-quote-filled");
        Locator mikeComplete = mike.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete").setExact(true));
        mikeComplete.click();
        assertThat(mikeComplete).isHidden();
        assertThat(tasks.createTaskQuery().taskId(prepare.getId()).count()).isZero();
        assertThat(runtime.getVariable(instanceId, "contractTermMonths")).isEqualTo("36");
        assertThat(((Number) runtime.getVariable(instanceId, "quoteMonthlyTotal")).doubleValue()).isEqualTo(940.50);
        // the partner quotes are still open
        assertThat(tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("Task_GatherAuxiliaryQuotes").count())
                .isEqualTo(1);

        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    /** One screenshot per form of forms/*.form, each as Tasklist renders it for a person of the task's group. */
    @Test
    void everyPresalesFormAsTasklistShowsIt() {
        String quoteNumber = presales.start(request("Lakeside Accounting LLP", 42,
                List.of(Catalog.AuxiliaryService.MOBILE_LINES, Catalog.AuxiliaryService.BUSINESS_TV)));
        String instanceId = instance(quoteNumber).getId();
        Page sara = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(sara, "tasklist", "sara", DEMO_PASSWORD);
        Page mike = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(mike, "tasklist", "mike", DEMO_PASSWORD);

        Task task = awaitTask(instanceId, "Task_IntroduceAndAnalyseNeeds");
        tasks.claim(task.getId(), "sara");
        formScreenshot(sara, task, "presales-introduce-and-analyse-needs", "Needs analysis");
        leaveTask(sara);
        tasks.complete(task.getId(), Variables.createVariables()
                .putValue("seats", 42)
                .putValue("decisionMaker", "Priya Nair, managing partner")
                .putValue("currentServices", "12 analog lines with OldTel until March; 300 Mbit/s cable internet")
                .putValue("needsAnalysis", "Three offices, 42 seats, call recording for client calls, a main number with an auto-attendant.")
                .putValue("introductionTeam", List.of("DSM", "SALES_ENGINEER"))
                .putValue("needsNext", "ASK_PRESALES")
                .putValue("presalesQuestion", "Can call recordings be kept for seven years, as their regulator asks?"));

        // the question loop with presales support (PRE-02)
        task = awaitTask(instanceId, "Task_AnswerAgentQuestion");
        tasks.claim(task.getId(), "mike");
        formScreenshot(mike, task, "presales-answer-question", "Your answer");
        leaveTask(mike);
        tasks.complete(task.getId(), Variables.createVariables()
                .putValue("presalesAnswer", "Yes: the compliance archive add-on keeps recordings for up to ten years."));

        task = awaitTask(instanceId, "Task_IntroduceAndAnalyseNeeds");
        assertThat(task.getAssignee()).as("the question comes back to the owning sales rep").isEqualTo("sara");
        formScreenshot(sara, task, "presales-introduce-and-analyse-needs-answered", "Presales support's answer");
        assertThat(formField(sara, "Presales support's answer")).hasValue(
                "Yes: the compliance archive add-on keeps recordings for up to ten years.");
        assertThat(formField(sara, "Answered by")).hasValue("Mike Presales");
        leaveTask(sara);
        tasks.complete(task.getId(), Variables.createVariables()
                .putValue("needsNext", "NEEDS_CLEAR")
                .putValue("discoveryMeetingWanted", true));

        task = awaitTask(instanceId, "Task_HoldDiscoveryMeeting");
        tasks.claim(task.getId(), "mike");
        formScreenshot(mike, task, "presales-discovery-meeting", "Findings");
        leaveTask(mike);
        tasks.complete(task.getId(), discoveryMeeting());

        task = awaitTask(instanceId, "Task_RequestCurrentBills");
        assertThat(task.getAssignee()).as("the owning sales rep gets the task").isEqualTo("sara");
        formScreenshot(sara, task, "presales-request-current-bills", "Copies of current bills received");
        leaveTask(sara);
        tasks.complete(task.getId(), currentBills());

        task = awaitTask(instanceId, "Task_PrepareProviderQuote");
        tasks.claim(task.getId(), "mike");
        formScreenshot(mike, task, "presales-prepare-provider-quote", "Contract term");
        leaveTask(mike);
        tasks.complete(task.getId(), Variables.createVariables()
                .putValue("quoteLines", "Hosted VoIP seat, 42, 22.50\nCall recording, 42, 3.00\nFiber internet 1 Gbit/s, 3, 189.00")
                .putValue("quoteMonthlyTotal", 1638.0)
                .putValue("quoteOneTimeTotal", 2100.0)
                .putValue("contractTermMonths", "36"));

        task = awaitTask(instanceId, "Task_GatherAuxiliaryQuotes");
        tasks.claim(task.getId(), "mike");
        formScreenshot(mike, task, "presales-gather-auxiliary-quotes", "Partner provider(s)");
        leaveTask(mike);
        tasks.complete(task.getId(), Variables.createVariables()
                .putValue("auxiliaryProvider", "MobileCo; StreamTV Business")
                .putValue("auxiliaryQuoteLines", "Mobile line, 10, 35.00\nBusiness TV, 2, 49.00")
                .putValue("auxiliaryMonthlyTotal", 448.0));

        task = awaitTask(instanceId, "Task_PresentQuotes");
        formScreenshot(sara, task, "presales-present-quotes", "Customer's decision");
        leaveTask(sara);
        tasks.complete(task.getId(), Variables.createVariables()
                .putValue("customerDecision", "APPROVED")
                .putValue("chosenQuote", "OWN_AND_AUXILIARY"));

        task = awaitTask(instanceId, "Task_ConvertQuoteToOrder");
        formScreenshot(sara, task, "presales-convert-to-order", "Installation address");
        leaveTask(sara);
        tasks.complete(task.getId(), Variables.createVariables()
                .putValue("phoneCount", 42)
                .putValue("extensionCount", 45)
                .putValue("numbersToPort", "+1 555 010 0200\n+1 555 010 0201")
                .putValue("autoAttendant", true)
                .putValue("professionalRecording", false)
                .putValue("callerIdName", "LAKESIDE ACCT")
                .putValue("installAddress", "200 Lakeshore Drive, Suite 4, Chicago, IL 60611")
                .putValue("e911Address", "200 Lakeshore Drive, Suite 4, Chicago, IL 60611")
                .putValue("itContactName", "Tom Becker")
                .putValue("itContactEmail", "tom.becker@lakeside.example")
                .putValue("primaryContactName", "Priya Nair")
                .putValue("primaryContactEmail", "priya.nair@lakeside.example")
                .putValue("officeManagerName", "Grace Liu")
                .putValue("officeManagerEmail", "grace.liu@lakeside.example")
                .putValue("workbookComplete", true));

        // waiting for signature and payment: the follow-up timer of the event subprocess fires now
        Job followUpTimer = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
                .processInstanceId(instanceId).activityId("StartEvent_OrderWaitsTooLong").singleResult(), job -> job != null);
        management.executeJob(followUpTimer.getId());
        task = awaitTask(instanceId, "Task_FollowUpUnsignedOrder");
        formScreenshot(sara, task, "presales-follow-up-unsigned-order", "What the customer said");

        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    @Test
    void startFormInTheStartProcessDialog() {
        Page sara = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(sara, "tasklist", "sara", DEMO_PASSWORD);
        Locator startProcess = sara.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start process"));
        visibleAfterOneReload(sara, startProcess, "tasklist-start-process");
        startProcess.click();
        Locator dialog = sara.locator(".modal-dialog");
        dialog.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Customer journey")).click();
        assertThat(dialog.locator(".modal-title")).containsText("Customer journey");
        assertThat(dialog.locator(".fjs-form")).isVisible();
        for (String label : List.of("Company name", "Contact email", "Number of seats", "Requested services", "Needs analysis")) {
            assertThat(dialog.locator(".fjs-form-field-label").filter(new Locator.FilterOptions().setHasText(label)).first())
                    .isVisible();
        }
        assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start"))).isVisible();
        growViewportToContent(sara, FORM_HEIGHT);
        screenshot(sara, "tasklist-form-00-presales-start");
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    // --- helpers

    private int formCount;

    /** Opens the task in Tasklist and screenshots its form, the whole of it. */
    private void formScreenshot(Page page, Task task, String formId, String someLabel) {
        page.setViewportSize(FORM_WIDTH, FORM_HEIGHT);
        openTask(page, task, someLabel);
        assertThat(page.locator(".fjs-form-field-label").first()).isVisible();
        growViewportToContent(page, FORM_HEIGHT);
        formCount++;
        screenshot(page, String.format("tasklist-form-%02d-%s", formCount, formId));
    }

    private void openTask(Page page, Task task, String someLabel) {
        showTask(page, task);
        assertThat(page.locator(".fjs-form")).isVisible();
        assertThat(page.locator(".fjs-form-field-label").filter(new Locator.FilterOptions().setHasText(someLabel)).first())
                .isVisible();
    }

    private void completeAs(String user, Task task, Map<String, Object> variables) {
        tasks.claim(task.getId(), user);
        tasks.complete(task.getId(), variables);
    }

    private Task awaitTask(String instanceId, String taskKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(taskKey).singleResult(), task -> task != null);
    }

    private ProcessInstance instance(String quoteNumber) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PresalesProcess.PROCESS_ID)
                .processInstanceBusinessKey(quoteNumber).singleResult();
    }

    private static Map<String, Object> discoveryMeeting() {
        return Variables.createVariables()
                .putValue("discoveryMeetingDate", "2026-11-20T10:00+00:00")
                .putValue("operationsManagerAttended", true)
                .putValue("discoveryNotes", "Sites: main office and two branches. Hunt group for reception; CRM click-to-dial.");
    }

    private static Map<String, Object> currentBills() {
        return Variables.createVariables()
                .putValue("currentProvider", "OldTel")
                .putValue("billsReceived", true)
                .putValue("currentMonthlySpend", 1890.0)
                .putValue("billNotes", "Contract ends in March; early termination fee of USD 400.");
    }

    private static QuoteRequest request(String company, int seats, List<Catalog.AuxiliaryService> auxiliary) {
        return new QuoteRequest(company, "Maria Chen", "maria.chen@example.com", "+1 555 010 0142", seats,
                List.of(Catalog.Service.HOSTED_VOICE, Catalog.Service.FIBER_INTERNET), auxiliary, "OldTel",
                "Please call after 2 pm.");
    }
}
