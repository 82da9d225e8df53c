package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.touchpoint.notification.DeliveryIncidents;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An email that cannot go out, as Cockpit shows it: the incident names the email, the customer and the number it
 * belongs to, why it failed, and what to do; never a bare "could not build" with a Java stack trace.
 */
class IncidentCockpitBrowserIT extends BrowserTestSupport {

    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;

    String deployment;

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void anEmailToABadAddressIsAnIncidentThatSaysWhatToDo() {
        // a journey step whose customer address came in broken (say, imported from an old CRM)
        BpmnModelInstance model = Bpmn.createExecutableProcess("Process_ImportedCustomerWelcome")
                .name("Imported customer welcome").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Imported").name("Customer imported")
                .serviceTask("Task_SendWelcome").name("Send the welcome email").camundaDelegateExpression("${sendEmail}")
                .camundaInputParameter("to", "${contactEmail}").camundaInputParameter("subject", "Welcome")
                .camundaInputParameter("template", "quote-request-received")
                .userTask("UserTask_CallCustomer").name("Call the customer").camundaCandidateGroups("client-services")
                .endEvent("EndEvent_Done").name("Done").done();
        deployment = repository.createDeployment().addModelInstance("imported-customer-welcome.bpmn", model).deploy().getId();
        String instance = runtime.startProcessInstanceByKey("Process_ImportedCustomerWelcome", "Q-2026-09911", Map.of(
                "contactEmail", "hana.ortiz at harbor-dental", "companyName", "Harbor Dental Group",
                "contactName", "Hana Ortiz", "quoteNumber", "Q-2026-09911")).getId();
        Incident incident = await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createIncidentQuery()
                .processInstanceId(instance).incidentType(DeliveryIncidents.TYPE).singleResult(), found -> found != null);
        assertThat(incident.getIncidentMessage()).contains("Harbor Dental Group")
                .contains("'hana.ortiz at harbor-dental' is not an email address").contains("then contact the customer");

        Page page = newPage(1600, 900);
        login(page, "cockpit", "admin", "admin");
        page.navigate(url("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime?tab=incidents-tab"));
        Locator incidents = page.locator("table").filter(new Locator.FilterOptions()
                .setHasText("Could not send email 'quote-request-received' to hana.ortiz at harbor-dental"));
        visibleAfterOneReload(page, incidents.first(), "cockpit-incident");
        assertThat(incidents).hasCount(1);
        assertThat(incidents).containsText("Harbor Dental Group, Q-2026-09911");
        assertThat(incidents).containsText("then contact the customer");
        assertThat(incidents).not().containsText("Exception");
        // the whole message is on screen, wrapped, not cut off after a few words
        Locator message = incidents.locator("td.message .auto-cutoff").first();
        assertThat(message).isVisible();
        org.assertj.core.api.Assertions.assertThat((Boolean) message.evaluate(
                "el => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1"))
                .as("the incident message shown whole").isTrue();
        screenshot(page, "cockpit-email-incident");
    }
}
