package io.touchpoint.portal;

import static io.touchpoint.portal.PortalTestCustomers.logIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.TouchpointApplication;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo customer: with demo data on, a newcomer logs in to the portal with the demo customer's address and the demo
 * password and sees the company, its contacts and services and its order; with the production profile the account
 * does not exist, and demo data is refused at start-up.
 */
@TouchpointSpringTest
class PortalDemoCustomerTest {

    @LocalServerPort
    int port;
    @Autowired
    PortalDemoProperties demo;
    @Autowired
    PortalAccounts accounts;

    @Test
    void aNewcomerLogsInAsTheDemoCustomerAndSeesTheCompanysData() {
        assertThat(logIn(new WebSession(port), PortalDemoCustomer.EMAIL, "not the demo password").headers()
                .firstValue("Location").orElseThrow()).contains("/portal/login?error");

        WebSession olivia = new WebSession(port);
        HttpResponse<String> login = logIn(olivia, PortalDemoCustomer.EMAIL, demo.password());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
        assertThat(olivia.get("/portal").body()).contains(PortalDemoCustomer.COMPANY).contains("Contact for orders")
                .contains(PortalDemoCustomer.CONTACT).contains("Hosted VoIP phone system").contains("Fiber internet");
        assertThat(olivia.get("/portal/journey").body()).contains("Quote Q-").contains("Quote requested")
                .contains("Meet you and understand your needs").contains("your sales representative");
        assertThat(accounts.byEmail(PortalDemoCustomer.EMAIL).orElseThrow().companyLinkedBy()).isEqualTo("demo data");
    }

    @Test
    void theProductionProfileHasNoDemoCustomerAndRefusesDemoData() {
        String[] production = {"--server.port=0", "--touchpoint.admin-password=a-long-real-admin-secret",
            "--touchpoint.events.api-key=a-long-real-events-key", "--touchpoint.support.token-secret=a-long-real-token",
            "--touchpoint.base-url=https://touchpoint.provider.example"};
        try (ConfigurableApplicationContext prod = new SpringApplicationBuilder(TouchpointApplication.class)
                .profiles("test", "prod").run(production)) {
            assertThat(prod.getBeansOfType(PortalDemoCustomer.class)).isEmpty();
            assertThat(prod.getBean(PortalAccounts.class).byEmail(PortalDemoCustomer.EMAIL)).isEmpty();
            assertThat(prod.getBean(CompanyDirectory.class).journeys(PortalDemoCustomer.COMPANY)).isEmpty();
        }

        String[] withDemo = java.util.Arrays.copyOf(production, production.length + 1);
        withDemo[production.length] = "--touchpoint.demo.enabled=true";
        assertThatThrownBy(() -> new SpringApplicationBuilder(TouchpointApplication.class).profiles("test", "prod")
                .run(withDemo).close()).rootCause().hasMessageContaining("touchpoint.demo.enabled must be false");
    }
}
