package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.HttpCredentials;
import io.touchpoint.notification.CapturedMailbox;
import io.touchpoint.presales.Catalog;
import io.touchpoint.presales.PresalesService;
import io.touchpoint.presales.QuoteRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The captured-mail page at /mail, for administrators (HTTP Basic). */
class CapturedMailBrowserIT extends BrowserTestSupport {

    @Autowired
    PresalesService presales;
    @Autowired
    CapturedMailbox mailbox;

    @Test
    void adminSeesTheConfirmationEmailOfAQuoteRequest() throws Exception {
        String quoteNumber = presales.submit(new QuoteRequest("Greenfield Architects", "Sam Okafor",
                "sam@greenfield.example", "+1 555 010 0190", 12,
                List.of(Catalog.Service.HOSTED_VOICE, Catalog.Service.MANAGED_WIFI), List.of(), null, null));
        String subject = "Your quote request " + quoteNumber;
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.messages().stream().anyMatch(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (Exception e) {
                return false;
            }
        }));

        // without a login, the page asks for one
        APIResponse refused = newPage(1280, 800).request().get(url("/mail"));
        org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(401);
        org.assertj.core.api.Assertions.assertThat(refused.headers().get("www-authenticate")).startsWith("Basic");

        Page page = newPage(new Browser.NewContextOptions().setViewportSize(1400, 900)
                .setHttpCredentials(new HttpCredentials("admin", "admin")));
        page.navigate(url("/mail"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Captured mail"))).isVisible();
        Locator row = page.locator("tr").filter(new Locator.FilterOptions().setHasText(quoteNumber));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("sam@greenfield.example");
        screenshot(page, "mail-list");

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(subject)).click();
        assertThat(page.locator("body")).containsText(quoteNumber);
        screenshot(page, "mail-quote-request-received");
    }
}
