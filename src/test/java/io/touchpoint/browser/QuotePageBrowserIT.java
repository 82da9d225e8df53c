package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.touchpoint.presales.PresalesProcess;
import java.util.List;
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
        assertThat(error).hasText("Please enter an email address we can reach you at, such as maria@harbor-dental.com.");
        assertThat(email).hasClass(Pattern.compile("\\binvalid\\b"));
        assertThat(email).hasAttribute("aria-invalid", "true");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please correct one field before we can send your request:");
        assertThat(page.getByRole(AriaRole.STATUS)).isHidden();
        assertThat(page.locator(".error")).hasCount(1);
        screenshot(page, "quote-page-invalid-email");
    }

    /**
     * On a phone, an empty form sent as it is: one message per field in the customer's words, in the order of the
     * form (the same on every try), and the summary at the top takes the focus, so the customer sees it.
     */
    @Test
    void onAPhoneAnIncompleteRequestSaysWhatToCorrectInTheOrderOfTheForm() {
        Page page = newPage(390, 844);
        page.navigate(url("/quote"));
        page.getByLabel(Pattern.compile("^Number of seats")).fill("0");
        page.getByLabel(Pattern.compile("^Phone$")).fill("call me");
        List<String> expected = List.of(
                "Please enter your company name, on one line (up to 120 characters).",
                "Please enter your name, on one line (up to 120 characters).",
                "Please enter an email address we can reach you at, such as maria@harbor-dental.com.",
                "Please enter a phone number with its area code, such as +1 555 010 0100.",
                "Please enter how many people need a phone or a line: a whole number from 1 to 100,000.",
                "Please choose at least one service.");
        for (int attempt = 0; attempt < 2; attempt++) {
            submit(page);
            Locator summary = page.getByRole(AriaRole.ALERT);
            assertThat(summary).containsText("Please correct 6 fields before we can send your request:");
            assertThat(summary).isFocused();
            assertThat(summary).isInViewport();
            assertThat(summary.locator("li")).hasText(expected.toArray(String[]::new));
            assertThat(page.locator(".error")).hasText(expected.toArray(String[]::new));
        }
        assertThat(page.locator("#seats + .error")).isVisible();
        Number scrollWidth = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).as("page width on a 390 px phone").isLessThanOrEqualTo(390);
        screenshot(page, "quote-page-phone-incomplete");

        // a link of the summary leads to its field
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Please choose at least one service.")).click();
        assertThat(page.locator("#requestedServices")).isInViewport();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PresalesProcess.PROCESS_ID)
                .variableValueEquals("phone", "call me").count()).as("nothing started").isZero();
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
