package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.touchpoint.journey.Catalog;
import io.touchpoint.journey.CustomerJourney;
import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.journey.QuoteRequest;
import io.touchpoint.numbering.BusinessNumbers;
import io.touchpoint.presales.PresalesProcess;
import io.touchpoint.provisioning.ProvisioningProcess;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole customer journey in Cockpit, as an administrator follows a won order into provisioning. (That people
 * without Cockpit access, such as technicians, are refused is not tested: authorization checks are not enabled yet.)
 */
class JourneyCockpitBrowserIT extends BrowserTestSupport {

    @Autowired
    CustomerJourney presales;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    BusinessNumbers numbers;

    @Test
    void adminFollowsTheJourneyIntoTheRunningProvisioning() {
        String quoteNumber = presales.start(new QuoteRequest("Riverside Physiotherapy", "Lena Hart",
                "lena.hart@riverside-physio.example", "+1 555 010 0188", 14, List.of(Catalog.Service.HOSTED_VOICE),
                List.of(), "OldTel", null));
        ProcessInstance journey = instance(CustomerJourneyProcess.PROCESS_ID, quoteNumber);
        ProcessInstance stage = await().atMost(Duration.ofSeconds(30))
                .until(() -> instance(PresalesProcess.PROCESS_ID, quoteNumber), found -> found != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceId(stage.getId())
                .taskDefinitionKey("Task_IntroduceAndAnalyseNeeds").count() == 1);

        // presales is won: straight to "Record order won", as the journey's process test does
        String orderNumber = numbers.next(BusinessNumbers.ORDER);
        runtime.setVariable(stage.getId(), CustomerJourneyProcess.Vars.ORDER_NUMBER, orderNumber);
        runtime.setVariable(stage.getId(), "salesRep", "sara");
        runtime.createProcessInstanceModification(stage.getId()).cancelAllForActivity("Task_IntroduceAndAnalyseNeeds")
                .startBeforeActivity("Task_RecordOrderWon").execute();

        // the job executor sends the emails; provisioning then waits for the welcome call to be scheduled
        ProcessInstance provisioning = await().atMost(Duration.ofSeconds(30))
                .until(() -> instance(ProvisioningProcess.PROCESS_ID, quoteNumber), found -> found != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.getActiveActivityIds(provisioning.getId())
                .contains("Task_ScheduleWelcomeCall"));
        assertThat(runtime.getActiveActivityIds(journey.getId())).containsExactly("CallActivity_Provisioning");
        assertThat(runtime.getVariable(provisioning.getId(), "orderNumber")).isEqualTo(orderNumber);

        // Cockpit zooms to fit but never beyond 100 %: the small journey model fills a smaller viewport
        // Dan, a sales manager, watches the journeys of his processes in Cockpit
        Page page = newPage(1600, 800);
        login(page, "cockpit", "dan", DEMO_PASSWORD);

        // the journey: presales done, the token on provisioning
        page.navigate(url("/camunda/app/cockpit/default/#/process-instance/" + journey.getId() + "/runtime"));
        visibleAfterOneReload(page, page.getByText(quoteNumber).first(), "cockpit-journey-instance");
        Locator journeyDiagram = page.locator(".djs-container").first();
        assertThat(journeyDiagram.locator("svg").first()).isVisible();
        assertThat(element(page, "CallActivity_Presales")).isVisible();
        assertThat(textWithoutSpaces(element(page, "CallActivity_Provisioning"))).isEqualTo("Provisioning");
        Locator provisioningBadge = badge(page, "CallActivity_Provisioning");
        assertThat(provisioningBadge).isVisible();
        assertThat(provisioningBadge).hasText("1");
        assertThat(badge(page, "CallActivity_Presales")).hasCount(0);
        assertThat(page.getByText("Loading...")).hasCount(0);
        fitDiagram(page, 1600, 800);
        for (String id : List.of("StartEvent_QuoteRequested", "CallActivity_Presales", "Gateway_OrderWon",
                "CallActivity_Provisioning", "EndEvent_CustomerActive", "EndEvent_QuoteLost")) {
            assertThat(element(page, id)).isInViewport();
        }
        assertThat(provisioningBadge).isInViewport();
        screenshot(page, "cockpit-journey-instance");

        // down into the called provisioning instance, with the call activity's drill-down button
        Locator drillDown = page.locator(".djs-overlays[data-container-id='CallActivity_Provisioning'] .bjs-drilldown");
        assertThat(drillDown).isVisible();
        drillDown.click();
        assertThat(page).hasURL(Pattern.compile("process-instance/" + provisioning.getId()));
        assertThat(page.getByText(provisioning.getId()).first()).isVisible();
        Locator provisioningDiagram = page.locator(".djs-container").first();
        assertThat(provisioningDiagram.locator("svg").first()).isVisible();
        // the token waits inside the collapsed "Welcome the customer"
        Locator welcome = element(page, "SubProcess_WelcomeCustomer");
        assertThat(welcome).isVisible();
        assertThat(textWithoutSpaces(welcome)).isEqualTo("Welcomethecustomer");
        Locator welcomeBadge = badge(page, "SubProcess_WelcomeCustomer");
        assertThat(welcomeBadge).isVisible();
        assertThat(welcomeBadge).hasText("1");
        assertThat(badge(page, "Task_InstallOnSite")).hasCount(0);
        assertThat(page.getByText("Loading...")).hasCount(0);

        // on a laptop's window, the whole model in view at fit-to-screen
        fitDiagram(page, 1280, 800);
        for (String id : List.of("StartEvent_OrderSignedAndPaid", "SubProcess_WelcomeCustomer", "SubProcess_PortNumbers",
                "SubProcess_AgreeInstallDate", "SubProcess_SiteSurvey", "SubProcess_PrepareEquipment", "Task_InstallOnSite",
                "SubProcess_Activate", "EndEvent_ServicesActive", "SubProcess_FocChanged")) {
            assertThat(element(page, id)).isInViewport();
        }
        assertThat(welcomeBadge).isInViewport();
        screenshot(page, "cockpit-provisioning-instance");

        // one level down: the welcome call to schedule, with its badge
        page.locator(".djs-overlays[data-container-id='SubProcess_WelcomeCustomer'] .bjs-drilldown").first().click();
        Locator scheduleWelcomeCall = element(page, "Task_ScheduleWelcomeCall");
        assertThat(scheduleWelcomeCall).isVisible();
        assertThat(textWithoutSpaces(scheduleWelcomeCall)).isEqualTo("Schedulethewelcomecall");
        assertThat(badge(page, "Task_ScheduleWelcomeCall")).hasText("1");
        assertThat(badge(page, "Task_HoldWelcomeCall")).hasCount(0);
        page.locator("button[title='reset zoom']").click();
        assertThat(element(page, "EndEvent_WelcomeCallEscalated")).isInViewport();
        screenshot(page, "cockpit-provisioning-instance-welcome");

        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    @Test
    void aTechnicianIsRefusedByCockpit() {
        Page page = newPage(1200, 800);
        logIn(page, "theo", DEMO_PASSWORD);
        com.microsoft.playwright.Response cockpit = page.navigate(url("/camunda/app/cockpit/"));
        org.assertj.core.api.Assertions.assertThat(cockpit.status()).isEqualTo(403);
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Not for your role"))).isVisible();
        screenshot(page, "cockpit-technician-refused");
    }

    private ProcessInstance instance(String processKey, String quoteNumber) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(quoteNumber).singleResult();
    }

