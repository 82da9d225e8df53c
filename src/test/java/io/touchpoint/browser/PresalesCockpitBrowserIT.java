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
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The presales model in Cockpit, as an administrator looks at a running quote. */
class PresalesCockpitBrowserIT extends BrowserTestSupport {

    private static final String PRESENT_QUOTES = "Present quotes, record decision";

    @Autowired
    CustomerJourney presales;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    TaskService tasks;

    @Test
    void adminSeesTheWholePresalesDiagramOfARunningInstance() {
        String quoteNumber = presales.start(new QuoteRequest("Cedar Street Bakery", "Tom Alvarez",
                "tom@cedarbakery.example", "+1 555 010 0177", 8, List.of(Catalog.Service.HOSTED_VOICE), List.of(),
                null, null));
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(PresalesProcess.PROCESS_ID)
                .processInstanceBusinessKey(quoteNumber).singleResult();
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceId(instance.getId()).count() > 0);
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
                .processDefinitionKey(PresalesProcess.PROCESS_ID).latestVersion().singleResult();

        Page page = newPage(3600, 1100);
        login(page, "cockpit", "admin", "admin");

        // the process definition, from the list of processes
        page.navigate(url("/camunda/app/cockpit/default/#/processes"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(definition.getName())).first().click();
        assertThat(page).hasURL(Pattern.compile("process-definition/" + definition.getId()));
        Locator definitionDiagram = page.locator(".djs-container svg").first();
        assertThat(definitionDiagram).isVisible();
        assertThat(element(page, "Task_PresentQuotes")).isVisible();
        assertThat(page.getByText(quoteNumber).first()).isVisible();
        // the running instance counts on the collapsed "Meet the customer and analyse needs", where its task waits
        assertThat(page.locator(".djs-overlays[data-container-id='SubProcess_MeetAndAnalyse'] .instance-count"))
                .isVisible();
        assertThat(page.getByText("Loading...")).hasCount(0);
        screenshot(page, "cockpit-presales-definition");

        // a running instance
        page.locator("a[href*='process-instance/" + instance.getId() + "']").first().click();
        assertThat(page).hasURL(Pattern.compile("process-instance/" + instance.getId()));
        assertThat(page.getByText(quoteNumber).first()).isVisible();
        Locator diagram = page.locator(".djs-container").first();
        assertThat(diagram.locator("svg").first()).isVisible();
        Locator presentQuotes = element(page, "Task_PresentQuotes");
        assertThat(presentQuotes).isVisible();
        assertThat(textWithoutSpaces(presentQuotes)).isEqualTo(PRESENT_QUOTES.replace(" ", ""));
        // at fit-to-screen on a laptop, the whole journey of a quote is in view, the running one on its sub-process
        page.setViewportSize(1280, 800);
        clickIfVisible(page.locator("[title='Maximize diagram']").first());
        page.locator("button[title='reset zoom']").click();
        Locator meetAndAnalyse = page.locator(".djs-overlays[data-container-id='SubProcess_MeetAndAnalyse'] .instance-count");
        assertThat(meetAndAnalyse).hasText("1");
        for (String id : List.of("StartEvent_QuoteRequested", "SubProcess_MeetAndAnalyse", "SubProcess_PrepareQuotes",
                "Task_PresentQuotes", "SubProcess_AwaitSignatureAndPayment", "Task_RemindCustomerToSign",
                "EndEvent_OrderWon", "EndEvent_QuoteLost")) {
            assertThat(element(page, id)).isInViewport();
        }
        screenshot(page, "cockpit-presales-instance");
        diagram.screenshot(new Locator.ScreenshotOptions().setPath(screenshotDir().resolve("cockpit-presales-diagram.png")));

        // the manager drills down and finds the badge on "Introduce our team and analyse needs"
        page.locator(".djs-overlays[data-container-id='SubProcess_MeetAndAnalyse'] .bjs-drilldown").first().click();
        Locator runningBadge = page.locator(".djs-overlays[data-container-id='Task_IntroduceAndAnalyseNeeds'] .instance-count");
        assertThat(runningBadge).isVisible();
        assertThat(runningBadge).hasText("1");
        page.locator("button[title='reset zoom']").click();
        assertThat(runningBadge).isInViewport();
        assertThat(element(page, "Task_RequestCurrentBills")).isInViewport();
        screenshot(page, "cockpit-presales-instance-meet-and-analyse");

        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    private static Locator element(Page page, String id) {
        return page.locator(".djs-container g.djs-element[data-element-id='" + id + "']").first();
    }

    /** bpmn-js breaks a label into tspans without spaces between them. */
    private static String textWithoutSpaces(Locator locator) {
        return locator.textContent().replaceAll("\\s+", "");
    }
}
