package io.touchpoint.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;

/**
 * The engine's REST API answers only to a login: no customer data for anonymous callers. (Runs with the browser
 * tests because the login filter addresses the engine by its production name, {@code default}, which the other
 * Spring Boot tests replace with unique names.)
 */
class EngineRestLoginBrowserIT extends BrowserTestSupport {

    @Test
    void engineRestRequiresALogin() {
        try (Playwright client = Playwright.create()) {
            APIRequestContext anonymous = client.request().newContext();
            assertThat(anonymous.get(url("/engine-rest/user")).status()).isEqualTo(401);
            assertThat(anonymous.get(url("/engine-rest/variable-instance")).status()).isEqualTo(401);

            // a valid login first: after a wrong password the engine delays further logins of that user
            APIRequestContext admin = client.request().newContext(login("admin", "admin"));
            assertThat(admin.get(url("/engine-rest/user")).status()).isEqualTo(200);
            assertThat(admin.get(url("/engine-rest/user")).text()).contains("\"id\":\"kim\"");

            APIRequestContext wrong = client.request().newContext(login("lars", "wrong"));
            assertThat(wrong.get(url("/engine-rest/user")).status()).isEqualTo(401);
        }
    }

    /** Credentials sent up front, as integrations do. */
    private static com.microsoft.playwright.APIRequest.NewContextOptions login(String user, String password) {
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new com.microsoft.playwright.APIRequest.NewContextOptions()
                .setExtraHTTPHeaders(java.util.Map.of("Authorization", "Basic " + basic));
    }
}
