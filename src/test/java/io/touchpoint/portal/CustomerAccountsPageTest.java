package io.touchpoint.portal;

import static io.touchpoint.portal.PortalTestCustomers.loggedIn;
import static io.touchpoint.portal.PortalTestCustomers.registerAndConfirm;
import static io.touchpoint.portal.PortalTestCustomers.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How a login comes to see a company (REG-02): linked at its confirmation when an order names its address as a
 * contact, and linked or unlinked by customer care on {@code /customer-accounts}, which other staff cannot open.
 */
@TouchpointSpringTest
class CustomerAccountsPageTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @LocalServerPort
    int port;
    @Autowired
    PortalAccounts accounts;

    @Test
    void aContactOfAnOrderIsLinkedToItsCompanyAtConfirmationAndSeesContactsAndServices() {
        String email = uniqueEmail("gina");
        String company = "Marsh Bakery " + UUID.randomUUID().toString().substring(0, 6);
        quoteRequest(port, company, "Gina Marsh", email);

        registerAndConfirm(new WebSession(port), smtp, "Gina Marsh", email);

        assertThat(accounts.byEmail(email).orElseThrow().companyName()).isEqualTo(company);
        assertThat(accounts.byEmail(email).orElseThrow().companyLinkedBy()).isEqualTo("automatic");
        String home = loggedIn(port, email).get("/portal").body();
        assertThat(home).contains(company).contains("Contact for orders").contains("Gina Marsh")
                .contains("Hosted VoIP phone system").contains("Fiber internet");
    }

    @Test
    void customerCareLinksAndUnlinksALoginAndOtherStaffCannot() {
        String email = uniqueEmail("hal");
        registerAndConfirm(new WebSession(port), smtp, "Hal Prince", email);
        long id = accounts.byEmail(email).orElseThrow().id();
        String company = "Prince Logistics " + UUID.randomUUID().toString().substring(0, 6);

        WebSession kim = new WebSession(port);
        kim.logIn("kim", "demo");
        assertThat(kim.get("/customer-accounts").body()).contains(email);
        HttpResponse<String> empty = kim.submit("/customer-accounts", "/customer-accounts/" + id + "/company",
                Map.of("company", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"company-" + id + "-error\"");
        assertThat(accounts.byEmail(email).orElseThrow().companyName()).isNull();

        HttpResponse<String> linked = kim.submit("/customer-accounts", "/customer-accounts/" + id + "/company",
                Map.of("company", company));
        assertThat(linked.statusCode()).isEqualTo(302);
        assertThat(accounts.byEmail(email).orElseThrow().companyName()).isEqualTo(company);
        assertThat(accounts.byEmail(email).orElseThrow().companyLinkedBy()).isEqualTo("kim");
        assertThat(loggedIn(port, email).get("/portal").body()).contains(company);

        kim.submit("/customer-accounts", "/customer-accounts/" + id + "/unlink", Map.of());
        assertThat(accounts.byEmail(email).orElseThrow().companyName()).isNull();

        WebSession tim = new WebSession(port);
        tim.logIn("tim", "demo");
        assertThat(tim.get("/customer-accounts").statusCode()).isEqualTo(403);
        WebSession customer = loggedIn(port, email);
        assertThat(customer.get("/customer-accounts").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    /** A quote request from the web form: a customer journey naming the contact. */
    static void quoteRequest(int port, String company, String contactName, String contactEmail) {
        HttpResponse<String> created = new WebSession(port).post("/api/quote-requests", "application/json", """
                {"companyName": "%s", "contactName": "%s", "contactEmail": "%s", "phone": "+1 555 010 0100",
                 "seats": 8, "requestedServices": ["HOSTED_VOICE", "FIBER_INTERNET"], "currentProvider": "Old Telco",
                 "notes": "One site"}""".formatted(company, contactName, contactEmail), "Accept", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
}
