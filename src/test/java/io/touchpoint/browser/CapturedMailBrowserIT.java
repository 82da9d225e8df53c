package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.touchpoint.journey.Catalog;
import io.touchpoint.journey.CustomerJourney;
import io.touchpoint.journey.QuoteRequest;
import io.touchpoint.notification.CapturedMailbox;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The captured-mail page at /mail, for administrators (after the login page). */
class CapturedMailBrowserIT extends BrowserTestSupport {

    @Autowired
    CustomerJourney presales;
    @Autowired
    CapturedMailbox mailbox;

    @Test
    void adminSeesTheConfirmationEmailOfAQuoteRequest() throws Exception {
        String quoteNumber = presales.start(new QuoteRequest("Greenfield Architects", "Sam Okafor",
                "sam@greenfield.example", "+1 555 010 0190", 12,
                List.of(Catalog.Service.HOSTED_VOICE, Catalog.Service.MANAGED_WIFI), List.of(), null, null));
        String subject = "Your quote request " + quoteNumber;
        awaitCapturedMail(mailbox, subject);

        // without a login, the page leads to the login page (never a Basic dialog), and back after it
        Page page = newPage(1400, 900);
        APIResponse refused = page.request().get(url("/mail"),
                com.microsoft.playwright.options.RequestOptions.create().setMaxRedirects(0));
        org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(302);
        org.assertj.core.api.Assertions.assertThat(refused.headers()).doesNotContainKey("www-authenticate");
        page.navigate(url("/mail"));
        logIn(page, "admin", "admin");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Captured mail"))).isVisible();
        // the row of the customer's confirmation: the team's invitation to the introduction names the quote too
        Locator row = page.locator("tr").filter(new Locator.FilterOptions().setHasText(subject));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("sam@greenfield.example");
        screenshot(page, "mail-list");

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(subject)).click();
        assertThat(page.locator("body")).containsText(quoteNumber);
        screenshot(page, "mail-quote-request-received");
    }
}
