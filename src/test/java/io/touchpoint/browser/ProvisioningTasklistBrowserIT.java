package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.touchpoint.numbering.BusinessNumbers;
import io.touchpoint.orders.OrderEvent;
import io.touchpoint.orders.OrderEventType;
import io.touchpoint.orders.OrderEvents;
import io.touchpoint.provisioning.InstallDateAnswers;
import io.touchpoint.provisioning.InstallDateLinks;
import io.touchpoint.provisioning.ProvisioningProcess;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Provisioning in Tasklist: the Camunda Forms of every provisioning user task, as the people of each task's group
 * see them. The order is driven from step to step through the Java API and the order events.
 */
class ProvisioningTasklistBrowserIT extends BrowserTestSupport {

    /** Tall enough for most forms; {@link #growViewportToContent} adds what a longer form needs. */
    private static final int FORM_WIDTH = 1400;
    private static final int FORM_HEIGHT = 1800;

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    OrderEvents orderEvents;
    @Autowired
    InstallDateAnswers installDateAnswers;
    @Autowired
    InstallDateLinks installDateLinks;
    @Autowired
    BusinessNumbers numbers;

    @Test
    void clientServicesSchedulesTheWelcomeCallInTasklist() {
        String orderNumber = numbers.next(BusinessNumbers.ORDER);
        String instanceId = signedOrder(orderNumber, "Harbor Dental Group", "+1 555 010 0301");

        // Carla, of Client Services, claims and completes "Schedule the welcome call"
        Task schedule = awaitTask(instanceId, "Task_ScheduleWelcomeCall");
        Page carla = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(carla, "tasklist", "carla", DEMO_PASSWORD);
        openTask(carla, schedule, "Welcome call date");
        assertThat(formField(carla, "Company name")).hasValue("Harbor Dental Group");
        assertThat(formField(carla, "Order number")).hasValue(orderNumber);
        assertThat(formField(carla, "Customer IT contact")).hasValue("Tom Becker");
        claimInTasklist(carla, "Welcome call date");

        LocalDate callDay = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        formField(carla, "Welcome call date").fill(callDay.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        formField(carla, "Welcome call date").press("Tab");
        typeInForm(carla, "Welcome call time", "14:00");
        typeInForm(carla, "Notes on the welcome call", "The IT contact joins by phone.");
        // the date picker shows month and day without leading zeros (12/3/2026)
        assertThat(formField(carla, "Welcome call date")).hasValue(callDay.format(DateTimeFormatter.ofPattern("M/d/yyyy")));
        assertThat(formField(carla, "Welcome call time")).hasValue("14:00");
        assertThat(carla.locator(".fjs-form-field-error")).hasCount(0);
        growViewportToContent(carla, FORM_HEIGHT);
        screenshot(carla, "tasklist-carla-schedule-welcome-call-filled");

        Locator complete = carla.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete").setExact(true));
        assertThat(complete).isEnabled();
        complete.click();
        assertThat(complete).isHidden();
        assertThat(tasks.createTaskQuery().taskId(schedule.getId()).count()).isZero();

        // the engine holds the date and time the browser (in UTC) sent, and the invitation goes out
        Object welcomeCallAt = runtime.getVariable(instanceId, "welcomeCallAt");
        assertThat(welcomeCallAt).isInstanceOf(String.class);
        assertThat(OffsetDateTime.parse((String) welcomeCallAt).toInstant())
                .isEqualTo(callDay.atTime(14, 0).toInstant(ZoneOffset.UTC));
        assertThat(runtime.getVariable(instanceId, "welcomeCallNotes")).isEqualTo("The IT contact joins by phone.");
        assertThat(awaitTask(instanceId, "Task_HoldWelcomeCall").getName()).startsWith("Hold the welcome call · ");

        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    /** One screenshot per provisioning form, each as Tasklist renders it for a person of the task's group. */
    @Test
    void everyProvisioningFormAsTasklistShowsIt() {
        String orderNumber = numbers.next(BusinessNumbers.ORDER);
        String instanceId = signedOrder(orderNumber, "Lakeside Accounting LLP", "+1 555 010 0200\n+1 555 010 0201");
        Page carla = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(carla, "tasklist", "carla", DEMO_PASSWORD);
        Page ivan = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(ivan, "tasklist", "ivan", DEMO_PASSWORD);
        Page lena = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(lena, "tasklist", "lena", DEMO_PASSWORD);
        Page theo = newPage(FORM_WIDTH, FORM_HEIGHT);
        login(theo, "tasklist", "theo", DEMO_PASSWORD);

        Task task = awaitTask(instanceId, "Task_ScheduleWelcomeCall");
        tasks.claim(task.getId(), "carla");
        formScreenshot(carla, task, "provisioning-schedule-welcome-call", "Company name", "Order number", "Contact name",
                "Contact email", "Phone", "Customer IT contact", "IT contact email", "Welcome call date",
                "Welcome call time", "Notes on the welcome call");
        assertThat(formField(carla, "Phone")).hasValue("+1 555 010 0142");
        complete(carla, task, Variables.createVariables()
                .putValue("welcomeCallAt", at(2, 19)));

        task = awaitTask(instanceId, "Task_HoldWelcomeCall");
        tasks.claim(task.getId(), "carla");
        formScreenshot(carla, task, "provisioning-welcome-call", "Numbers to port", "Extension list", "Auto-attendant",
                "Customer takes the professional audio recording offer", "Caller ID name", "Call routing",
                "911 (E911) address", "Every item of the order and workbook was reconfirmed with the customer");
        assertThat(formField(carla, "Caller ID name")).hasValue("LAKESIDE ACCT");
        complete(carla, task, Variables.createVariables()
                .putValue("itemsReconfirmed", true)
                .putValue("extensionList", "101, Priya Nair\n102, Tom Becker\n103, Reception")
                .putValue("callRouting", "Main number rings reception, then the hunt group; after 6 pm the auto-attendant.")
                .putValue("e911Address", "200 Lakeshore Drive, Suite 4, Chicago, IL 60611"));

        // a person of either group may schedule the survey: Ivan, the installation coordinator
        task = awaitTask(instanceId, "Task_ScheduleSiteSurvey");
        tasks.claim(task.getId(), "ivan");
        formScreenshot(ivan, task, "provisioning-schedule-site-survey", "Company name", "Installation address",
                "Site survey date", "Site survey time", "A cable pull is needed", "Tentative install date",
                "Tentative install time", "Copies of the current bills were requested");
        complete(ivan, task, Variables.createVariables()
                .putValue("siteSurveyAt", at(4, 15))
                .putValue("cablePullNeeded", false)
                .putValue(ProvisioningProcess.Vars.TENTATIVE_INSTALL_AT, at(14, 14))
                .putValue("billCopiesRequested", true));

        // numbers to port: the LOA, then the port request, in parallel with the site survey
        task = awaitTask(instanceId, "Task_SendLoa");
        tasks.claim(task.getId(), "carla");
        formScreenshot(carla, task, "provisioning-send-loa", "Company name", "Order number", "Numbers to port",
                "Current provider", "Account number with the current provider",
                "The numbers and the account details are checked against the current bill");
        complete(carla, task, Variables.createVariables()
                .putValue("currentProvider", "Old Telco")
                .putValue(ProvisioningProcess.Vars.CURRENT_PROVIDER_ACCOUNT, "OT-778812")
                .putValue("loaChecked", true));
        assertThat(deliver(orderNumber, OrderEvent.of(OrderEventType.LOA_SIGNED))).isEqualTo(OrderEvents.Result.ACCEPTED);

        // the carrier rejects the first request: Lena sees why when the task comes back
        task = awaitTask(instanceId, "Task_SubmitPortRequest");
        tasks.claim(task.getId(), "lena");
        complete(lena, task, Variables.createVariables()
                .putValue("losingCarrier", "OldTel")
                .putValue("portRequestReference", "PR-1"));
        assertThat(deliver(orderNumber, new OrderEvent(OrderEventType.PORT_REJECTED, null, null,
                "Account number mismatch"))).isEqualTo(OrderEvents.Result.ACCEPTED);
        task = awaitTask(instanceId, "Task_SubmitPortRequest");
        tasks.claim(task.getId(), "lena");
        formScreenshot(lena, task, "provisioning-submit-port-request", "Company name", "Order number",
                "Numbers to port", "The carrier rejected the last request because", "Losing carrier",
                "Port request reference", "Requested port date");
        assertThat(formField(lena, "The carrier rejected the last request because")).hasValue("Account number mismatch");
        complete(lena, task, Variables.createVariables()
                .putValue("losingCarrier", "OldTel")
                .putValue("portRequestReference", "PR-2"));
        assertThat(deliver(orderNumber, new OrderEvent(OrderEventType.FOC_RECEIVED, null,
                OffsetDateTime.parse(at(15, 16)), null))).isEqualTo(OrderEvents.Result.ACCEPTED);

        // the customer proposes the next day on the invitation's page; Ivan accepts it
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.getActiveActivityIds(instanceId)
                .contains("Gateway_CustomerAnswer"));
        assertThat(installDateAnswers.propose(orderNumber, installDateLinks.token(orderNumber),
                OffsetDateTime.parse(at(16, 16)).toInstant(), "Mornings are busy at reception"))
                .isEqualTo(InstallDateAnswers.Outcome.DONE);
        task = awaitTask(instanceId, "Task_AgreeInstallDate");
        tasks.claim(task.getId(), "ivan");
        formScreenshot(ivan, task, "provisioning-agree-install-date", "Company name", "Install date in the invitation",
                "Date the customer proposes", "The customer's comment", "Decision");
        complete(ivan, task, Variables.createVariables().putValue("installDateDecision", "ACCEPT"));

        // Theo surveys the site; choosing a change that raises the price shows what the change needs
        task = awaitTask(instanceId, "Task_ConductSiteSurvey");
        tasks.claim(task.getId(), "theo");
        formScreenshot(theo, task, "provisioning-site-survey", "Company name", "Installation address",
                "Phones on the order", "Survey findings", "Change to the order");
        theo.locator(".fjs-form").getByLabel("Change that raises the price: the customer must approve and sign").check();
        for (String label : List.of("What changes on the order", "Phones after the change", "Monthly price increase (USD)")) {
            assertThat(label(theo, label)).isVisible();
        }
        growViewportToContent(theo, FORM_HEIGHT);
        screenshot(theo, String.format("tasklist-form-%02d-%s", formCount, "provisioning-site-survey-price-increase"));
        complete(theo, task, Variables.createVariables()
                .putValue("surveyNotes", "Router in the server closet; switch under the reception desk; all desks cabled.")
                .putValue("orderChange", "NONE"));

        task = awaitTask(instanceId, "Task_OrderEquipment");
        tasks.claim(task.getId(), "carla");
        formScreenshot(carla, task, "provisioning-order-equipment", "Company name", "Phones on the order",
                "Equipment supplier", "Supplier order reference", "Expected delivery date");
        complete(carla, task, Variables.createVariables()
                .putValue("equipmentSupplier", "PhoneCo")
                .putValue("equipmentOrderReference", "EQ-" + orderNumber));
        assertThat(deliver(orderNumber, OrderEvent.of(OrderEventType.EQUIPMENT_DELIVERED)))
                .isEqualTo(OrderEvents.Result.ACCEPTED);

        task = awaitTask(instanceId, "Task_ConfigurePhones");
        tasks.claim(task.getId(), "carla");
        formScreenshot(carla, task, "provisioning-configure-phones", "Company name", "Phones on the order",
                "Extension list", "Phones configured, labelled and prepared for deployment", "Configuration notes");
        complete(carla, task, Variables.createVariables().putValue("phonesConfigured", true));

        task = awaitTask(instanceId, "Task_BuildPortalAccount");
        tasks.claim(task.getId(), "carla");
        formScreenshot(carla, task, "provisioning-build-portal-account", "Company name", "Extension list",
                "Auto-attendant", "Call routing", "Portal account ID", "Extensions built", "Auto-attendant built",
                "Call groups built");
        complete(carla, task, Variables.createVariables()
                .putValue("portalAccountId", "LAKESIDE-1")
                .putValue("extensionsBuilt", true)
                .putValue("autoAttendantBuilt", true)
                .putValue("callGroupsBuilt", true));

        // install day: the installation invitation went out, the equipment is ready
        task = awaitTask(instanceId, "Task_InstallOnSite");
        tasks.claim(task.getId(), "theo");
        formScreenshot(theo, task, "provisioning-install-on-site", "Company name", "Installation address",
                "Install time (the numbers switch over then)", "Router and switch installed", "Router", "Phones unboxed and placed on desks");
        assertThat(formField(theo, "Install time (the numbers switch over then)")).hasValue(
                (String) runtime.getVariable(instanceId, ProvisioningProcess.Vars.INSTALL_DATE_TEXT));
        theo.locator(".fjs-form").getByLabel("Peplink").check();
        assertThat(label(theo, "Router serial numbers, one per line")).isVisible();
        growViewportToContent(theo, FORM_HEIGHT);
        screenshot(theo, String.format("tasklist-form-%02d-%s", formCount, "provisioning-install-on-site-peplink"));
        complete(theo, task, Variables.createVariables()
                .putValue("routerInstalled", true)
                .putValue("routerModel", "OTHER")
                .putValue("phonesPlaced", true));

        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.getActiveActivityIds(instanceId)
                .contains("ReceiveTask_PortCompleted"));
        assertThat(deliver(orderNumber, OrderEvent.of(OrderEventType.PORT_COMPLETED))).isEqualTo(OrderEvents.Result.ACCEPTED);
        task = awaitTask(instanceId, "Task_TrainOnSiteContact");
        tasks.claim(task.getId(), "theo");
        formScreenshot(theo, task, "provisioning-train-customer", "Company name", "Contact name",
                "On-site contact trained: phones, auto-attendant, voicemail, mobile app",
                "Group training held once all phones were active", "Training notes");

        assertThat(formCount).as("provisioning forms").isEqualTo(FIRST_FORM_NUMBER + 11);
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    // --- helpers

    /** The presales forms are numbered 00 to 08; provisioning's follow from 10. */
    private static final int FIRST_FORM_NUMBER = 10;

    private int formCount = FIRST_FORM_NUMBER - 1;

    /** Opens the task in Tasklist, checks its key labels and screenshots its form, the whole of it. */
    private void formScreenshot(Page page, Task task, String formId, String... labels) {
        page.setViewportSize(FORM_WIDTH, FORM_HEIGHT);
        openTask(page, task, labels[0]);
        for (String label : labels) {
            assertThat(label(page, label)).isVisible();
        }
        growViewportToContent(page, FORM_HEIGHT);
        formCount++;
        screenshot(page, String.format("tasklist-form-%02d-%s", formCount, formId));
    }

    private void openTask(Page page, Task task, String someLabel) {
        showTask(page, task);
        assertThat(page.locator(".fjs-form")).isVisible();
        assertThat(label(page, someLabel)).isVisible();
    }

    /** The label of a form-js field (or of one option of a radio group), by its text. */
    private static Locator label(Page page, String text) {
        return page.locator(".fjs-form label").filter(new Locator.FilterOptions().setHasText(text)).first();
    }

    /** Completes the task through the API once the page no longer shows it (see {@link #leaveTask}). */
    private void complete(Page page, Task task, VariableMap variables) {
        leaveTask(page);
        tasks.complete(task.getId(), variables);
    }

    /** A provisioning instance started at its start event with what a won order carries. */
    private String signedOrder(String orderNumber, String company, String numbersToPort) {
        String quoteNumber = numbers.next(BusinessNumbers.QUOTE);
        VariableMap variables = Variables.createVariables()
                .putValue("orderNumber", orderNumber)
                .putValue("quoteNumber", quoteNumber)
                .putValue("companyName", company)
                .putValue("contactName", "Maria Chen")
                .putValue("contactEmail", "maria.chen@example.com")
                .putValue("phone", "+1 555 010 0142")
                .putValue("itContactName", "Tom Becker")
                .putValue("itContactEmail", "tom.becker@example.com")
                .putValue("installAddress", "200 Lakeshore Drive, Suite 4, Chicago, IL 60611")
                .putValue("e911Address", "200 Lakeshore Drive, Suite 4, Chicago, IL 60611")
                .putValue(ProvisioningProcess.Vars.PHONE_COUNT, 42)
                .putValue("extensionCount", 45)
                .putValue(ProvisioningProcess.Vars.NUMBERS_TO_PORT, numbersToPort)
                .putValue("autoAttendant", true)
                .putValue("professionalRecording", false)
                .putValue("callerIdName", "LAKESIDE ACCT")
                .putValue("salesRep", "sara");
        return runtime.createProcessInstanceByKey(ProvisioningProcess.PROCESS_ID).businessKey(quoteNumber)
                .setVariables(variables).execute().getId();
    }

    /**
     * A date and time {@code days} from today at {@code hour}:00 UTC (in office hours in New York, where the business
     * calendar is), as the forms' date-time fields send it.
     */
    private static String at(int days, int hour) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).atTime(hour, 0).atOffset(ZoneOffset.UTC).toString();
    }

    private OrderEvents.Result deliver(String orderNumber, OrderEvent event) {
        return orderEvents.deliver(orderNumber, event);
    }

    private Task awaitTask(String instanceId, String taskKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(taskKey).singleResult(), task -> task != null);
    }
}
