package io.touchpoint.portal;

import static io.touchpoint.portal.PortalTestCustomers.PASSWORD;
import static io.touchpoint.portal.PortalTestCustomers.awaitEmail;
import static io.touchpoint.portal.PortalTestCustomers.link;
import static io.touchpoint.portal.PortalTestCustomers.logIn;
import static io.touchpoint.portal.PortalTestCustomers.loggedIn;
import static io.touchpoint.portal.PortalTestCustomers.received;
import static io.touchpoint.portal.PortalTestCustomers.registerAndConfirm;
import static io.touchpoint.portal.PortalTestCustomers.ticket;
import static io.touchpoint.portal.PortalTestCustomers.uniqueAccountNumber;
import static io.touchpoint.portal.PortalTestCustomers.token;
import static io.touchpoint.portal.PortalTestCustomers.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Customer accounts of the portal (REG-01, REG-05) over real HTTP with real SMTP (GreenMail): register, confirm by
 * the emailed link, log in, log out; a forgotten password; links that expire or were used; the same answer whether an
 * address is registered or not; and staff and customers never sharing a login.
 */
@TouchpointSpringTest
class PortalAccountsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    WebApplicationContext context;

    @Test
    void aCustomerRegistersConfirmsByTheEmailedLinkLogsInAndOut() {
        String email = uniqueEmail("ann");
        WebSession web = new WebSession(port);

        HttpResponse<String> registered = web.submit("/portal/register", "/portal/register",
                Map.of("name", "Ann Lee", "email", email));
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).contains("Check your email").contains(email);
        assertThat(logIn(new WebSession(port), email, PASSWORD).headers().firstValue("Location").orElseThrow())
                .as("no password before the confirmation").endsWith("/portal/login?error");

        String link = link(awaitEmail(smtp, email, "Confirm your email for the Touchpoint portal"));
        HttpResponse<String> form = web.get(link);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Confirm your email and choose a password");

        HttpResponse<String> differ = web.submit(link, "/portal/password", Map.of("token", token(link),
                "password", PASSWORD, "repeat", PASSWORD + "x"));
        assertThat(differ.statusCode()).isEqualTo(400);
        assertThat(differ.body()).contains("id=\"repeat-error\"").contains("The two passwords differ");
        HttpResponse<String> tooShort = web.submit(link, "/portal/password", Map.of("token", token(link),
                "password", "short", "repeat", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("id=\"password-error\"").contains("at least 12 characters");
        assertThat(passwordHash(email)).as("nothing saved").isNull();

        HttpResponse<String> confirmed = web.submit(link, "/portal/password", Map.of("token", token(link),
                "password", PASSWORD, "repeat", PASSWORD));
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/portal/login?confirmed");
        assertThat(passwordHash(email)).as("Spring Security's delegating encoder, BCrypt").startsWith("{bcrypt}$2");
        assertThat(web.get(link).statusCode()).as("the link works once").isEqualTo(410);

        WebSession customer = loggedIn(port, email);
        HttpResponse<String> home = customer.get("/portal");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Welcome, Ann Lee").contains("not linked to a company yet");

        HttpResponse<String> loggedOut = customer.submit("/portal", "/portal/logout", Map.of());
        assertThat(loggedOut.headers().firstValue("Location").orElseThrow()).endsWith("/portal/login?logout");
        assertThat(customer.get("/portal").headers().firstValue("Location").orElseThrow()).endsWith("/portal/login");
        assertThat(customer.get("/portal/login?logout").body()).contains("You are logged out.");
    }

    @Test
    void theRegistrationFormExplainsEachErrorNextToItsFieldAndSendsNothing() {
        WebSession web = new WebSession(port);
        HttpResponse<String> refused = web.submit("/portal/register", "/portal/register", Map.of("name", " ",
                "email", "not an address"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"name-error\"").contains("Please give your name.")
                .contains("id=\"email-error\"").contains("Please give one email address")
                .contains("value=\"not an address\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM portal_account WHERE email = 'not an address'",
                Integer.class)).isZero();
    }

    @Test
    void anAccountNumberInTheWrongFormIsRefusedNextToItsFieldAndNothingIsStoredOrSent() {
        for (String bad : List.of("ACC 1001", "ACC-1001; DROP TABLE portal_account", "<b>ACC</b>", "A".repeat(41),
                "ACC\u00001", "ACC-1001\nBcc: eve@evil.example")) {
            String email = uniqueEmail("ivy");
            HttpResponse<String> refused = new WebSession(port).submit("/portal/register", "/portal/register",
                    Map.of("name", "Ivy Cole", "email", email, "accountNumber", bad));
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"accountNumber-error\"").contains("letters, digits and dashes")
                    .contains("aria-invalid=\"true\"").contains("value=\"Ivy Cole\"")
                    .doesNotContain("id=\"email-error\"");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM portal_account WHERE email = ?", Integer.class, email))
                    .as("nothing stored").isZero();
            assertThat(received(smtp, email, "")).as("nothing sent").isEmpty();
        }
        HttpResponse<String> form = new WebSession(port).get("/portal/register");
        assertThat(form.body()).contains("Account number (optional)").contains("name=\"accountNumber\"");
    }

    @Test
    void registeringWithAnAccountNumberOfACompanyOrOfNoneGetsTheSameAnswerAndLinksNothing() {
        String contact = uniqueEmail("mo");
        String number = uniqueAccountNumber();
        CustomerAccountsPageTest.quoteRequest(port, "Mo Garage " + number, "Mo Khan", contact);
        ticket(port, "Mo Khan", contact, "Mo's line is noisy", number);
        String withCompany = uniqueEmail("nia");
        String withNone = uniqueEmail("noa");

        String existing = answer("/portal/register", Map.of("name", "Nia Park", "email", withCompany,
                "accountNumber", number), withCompany);
        String unknown = answer("/portal/register", Map.of("name", "Nia Park", "email", withNone,
                "accountNumber", uniqueAccountNumber()), withNone);
        assertThat(existing).isEqualTo(unknown).doesNotContain("Mo Garage").doesNotContain(number);
        String confirmCompany = Mails.text(awaitEmail(smtp, withCompany, "Confirm your email"));
        String confirmNone = Mails.text(awaitEmail(smtp, withNone, "Confirm your email"));
        assertThat(confirmCompany).contains(number).doesNotContain("Mo Garage");
        assertThat(confirmNone).doesNotContain("Mo Garage");
        for (String email : List.of(withCompany, withNone)) {
            assertThat(jdbc.queryForObject("SELECT company_name FROM portal_account WHERE email = ?", String.class, email))
                    .as("nothing linked").isNull();
            assertThat(jdbc.queryForObject("SELECT claimed_account_number FROM portal_account WHERE email = ?",
                    String.class, email)).as("nothing claimed before the owner confirms").isNull();
        }
    }

    @Test
    void theAccountNumberOfARegistrationWaitsAfterTheConfirmationEvenByTheLinkOfAForgottenPassword() {
        String email = uniqueEmail("pia");
        String number = uniqueAccountNumber();
        WebSession web = new WebSession(port);
        web.submit("/portal/register", "/portal/register", Map.of("name", "Pia Lund", "email", email,
                "accountNumber", " " + number + " "));
        assertThat(Mails.text(awaitEmail(smtp, email, "Confirm your email"))).contains("You gave the account number "
                + number);
        web.submit("/portal/password-reset", "/portal/password-reset", Map.of("email", email));
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> received(smtp, email, "Confirm your email").size() == 2);
        String link = link(received(smtp, email, "Confirm your email").get(1));
        web.submit(link, "/portal/password", Map.of("token", token(link), "password", PASSWORD, "repeat", PASSWORD));

        assertThat(jdbc.queryForObject("SELECT claimed_account_number FROM portal_account WHERE email = ?", String.class,
                email)).isEqualTo(number);
        assertThat(jdbc.queryForObject("SELECT company_name FROM portal_account WHERE email = ?", String.class, email))
                .isNull();
        assertThat(loggedIn(port, email).get("/portal").body()).contains("waiting for our customer care to confirm your "
                + "company").contains(number);
    }

    @Test
    void registeringOrResettingAnyAddressGetsTheSameAnswerAndOnlyTheOwnerLearnsMore() {
        String known = uniqueEmail("bob");
        String unknown = uniqueEmail("nobody");
        registerAndConfirm(new WebSession(port), smtp, "Bob Stone", known);

        String again = answer("/portal/register", Map.of("name", "Bob Stone", "email", known), known);
        String stranger = answer("/portal/register", Map.of("name", "Bob Stone", "email", unknown), unknown);
        assertThat(again).isEqualTo(stranger);
        assertThat(link(awaitEmail(smtp, known, "You already have a Touchpoint portal account")))
                .startsWith("/portal/password?token=");

        String resetUnknown = answer("/portal/password-reset", Map.of("email", unknown + ".other"), unknown + ".other");
        String resetKnown = answer("/portal/password-reset", Map.of("email", known), known);
        assertThat(resetKnown).isEqualTo(resetUnknown);
        awaitEmail(smtp, known, "Set a new password for the Touchpoint portal");
        assertThat(received(smtp, unknown + ".other", "")).as("nobody to write to").isEmpty();
    }

    @Test
    void aForgottenPasswordIsReplacedByTheEmailedLinkOnceAndTheOldOneStopsWorking() {
        String email = uniqueEmail("carl");
        registerAndConfirm(new WebSession(port), smtp, "Carl Ray", email);
        WebSession web = new WebSession(port);
        web.submit("/portal/password-reset", "/portal/password-reset", Map.of("email", email.toUpperCase()));
        String link = link(awaitEmail(smtp, email, "Set a new password"));
        assertThat(web.get(link).body()).contains("Choose a new password");

        String newPassword = "another long password";
        HttpResponse<String> reset = web.submit(link, "/portal/password", Map.of("token", token(link),
                "password", newPassword, "repeat", newPassword));
        assertThat(reset.headers().firstValue("Location").orElseThrow()).endsWith("/portal/login?reset");

        assertThat(logIn(new WebSession(port), email, PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/portal/login?error");
        assertThat(logIn(new WebSession(port), email, newPassword).headers().firstValue("Location").orElseThrow())
                .endsWith("/portal");
        HttpResponse<String> reused = web.postForm("/portal/password", Map.of("token", token(link), "password",
                "a third long password", "repeat", "a third long password", "_csrf",
                WebSession.csrfToken(web.get("/portal/register").body()).orElseThrow()));
        assertThat(reused.statusCode()).as("a used link").isEqualTo(410);
    }

    @Test
    void anExpiredConfirmationLinkConfirmsNothing() {
        String email = uniqueEmail("dora");
        WebSession web = new WebSession(port);
        web.submit("/portal/register", "/portal/register", Map.of("name", "Dora Fox", "email", email));
        String link = link(awaitEmail(smtp, email, "Confirm your email"));
        jdbc.update("UPDATE portal_token SET expires_at = ? WHERE token_hash = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), PortalRegistration.hash(token(link)));

        HttpResponse<String> expired = web.get(link);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired or was used already");
        HttpResponse<String> posted = web.postForm("/portal/password", Map.of("token", token(link), "password", PASSWORD,
                "repeat", PASSWORD, "_csrf", WebSession.csrfToken(web.get("/portal/register").body()).orElseThrow()));
        assertThat(posted.statusCode()).isEqualTo(410);
        assertThat(passwordHash(email)).isNull();
        assertThat(jdbc.queryForObject("SELECT confirmed_at FROM portal_account WHERE email = ?", java.sql.Timestamp.class,
                email)).isNull();
    }

    @Test
    void staffAndCustomersNeverShareALogin() {
        String email = uniqueEmail("erin");
        registerAndConfirm(new WebSession(port), smtp, "Erin Holt", email);

        assertThat(logIn(new WebSession(port), "kim", "demo").headers().firstValue("Location").orElseThrow())
                .as("a staff user on the portal").endsWith("/portal/login?error");
        WebSession customerAtStaffLogin = new WebSession(port);
        assertThat(customerAtStaffLogin.logIn(email, PASSWORD).headers().firstValue("Location").orElseThrow())
                .as("a customer on the staff login").endsWith("/login?error");
        assertThat(identity.createUserQuery().userEmail(email).count()).as("never in the engine's users").isZero();

        WebSession customer = loggedIn(port, email);
        assertThat(customer.get("/kb").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(customer.get("/camunda/app/tasklist/").headers().firstValue("Location").orElseThrow()).endsWith("/login");

        WebSession staff = new WebSession(port);
        assertThat(staff.logIn("kim", "demo").statusCode()).isEqualTo(302);
        assertThat(staff.get("/kb").statusCode()).isEqualTo(200);
        assertThat(staff.get("/portal").headers().firstValue("Location").orElseThrow()).endsWith("/portal/login");
        assertThat(staff.get("/portal/requests").headers().firstValue("Location").orElseThrow()).endsWith("/portal/login");
    }

    @Test
    void aPortalLogoutInTheBrowserOfAStaffMemberLeavesTheStaffLogin() {
        String email = uniqueEmail("gwen");
        registerAndConfirm(new WebSession(port), smtp, "Gwen Ito", email);
        WebSession browser = new WebSession(port);
        assertThat(browser.logIn("kim", "demo").statusCode()).isEqualTo(302);
        assertThat(logIn(browser, email, PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/portal");
        assertThat(browser.get("/portal").statusCode()).isEqualTo(200);
        String staffPage = browser.get("/customer-accounts").body();
        String staffToken = WebSession.csrfToken(staffPage).orElseThrow();

        HttpResponse<String> loggedOut = browser.submit("/portal", "/portal/logout", Map.of());
        assertThat(loggedOut.headers().firstValue("Location").orElseThrow()).endsWith("/portal/login?logout");

        assertThat(browser.get("/portal").headers().firstValue("Location").orElseThrow()).endsWith("/portal/login");
        assertThat(browser.get("/kb").statusCode()).as("the staff pages").isEqualTo(200);
        assertThat(browser.get("/camunda/app/tasklist/").headers().firstValue("Location").orElse("Tasklist's page"))
                .as("Tasklist").doesNotEndWith("/login");
        // the staff page opened before the portal's logout still sends its form: its CSRF token is untouched
        HttpResponse<String> staffLogout = browser.postForm("/logout", Map.of("_csrf", staffToken));
        assertThat(staffLogout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(browser.get("/kb").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void failedPortalLoginsAreThrottledPerClient() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
        // The limit refills one attempt every 6 seconds: on a busy machine a refill can fall between the attempts, so
        // the refusal may come an attempt or two after the tenth, never before it.
        List<Integer> statuses = new ArrayList<>();
        MockHttpServletResponse last = null;
        for (int attempt = 0; attempt < 30 && !statuses.contains(429); attempt++) {
            last = mvc.perform(post("/portal/login").param("email", "who@portal-test.example")
                    .param("password", "guess-" + attempt).with(csrf()).with(request -> {
                        request.setRemoteAddr("203.0.113.90");
                        return request;
                    })).andReturn().getResponse();
            statuses.add(last.getStatus());
        }
        assertThat(statuses).last().isEqualTo(429);
        assertThat(statuses.subList(0, statuses.size() - 1)).hasSizeGreaterThanOrEqualTo(10).containsOnly(302);
        assertThat(last.getHeader("Retry-After")).isNotBlank();
        assertThat(last.getForwardedUrl()).isEqualTo("/portal/login/too-many-attempts");
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenAreRefused() {
        WebSession web = new WebSession(port);
        web.get("/portal/register");
        String email = uniqueEmail("csrf");
        HttpResponse<String> forged = web.postForm("/portal/register", Map.of("name", "Mallory", "email", email));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM portal_account WHERE email = ?", Integer.class, email)).isZero();
    }

    private String answer(String page, Map<String, String> fields, String email) {
        HttpResponse<String> response = new WebSession(port).submit(page, page, fields);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().replace(email, "ADDRESS");
    }

    private String passwordHash(String email) {
        return jdbc.queryForObject("SELECT password_hash FROM portal_account WHERE email = ?", String.class, email);
    }
}