    /**
     * Hides the tabs and the sidebar, then zooms the diagram to fit, as the presales Cockpit test does. After a
     * drill-down Cockpit shows the tabs while it offers to restore a maximized diagram: restore it first.
     */
    private static void fitDiagram(Page page, int width, int height) {
        page.setViewportSize(width, height);
        Locator tabs = page.getByText("Called Process Instances").first();
        assertThat(tabs).isVisible();
        Locator restore = page.locator("[title='Restore diagram to default size']").first();
        Locator maximize = page.locator("[title='Maximize diagram']").first();
        // the layout controls, once Cockpit has rendered them
        assertThat(page.locator("[title='Restore diagram to default size']:visible, [title='Maximize diagram']:visible")
                .first()).isVisible();
        clickIfVisible(restore);
        maximize.click();
        assertThat(tabs).not().isInViewport();
        clickIfVisible(page.locator(".ctn-sidebar .hide-collapsable, [ctn-collapsable='left'] .hide-collapsable").first());
        page.locator("button[title='reset zoom']").click();
    }

    private static Locator element(Page page, String id) {
        return page.locator(".djs-container g.djs-element[data-element-id='" + id + "']").first();
    }

    /** Cockpit's count of running activity instances on a diagram element. */
    private static Locator badge(Page page, String id) {
        return page.locator(".djs-overlays[data-container-id='" + id + "'] .instance-count");
    }

    /** bpmn-js breaks a label into tspans without spaces between them. */
    private static String textWithoutSpaces(Locator locator) {
        return locator.textContent().replaceAll("\\s+", "");
    }
}
