package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One login in a real browser: staff log in once on Touchpoint's login page, then Tasklist and the knowledge base open
 * without a second login and without a Basic dialog. The login page fits a phone.
 */
class LoginBrowserIT extends BrowserTestSupport {

    @Test
    void oneLoginOpensTheKnowledgeBaseAndTasklist() {
        Page page = newPage(1280, 800);
        List<String> challenges = new ArrayList<>();
        page.onResponse(response -> {
            if (response.headers().containsKey("www-authenticate")) {
                challenges.add(response.url());
            }
        });

        page.navigate(url("/kb"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.getByLabel("User name")).isVisible();
        assertThat(page.getByLabel("Password")).isVisible();
        screenshot(page, "login");

        page.getByLabel("User name").fill("kim");
        page.getByLabel("Password").fill("not-kims-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Wrong user name or password. Please try again.");
        screenshot(page, "login-wrong-password");

        logIn(page, "kim", DEMO_PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/kb(\\?continue)?$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Knowledge base"))).isVisible();

        page.navigate(url("/camunda/app/tasklist/"));
        assertThat(page.getByText("Kim John").first()).isVisible();
        assertThat(page.getByPlaceholder("Username")).isHidden();
        screenshot(page, "login-tasklist-as-kim");

        page.navigate(url("/kb"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Knowledge base"))).isVisible();
        org.assertj.core.api.Assertions.assertThat(challenges).as("no Basic dialog anywhere").isEmpty();
    }

    @Test
    void theLoginPageFitsAPhone() {
        Page page = newPage(390, 844);
        page.navigate(url("/login"));
        assertThat(page.getByLabel("User name")).isVisible();
        assertThat(page.getByLabel("Password")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))).isInViewport();
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isTrue();
        screenshot(page, "login-390");
    }
}
