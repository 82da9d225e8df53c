package io.touchpoint.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One login for Touchpoint's staff pages and the Camunda webapps: the login page's session opens both, a page never
 * asks with a Basic dialog, the webapps' own login form and logout act on the same session, and HTTP Basic is for
 * the machine APIs only.
 */
@TouchpointSpringTest
class OneLoginTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    WebSession browser;
    String tasklist;

    @BeforeEach
    void newBrowser() {
        browser = new WebSession(port);
        tasklist = "/camunda/app/tasklist/" + engine.getName() + "/";
    }

    @Test
    void aStaffPageWithoutLoginLeadsToTheLoginPageAndBackAfterIt() {
        HttpResponse<String> kb = browser.get("/kb?q=router", "Accept", "text/html");
        assertThat(kb.statusCode()).isEqualTo(302);
        assertThat(kb.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(kb.headers().firstValue("WWW-Authenticate")).as("no Basic dialog").isEmpty();

        HttpResponse<String> page = browser.follow(kb);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"username\">User name</label>")
                .contains("<label for=\"password\">Password</label>").contains("name=\"_csrf\"");

        HttpResponse<String> loggedIn = browser.postForm("/login", Map.of("username", "tim", "password", "demo",
                "_csrf", WebSession.csrfToken(page.body()).orElseThrow()));
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/kb?q=router"));
        assertThat(browser.follow(loggedIn).body()).contains("Knowledge base");
    }

    @Test
    void aWrongPasswordShowsTheErrorOnTheLoginPage() {
        HttpResponse<String> refused = browser.logIn("lars", "not-his-password");
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        HttpResponse<String> page = browser.follow(refused);
        assertThat(page.body()).contains("Wrong user name or password");
        assertThat(browser.get("/kb").statusCode()).as("still not logged in").isEqualTo(302);
    }

    @Test
    void aThrottledLoginShowsWhyOnTheLoginPage() {
        HttpResponse<String> page = browser.get("/login/too-many-attempts");
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.body()).contains("Too many failed logins from your address").contains("name=\"password\"");
    }

    @Test
    void theLoginOpensTheStaffPagesAndTasklistWithoutAnotherLogin() {
        HttpResponse<String> loggedIn = browser.logIn("kim", "demo");
        assertThat(loggedIn.headers().firstValue("Location")).as("no page asked for: Tasklist")
                .hasValueSatisfying(to -> assertThat(to).endsWith("/camunda/app/tasklist/"));

        HttpResponse<String> kb = browser.get("/kb");
        assertThat(kb.statusCode()).isEqualTo(200);
        assertThat(kb.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(browser.get("/outage-list").statusCode()).isEqualTo(200);

        assertThat(browser.get(tasklist).statusCode()).isEqualTo(200);
        HttpResponse<String> user = browser.get("/camunda/api/admin/auth/user/" + engine.getName());
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"kim\"").contains("tasklist");
        HttpResponse<String> count = browser.get("/camunda/api/engine/engine/" + engine.getName() + "/task/count");
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.body()).contains("\"count\"");
    }

    @Test
    void theWebappsRedirectToTheLoginPageAndComeBack() {
        HttpResponse<String> app = browser.get(tasklist, "Accept", "text/html");
        assertThat(app.statusCode()).isEqualTo(302);
        assertThat(app.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));

        HttpResponse<String> loggedIn = browser.submit("/login", "/login", Map.of("username", "sue", "password", "demo"));
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains(tasklist));
        HttpResponse<String> back = browser.follow(loggedIn);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("nonce-"));
    }

    @Test
    void theWebappLogoutEndsTheSharedSession() {
        browser.logIn("kim", "demo");
        assertThat(browser.get(tasklist).statusCode()).isEqualTo(200);
        String xsrf = browser.cookie("XSRF-TOKEN").orElseThrow();

        HttpResponse<String> logout = browser.post("/camunda/api/admin/auth/user/" + engine.getName() + "/logout",
                "application/x-www-form-urlencoded", "", "X-XSRF-TOKEN", xsrf);
        assertThat(logout.statusCode()).isEqualTo(200);

        assertThat(browser.get("/camunda/api/admin/auth/user/" + engine.getName()).statusCode()).isEqualTo(404);
        assertThat(browser.get("/camunda/api/engine/engine/" + engine.getName() + "/task/count").statusCode())
                .as("not signed in again by the shared session").isEqualTo(401);
        assertThat(browser.get("/kb").statusCode()).isEqualTo(302);
        assertThat(browser.get(tasklist).statusCode()).isEqualTo(302);
    }

    @Test
    void theWebappsOwnLoginFormGoesThroughTouchpointsLogin() {
        String login = "/camunda/api/admin/auth/user/" + engine.getName() + "/login/tasklist";
        // the webapp's shell asks who is logged in first, and gets its XSRF token with the answer
        assertThat(browser.get("/camunda/api/admin/auth/user/" + engine.getName()).statusCode()).isEqualTo(404);
        String xsrf = browser.cookie("XSRF-TOKEN").orElseThrow();

        HttpResponse<String> wrong = browser.post(login, "application/x-www-form-urlencoded",
                "username=arman&password=wrong", "X-XSRF-TOKEN", xsrf);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> right = browser.post(login, "application/x-www-form-urlencoded",
                "username=arman&password=demo", "X-XSRF-TOKEN", xsrf);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("\"userId\":\"arman\"");
        assertThat(browser.get("/kb").statusCode()).as("Touchpoint's pages share the webapp's login").isEqualTo(200);
    }

    @Test
    void pagesTakeOnlyTheSessionAndTheApisHttpBasic() {
        String[] arman = WebSession.basic("arman", "demo");
        assertThat(browser.get("/kb", arman).statusCode()).as("no Basic login on pages").isEqualTo(302);
        assertThat(browser.get("/api/kb/articles", arman).statusCode()).isEqualTo(200);

        HttpResponse<String> anonymous = browser.get("/engine-rest/task", "Accept", "application/json");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(scheme -> assertThat(scheme)
                .startsWith("Basic"));
        assertThat(anonymous.body()).contains("\"status\":401").contains("\"title\":\"Login required\"");
        assertThat(browser.get("/engine-rest/task", arman).statusCode()).isEqualTo(200);

        browser.logIn("admin", "admin");
        assertThat(browser.get("/mail").statusCode()).isEqualTo(200);
        assertThat(browser.get("/engine-rest/user").statusCode()).as("the engine's API takes no browser session")
                .isEqualTo(401);
    }

    @Test
    void staffOfAnotherRoleGetAFriendlyPageAndApisAProblem() {
        browser.logIn("theo", "demo");
        HttpResponse<String> outage = browser.get("/outage-list");
        assertThat(outage.statusCode()).isEqualTo(403);
        assertThat(outage.body()).contains("Not for your role").contains("logged in as theo");
        assertThat(browser.get("/mail").statusCode()).isEqualTo(403);
        HttpResponse<String> cockpit = browser.get("/camunda/app/cockpit/" + engine.getName() + "/", "Accept", "text/html");
        assertThat(cockpit.statusCode()).isEqualTo(403);
        assertThat(cockpit.body()).contains("Not for your role");

        HttpResponse<String> api = browser.get("/api/kb/articles");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theKnowledgeBaseApiWantsTheCsrfTokenWithTheSessionButNotWithBasic() {
        browser.logIn("arman", "demo");
        String article = "{\"title\": \"Fax to email\", \"symptoms\": \"Faxes do not arrive.\", "
                + "\"workaround\": \"Check the fax number in the portal.\", \"category\": \"GENERAL\"}";
        HttpResponse<String> noToken = browser.post("/api/kb/articles", "application/json", article);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(noToken.body()).contains("CSRF");
        assertThat(browser.get("/api/kb/articles?q=fax").body()).doesNotContain("Fax to email");

        HttpResponse<String> basic = new WebSession(port).post("/api/kb/articles", "application/json", article,
                WebSession.basic("arman", "demo"));
        assertThat(basic.statusCode()).isEqualTo(201);
    }
}
