package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.touchpoint.notification.CapturedMailbox;
import io.touchpoint.portal.PortalAccounts;
import io.touchpoint.support.NewTicket;
import io.touchpoint.support.TicketService;
import io.touchpoint.testing.WebSession;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Customer care's page of portal logins (REG-02, issue 12) in a real browser: a customer registers with the account
 * number of a company whose orders do not name their address; Kim sees the claim with the company and contact the
 * number belongs to, at 1280 px and on a 390 px phone, links it, and the customer's portal shows the company.
 */
class CustomerAccountsBrowserIT extends BrowserTestSupport {

    @Autowired
    CapturedMailbox mailbox;
    @Autowired
    TicketService tickets;
    @Autowired
    PortalAccounts accounts;

    @Test
    void customerCareSeesAnAccountNumberClaimAndLinksTheCompany() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String company = "Quayside Dental " + suffix;
        String contact = "nora-" + suffix + "@quayside-dental.example";
        String number = "ACC-" + (70000 + Math.abs(suffix.hashCode() % 20000));
        var quote = new WebSession(port).post("/api/quote-requests", "application/json", """
                {"companyName": "%s", "contactName": "Nora Quay", "contactEmail": "%s", "phone": "+1 555 010 0177",
                 "seats": 9, "requestedServices": ["HOSTED_VOICE"], "currentProvider": "Old Telco",
                 "notes": "Two surgeries"}""".formatted(company, contact), "Accept", "application/json");
        org.assertj.core.api.Assertions.assertThat(quote.statusCode()).isEqualTo(201);
        tickets.open(new NewTicket("Reception phone rings once and stops", "Since this morning calls drop at once.",
                NewTicket.Category.OUTAGE, NewTicket.Priority.P3, null, null, contact, "Nora Quay", number,
                NewTicket.Channel.PORTAL, NewTicket.RequesterType.CUSTOMER, null));

        // Nora's colleague Pia registers with the company's account number; no order names her address
        String email = "pia-" + suffix + "@quayside-dental.example";
        Page customer = newPage(1280, 900);
        customer.navigate(url("/portal/register"));
        customer.getByLabel("Your name").fill("Pia Quay");
        customer.getByLabel("Email").fill(email);
        customer.getByLabel("Account number (optional)").fill(number);
        customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(customer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your email")))
                .isVisible();
        customer.navigate(url(confirmationLink(mailbox, email)));
        customer.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("pia's long password");
        customer.getByLabel("The same password again").fill("pia's long password");
        customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm and set password")).click();
        customer.getByLabel("Email").fill(email);
        customer.getByLabel("Password").fill("pia's long password");
        customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(customer.locator("main")).containsText("waiting for our customer care to confirm your company");
        assertThat(customer.locator("main")).not().containsText(company);
        long id = accounts.byEmail(email).orElseThrow().id();

        Page kim = newPage(1280, 900);
        kim.navigate(url("/customer-accounts"));
        logIn(kim, "kim", DEMO_PASSWORD);
        assertThat(kim.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Customer portal logins")))
                .isVisible();
        Locator claim = kim.locator("#claim-" + id);
        assertThat(claim).containsText("Says account number " + number);
        assertThat(claim).containsText("company " + company);
        assertThat(claim).containsText("contact Nora Quay (" + contact + ")");
        Locator link = claim.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Link " + email + " to " + company));
        assertThat(link).isVisible();
        assertThat(claim.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Reject the account number of " + email))).isVisible();
        claim.scrollIntoViewIfNeeded();
        assertNoSidewaysScroll(kim, 1280);
        screenshot(kim, "customer-accounts-claim-1280");

        Page phone = newPage(390, 844);
        phone.navigate(url("/customer-accounts"));
        logIn(phone, "kim", DEMO_PASSWORD);
        assertThat(phone.locator("#claim-" + id)).containsText(company);
        assertNoSidewaysScroll(phone, 390);
        screenshot(phone, "customer-accounts-claim-phone-390");

        link.click();
        assertThat(kim.locator("p.notice").first()).containsText(email + " now sees the company " + company);
        assertThat(kim.locator("#claim-" + id)).hasCount(0);
        screenshot(kim, "customer-accounts-linked-1280");

        customer.navigate(url("/portal"));
        assertThat(customer.locator("main")).containsText(company);
        assertThat(customer.locator("main")).not().containsText("waiting for our customer care");
        org.assertj.core.api.Assertions.assertThat(consoleErrors).as("browser console errors").isEmpty();
    }


}
