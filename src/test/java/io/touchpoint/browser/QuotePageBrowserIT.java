package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.touchpoint.presales.PresalesProcess;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The public quote request page at /quote, as a customer uses it. */
class QuotePageBrowserIT extends BrowserTestSupport {

    private static final Pattern QUOTE_NUMBER = Pattern.compile("Q-\\d{4}-\\d{5}");

    @Autowired
    RuntimeService runtime;

    @Test
    void customerRequestsAQuoteAndSeesTheQuoteNumber() {
        Page page = newPage(1280, 900);
        page.navigate(url("/quote"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Request a quote"))).isVisible();

        fillValidRequest(page, "Harbor Dental Group", "harbor.dental@example.com");
        screenshot(page, "quote-page-filled");
        submit(page);

        Locator confirmation = page.getByRole(AriaRole.STATUS);
        assertThat(confirmation).isVisible();
        assertThat(confirmation).containsText(QUOTE_NUMBER);
        assertThat(confirmation).containsText("harbor.dental@example.com");
        assertThat(page.locator("#quote-form")).isHidden();
        screenshot(page, "quote-page-confirmation");

        Matcher number = QUOTE_NUMBER.matcher(confirmation.textContent());
        assertThat(number.find()).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PresalesProcess.PROCESS_ID)
                .processInstanceBusinessKey(number.group()).count())
                .as("a presales instance for %s", number.group()).isEqualTo(1);
    }

    @Test
    void invalidEmailShowsTheErrorNextToTheField() {
        Page page = newPage(1280, 900);
        page.navigate(url("/quote"));
        fillValidRequest(page, "Northwind Logistics", "northwind.example.com");
        submit(page);

        Locator email = page.locator("#contactEmail");
        Locator error = page.locator("#contactEmail + .error");
        assertThat(error).isVisible();
        assertThat(error).hasText("must be a valid email address");
        assertThat(email).hasClass(Pattern.compile("\\binvalid\\b"));
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Please correct the fields marked below.");
        assertThat(page.getByRole(AriaRole.STATUS)).isHidden();
        assertThat(page.locator(".error")).hasCount(1);
        screenshot(page, "quote-page-invalid-email");
    }

    private static void fillValidRequest(Page page, String company, String email) {
        // labels carry hints such as "(optional)": match on how they start
        page.getByLabel(Pattern.compile("^Company name")).fill(company);
        page.getByLabel(Pattern.compile("^Your name")).fill("Maria Chen");
        page.getByLabel(Pattern.compile("^Email")).fill(email);
        page.getByLabel(Pattern.compile("^Phone$")).fill("+1 555 010 0142");
        page.getByLabel(Pattern.compile("^Number of seats")).fill("25");
        page.getByLabel("Hosted VoIP phone system").check();
        page.getByLabel("Fiber internet").check();
        page.getByLabel("Mobile lines").check();
        page.getByLabel(Pattern.compile("^Current provider")).fill("OldTel");
    }

    private static void submit(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request my quote")).click();
    }
}
