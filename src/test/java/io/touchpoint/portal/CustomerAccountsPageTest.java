package io.touchpoint.portal;

import static io.touchpoint.portal.PortalTestCustomers.loggedIn;
import static io.touchpoint.portal.PortalTestCustomers.registerAndConfirm;
import static io.touchpoint.portal.PortalTestCustomers.ticket;
import static io.touchpoint.portal.PortalTestCustomers.uniqueAccountNumber;
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
 * contact, and linked or unlinked by customer care on {@code /customer-accounts}, which other staff cannot open. An
 * account number given at registration links nothing by itself: customer care sees the company it matches and links
 * or rejects it (issue 12).
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

    @Test
    void anAccountNumberWaitsForCustomerCareWhoLinkItsCompanyAndTheCustomerThenSeesThatCompanyOnly() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String company = "Ray Opticians " + suffix;
        String contact = uniqueEmail("ida");
        String number = uniqueAccountNumber();
        quoteRequest(port, company, "Ida Ray", contact);
        String ticketOfCompany = ticket(port, "Ida Ray", contact, "Ray's phones are down " + suffix, number);
        String otherContact = uniqueEmail("otto");
        quoteRequest(port, "Otto Freight " + suffix, "Otto Vale", otherContact);
        String ticketOfOther = ticket(port, "Otto Vale", otherContact, "Otto's fax is silent " + suffix,
                uniqueAccountNumber());

        // a colleague of Ida's whose address no order names gives the company's number (in other case)
        String email = uniqueEmail("jo");
        registerAndConfirm(new WebSession(port), smtp, "Jo Ray", email, number.toLowerCase());
        PortalAccount waiting = accounts.byEmail(email).orElseThrow();
        assertThat(waiting.companyName()).as("never linked by a typed number").isNull();
        assertThat(waiting.claimedAccountNumber()).isEqualTo(number.toLowerCase());
        WebSession jo = loggedIn(port, email);
        assertThat(jo.get("/portal").body()).contains("waiting for our customer care to confirm your company")
                .contains(number.toLowerCase()).doesNotContain(company).doesNotContain("Ida Ray");
        assertThat(jo.get("/portal/requests").body()).doesNotContain(ticketOfCompany);
        assertThat(jo.get("/portal/requests/" + ticketOfCompany).statusCode()).isEqualTo(404);

        WebSession kim = new WebSession(port);
        kim.logIn("kim", "demo");
        String page = kim.get("/customer-accounts").body();
        String claim = claimOf(page, waiting.id());
        assertThat(claim).contains("Says account number").contains(number.toLowerCase()).contains(company)
                .contains("Ida Ray").contains(contact).contains("Link").contains("Reject");
        assertThat(accounts.byEmail(email).orElseThrow().companyName()).as("showing it links nothing").isNull();

        HttpResponse<String> forged = kim.submit("/customer-accounts", "/customer-accounts/" + waiting.id() + "/claim/link",
                Map.of("accountNumber", number.toLowerCase(), "company", "Otto Freight " + suffix));
        assertThat(forged.statusCode()).as("only the company the number matches").isEqualTo(409);
        assertThat(claimOf(forged.body(), waiting.id())).contains("does not match the company you saw");
        assertThat(accounts.byEmail(email).orElseThrow().companyName()).isNull();

        HttpResponse<String> linked = kim.submit("/customer-accounts", "/customer-accounts/" + waiting.id() + "/claim/link",
                Map.of("accountNumber", number.toLowerCase(), "company", company));
        assertThat(linked.statusCode()).isEqualTo(302);
        PortalAccount now = accounts.byEmail(email).orElseThrow();
        assertThat(now.companyName()).isEqualTo(company);
        assertThat(now.companyLinkedBy()).isEqualTo("kim");
        assertThat(now.claimedAccountNumber()).as("settled").isNull();
        assertThat(kim.follow(linked).body()).contains(email + " now sees the company " + company);
        assertThat(kim.submit("/customer-accounts", "/customer-accounts/" + waiting.id() + "/claim/link",
                Map.of("accountNumber", number.toLowerCase(), "company", company)).statusCode())
                .as("linked once").isEqualTo(409);

        String home = jo.get("/portal").body();
        assertThat(home).contains(company).contains("Ida Ray").doesNotContain("waiting for our customer care")
                .doesNotContain("Otto");
        assertThat(jo.get("/portal/requests").body()).contains(ticketOfCompany).doesNotContain(ticketOfOther);
        assertThat(jo.get("/portal/requests/" + ticketOfCompany).statusCode()).isEqualTo(200);
        assertThat(jo.get("/portal/requests/" + ticketOfOther).statusCode()).isEqualTo(404);
    }

    @Test
    void customerCareRejectsAnAccountNumberAndANumberOfNoCompanySaysSo() {
        String number = uniqueAccountNumber();
        String email = uniqueEmail("kai");
        registerAndConfirm(new WebSession(port), smtp, "Kai Dunn", email, number);
        long id = accounts.byEmail(email).orElseThrow().id();

        WebSession kim = new WebSession(port);
        kim.logIn("kim", "demo");
        String claim = claimOf(kim.get("/customer-accounts").body(), id);
        assertThat(claim).contains(number).contains("no company with that account number")
                .doesNotContain("/claim/link").contains("Reject");
        assertThat(kim.submit("/customer-accounts", "/customer-accounts/" + id + "/claim/link",
                Map.of("accountNumber", number, "company", "Anything")).statusCode()).isEqualTo(409);
        assertThat(accounts.byEmail(email).orElseThrow().companyName()).isNull();

        WebSession tim = new WebSession(port);
        tim.logIn("tim", "demo");
        HttpResponse<String> article = new WebSession(port).post("/api/kb/articles", "application/json", """
                {"title": "Claims", "symptoms": "None", "workaround": "None", "category": "EQUIPMENT"}""",
                WebSession.basic("tim", "demo"));
        assertThat(article.statusCode()).as(article.body()).isEqualTo(201);
        String articleId = article.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        // a token of tim's own session, from a page with a form he may open: the refusal is for his role
        String csrf = WebSession.csrfToken(tim.get("/kb/" + articleId).body()).orElseThrow();
        assertThat(tim.postForm("/customer-accounts/" + id + "/claim/reject", Map.of("accountNumber", number,
                "_csrf", csrf)).statusCode()).as("other staff").isEqualTo(403);
        assertThat(accounts.byEmail(email).orElseThrow().claimedAccountNumber()).isEqualTo(number);
        assertThat(kim.postForm("/customer-accounts/" + id + "/claim/link", Map.of("accountNumber", number,
                "company", "Anything")).statusCode()).as("without the CSRF token").isEqualTo(403);

        HttpResponse<String> rejected = kim.submit("/customer-accounts", "/customer-accounts/" + id + "/claim/reject",
                Map.of("accountNumber", number));
        assertThat(rejected.statusCode()).isEqualTo(302);
        assertThat(accounts.byEmail(email).orElseThrow().claimedAccountNumber()).isNull();
        assertThat(accounts.byEmail(email).orElseThrow().companyName()).isNull();
        assertThat(kim.follow(rejected).body()).contains("is rejected").doesNotContain("id=\"claim-" + id + "\"");
        assertThat(kim.submit("/customer-accounts", "/customer-accounts/" + id + "/claim/reject",
                Map.of("accountNumber", number)).statusCode()).as("nothing left to reject").isEqualTo(409);
        assertThat(loggedIn(port, email).get("/portal").body()).contains("not linked to a company yet")
                .doesNotContain("waiting for our customer care");
    }

    @Test
    void aLoginThatAnOrderNamesIsLinkedByItsAddressAndItsTypedNumberIsNotKept() {
        String email = uniqueEmail("lea");
        String company = "Lea Studio " + UUID.randomUUID().toString().substring(0, 6);
        quoteRequest(port, company, "Lea Moss", email);
        registerAndConfirm(new WebSession(port), smtp, "Lea Moss", email, uniqueAccountNumber());
        PortalAccount account = accounts.byEmail(email).orElseThrow();
        assertThat(account.companyName()).isEqualTo(company);
        assertThat(account.claimedAccountNumber()).isNull();
    }

    /** The claim of the account on the staff page: its block of the page. */
    static String claimOf(String page, long id) {
        int start = page.indexOf("id=\"claim-" + id + "\"");
        assertThat(start).as("a claim of login " + id + " on the page").isNotNegative();
        int end = page.indexOf("</td>", start);
        return page.substring(start, end);
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
