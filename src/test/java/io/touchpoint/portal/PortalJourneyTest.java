package io.touchpoint.portal;

import static io.touchpoint.portal.CustomerAccountsPageTest.quoteRequest;
import static io.touchpoint.portal.PortalTestCustomers.loggedIn;
import static io.touchpoint.portal.PortalTestCustomers.registerAndConfirm;
import static io.touchpoint.portal.PortalTestCustomers.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * My journey (REG-02, REG-04) over real HTTP: the company's orders in plain words from the engine's history, the next
 * step with its owner and due date; another company's order refused with 404 on the page and the API.
 */
@TouchpointSpringTest
class PortalJourneyTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @LocalServerPort
    int port;
    @Autowired
    HistoryService history;

    @Test
    void aCustomerFollowsTheCompanysOrdersAndNeverAnotherCompanys() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String login = uniqueEmail("ivy");
        quoteRequest(port, "Ivy Clinics " + suffix, "Ivy Hart", login);
        registerAndConfirm(new WebSession(port), smtp, "Ivy Hart", login);
        String other = uniqueEmail("jon");
        quoteRequest(port, "Jon Garage " + suffix, "Jon Tate", other);
        String ours = quote("Ivy Clinics " + suffix);
        String theirs = quote("Jon Garage " + suffix);

        WebSession ivy = loggedIn(port, login);
        HttpResponse<String> page = ivy.get("/portal/journey");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Quote " + ours).doesNotContain(theirs)
                .contains("Quote requested").contains("Quote sent").contains("Install day").contains("First bill review")
                .contains("Meet you and understand your needs").contains("your sales representative").contains(" · by");
        assertThat(ivy.get("/portal/journey/" + ours).statusCode()).isEqualTo(200);
        assertThat(ivy.get("/portal/api/journeys", "Accept", "application/json").body()).contains(ours)
                .doesNotContain(theirs);

        for (String refused : new String[] {theirs, "Q-2099-99999"}) {
            HttpResponse<String> notOurs = ivy.get("/portal/journey/" + refused);
            assertThat(notOurs.statusCode()).isEqualTo(404);
            assertThat(notOurs.body()).doesNotContain("Jon");
            assertThat(ivy.get("/portal/api/journeys/" + refused, "Accept", "application/json").statusCode())
                    .isEqualTo(404);
        }
    }

    String quote(String company) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(CustomerJourneyProcess.PROCESS_ID)
                .variableValueEquals(CustomerJourneyProcess.Vars.COMPANY_NAME, company).singleResult().getBusinessKey();
    }
}
