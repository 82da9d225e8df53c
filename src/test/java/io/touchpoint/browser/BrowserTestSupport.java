package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real-browser tests: Touchpoint on a random port with an in-memory database and the captured mailbox, driven
 * by Playwright in Debian's Chromium (no browser download). Every test class shares this Spring context.
 * Screenshots go to {@code target/screenshots} (system property {@code touchpoint.browser.screenshots}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
        "touchpoint.mail.capture.port=0",
        "touchpoint.demo.enabled=true"})
abstract class BrowserTestSupport {

    static final String DEMO_PASSWORD = "demo";

    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    private final List<BrowserContext> contexts = new ArrayList<>();
    /** Console errors and uncaught page errors of every page opened with {@link #newPage}. */
    final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void launchBrowser() {
        // generous: on a busy machine (other builds running) Tasklist's first render of a task took over 20 s; a wait
        // that succeeds returns as soon as it can, so only a real failure takes this long
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("touchpoint.browser.executable", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    /** H2 by default; PostgreSQL under -Ppostgres (PostgresTestDatabase overrides the H2 address above). */
    @org.junit.jupiter.api.BeforeEach
    void runsOnTheDatabaseOfTheProfile() throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            org.assertj.core.api.Assertions.assertThat(connection.getMetaData().getDatabaseProductName())
                    .isEqualTo(io.touchpoint.testing.PostgresTestDatabase.enabled() ? "PostgreSQL" : "H2");
        }
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    Page newPage(int width, int height) {
        return newPage(new Browser.NewContextOptions().setViewportSize(width, height));
    }

    Page newPage(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setLocale("en-US").setTimezoneId("UTC"));
        context.setDefaultTimeout(60_000);
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !isIgnored(message)) {
                consoleErrors.add(message.text() + " (" + message.location() + ")");
            }
        });
        page.onPageError(error -> consoleErrors.add("page error: " + error));
        return page;
    }

    /**
     * Favicon 404s are noise. So are two 404s of the Camunda webapp shell that are no bug of Touchpoint:
     * the login check before anyone logged in ({@code /api/admin/auth/user/default}) and the probe for the
     * optional Camunda welcome app ({@code /camunda-welcome}).
     */
    private static boolean isIgnored(ConsoleMessage message) {
        String text = message.text() + " " + message.location();
        return text.contains("favicon")
                || text.contains("/camunda-welcome")
                || text.contains("/api/admin/auth/user/default")
                || staleWebappNonce(text)
                || taskCompletedElsewhere(text);
    }

    /**
     * The tests complete tasks through the engine's API while Tasklist shows them; Tasklist's refresh then asks for
     * the task and gets 404, as when a colleague completes a task one is looking at.
     */
    private static boolean taskCompletedElsewhere(String text) {
        return text.contains("status of 404") && text.contains("/camunda/api/engine/engine/default/task/");
    }

    /**
     * Camunda's webapps put a fresh CSP nonce into every page: when a test opens the same webapp page again in quick
     * succession (after logging in once more), Chromium can still hold the scripts of the page before and reports
     * them blocked, then loads the page's own. Only those reports, about the webapps' own scripts, are noise.
     */
    private static boolean staleWebappNonce(String text) {
        return text.contains("violates the following Content Security Policy directive")
                && text.contains("'nonce-") && text.contains("/camunda/app/");
    }

    /**
     * Logs in on Touchpoint's login page, as staff do once for Tasklist, Cockpit, Admin and the staff pages, and waits
     * for the page the login leads to (Tasklist, or the page that asked for the login).
     */
    void logIn(Page page, String user, String password) {
        if (!page.url().contains("/login")) {
            page.navigate(url("/login"));
        }
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(address -> !java.net.URI.create(address).getPath().startsWith("/login"));
    }

    /**
     * Logs in on Touchpoint's login page and opens a Camunda webapp (tasklist, cockpit, admin), which takes the user
     * of the shared session without a login of its own; waits until the app knows the user.
     */
    void login(Page page, String app, String user, String password) {
        logIn(page, user, password);
        page.navigate(url("/camunda/app/" + app + "/"));
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        com.microsoft.playwright.APIResponse who = page.request().get(url("/camunda/api/admin/auth/user/default"));
        org.assertj.core.api.Assertions.assertThat(who.text()).as("the webapp's user").contains("\"userId\":\"" + user + "\"");
        // the webapp never shows a login form of its own
        assertThat(page.getByPlaceholder("Username")).isHidden();
    }

    static Path screenshotDir() {
        Path dir = Paths.get(System.getProperty("touchpoint.browser.screenshots", "target/screenshots"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full-page screenshot named {@code <name>.png}. */
    Path screenshot(Page page, String name) {
        Path file = screenshotDir().resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /**
     * Webapps such as Tasklist scroll inside panels, which a full-page screenshot does not unroll: grows the
     * viewport by what the tallest scrolling panel hides, so that a screenshot shows all of it.
     */
    void growViewportToContent(Page page, int minHeight) {
        for (int round = 0; round < 3; round++) {
            Number hidden = (Number) page.evaluate("""
                    () => {
                      let hidden = 0;
                      for (const el of document.querySelectorAll('*')) {
                        const style = getComputedStyle(el);
                        if ((style.overflowY === 'auto' || style.overflowY === 'scroll')
                            && el.clientHeight > 0 && el.scrollHeight > el.clientHeight + 1) {
                          hidden = Math.max(hidden, el.scrollHeight - el.clientHeight);
                        }
                      }
                      return hidden;
                    }""");
            int current = page.viewportSize().height;
            int wanted = Math.max(minHeight, current + hidden.intValue() + (hidden.intValue() > 0 ? 40 : 0));
            if (wanted == current) {
                return;
            }
            page.setViewportSize(page.viewportSize().width, wanted);
        }
    }

    /** The input of a form-js field in Tasklist, found by its label. */
    static com.microsoft.playwright.Locator formField(Page page, String label) {
        return page.locator(".fjs-form").getByLabel(label).first();
    }

    /**
     * Types {@code value} into a form-js field and leaves it, as a person would. form-js commits text typed into a
     * field only after a short pause or when the field loses focus; a Complete clicked before that sends the old
     * value (CI once completed a welcome call with empty notes this way). The field is left by blur, not Tab: Tab
     * would focus the next field, and a select opens its dropdown on focus.
     */
    static void typeInForm(Page page, String label, String value) {
        com.microsoft.playwright.Locator field = formField(page, label);
        field.fill(value);
        field.blur();
        assertThat(field).hasValue(value);
    }

    /**
     * Claims the open task with Tasklist's "Claim" button and waits until the form, which Tasklist renders again
     * after the claim, lets the user edit {@code editableLabel}. Tasklist sometimes keeps the read-only form of
     * before the claim on screen (seen on CI); a user then reloads the page, and so does this.
     */
    static void claimInTasklist(Page page, String editableLabel) {
        com.microsoft.playwright.Locator claim = page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Claim").setExact(true));
        com.microsoft.playwright.Locator field = formField(page, editableLabel);
        claim.click();
        for (int attempt = 1; ; attempt++) {
            try {
                assertThat(field).isEditable(new com.microsoft.playwright.assertions.LocatorAssertions.IsEditableOptions()
                        .setTimeout(10_000));
                // Tasklist may render the form once more after the claim: act on the settled one
                page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                assertThat(field).isEditable();
                return;
            } catch (org.opentest4j.AssertionFailedError notYet) {
                if (attempt == 3) {
                    throw notYet;
                }
                page.reload();
                assertThat(page.locator(".fjs-form")).isVisible();
                clickIfVisible(claim);
            }
        }
    }

    /**
     * Opens {@code task} in Tasklist by its address and waits for its title. On CI's PostgreSQL run Tasklist twice left
     * a page without the task it was sent to for a minute; a person reloads, and so does this, after a screenshot of
     * what it showed ({@code <task id>-not-shown.png}).
     */
    /** The page is no wider than the window: nothing to scroll sideways for. */
    static void assertNoSidewaysScroll(Page page, int width) {
        Number scrollWidth = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        org.assertj.core.api.Assertions.assertThat(scrollWidth.intValue())
                .as("the page's width in a %d px window", width).isLessThanOrEqualTo(width);
    }

    /** The link of the "Confirm your email" message to this address, as the captured mailbox received it. */
    String confirmationLink(io.touchpoint.notification.CapturedMailbox mailbox, String email) {
        jakarta.mail.internet.MimeMessage confirmation = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60)).until(() -> mailbox.messages().stream()
                        .filter(message -> firstRecipient(message).equals(email))
                        .filter(message -> io.touchpoint.testing.Mails.subject(message).startsWith("Confirm your email"))
                        .findFirst().orElse(null), found -> found != null);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("(/portal/password\\?token=[A-Za-z0-9_-]+)")
                .matcher(io.touchpoint.testing.Mails.text(confirmation));
        org.assertj.core.api.Assertions.assertThat(link.find()).as("the confirmation link").isTrue();
        return link.group(1);
    }

    static String firstRecipient(jakarta.mail.internet.MimeMessage message) {
        try {
            var recipients = message.getRecipients(jakarta.mail.Message.RecipientType.TO);
            return recipients == null || recipients.length == 0 ? "" : recipients[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    /**
     * Takes the page off Tasklist before the test completes, through the API, a task the page shows. Tasklist keeps
     * asking for the task it shows, and once the task is gone that request fails: 404, or 400 while the engine is
     * deleting it (a CI run saw the 400). A person has the same race when a colleague completes their open task;
     * the test is not about that, so the page leaves first. Leaving the document, not just Tasklist's route, also
     * cancels a request already under way.
     */
    void leaveTask(Page page) {
        page.navigate("about:blank");
    }

    void showTask(Page page, org.camunda.bpm.engine.task.Task task) {
        page.navigate(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
        visibleAfterOneReload(page, page.locator("h2.task").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(task.getName())), task.getId());
    }

    /**
     * Waits 30 s for what the webapp should show; if it is not there, screenshots the page ({@code <name>-not-shown.png})
     * and reloads once, as a person would. Camunda's webapps on CI's PostgreSQL run have left a page without its task
     * or without Tasklist's "Start process" link for a minute; after a reload they show them.
     */
    void visibleAfterOneReload(Page page, com.microsoft.playwright.Locator expected, String name) {
        try {
            assertThat(expected).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        } catch (org.opentest4j.AssertionFailedError notShown) {
            screenshot(page, name + "-not-shown");
            page.reload();
            assertThat(expected).isVisible();
        }
    }

    /** Waits until the captured mailbox holds an email with this subject. */
    static void awaitCapturedMail(io.touchpoint.notification.CapturedMailbox mailbox, String subject) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> mailbox.messages().stream()
                .anyMatch(message -> {
                    try {
                        return subject.equals(message.getSubject());
                    } catch (jakarta.mail.MessagingException unreadable) {
                        return false;
                    }
                }));
    }

    static void clickIfVisible(com.microsoft.playwright.Locator locator) {
        if (locator.isVisible()) {
            locator.click();
        }
    }
}
