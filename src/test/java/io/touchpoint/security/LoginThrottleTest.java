package io.touchpoint.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.touchpoint.testing.TouchpointSpringTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Nobody can guess passwords quickly or lock a colleague out: after ten failed logins in a minute, a client's further
 * attempts answer 429 with {@code Retry-After} unchecked, on the login page, HTTP Basic and the webapps' login form
 * alike; and the engine's own lockout, which counted per user, is off. Clients are told apart by their remote
 * address (here set on each request, as a proxy does through {@code server.forward-headers-strategy}).
 */
@TouchpointSpringTest
class LoginThrottleTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngine engine;

    MockMvc mvc;

    @BeforeEach
    void mockMvcThroughTheSecurityFilters() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Test
    void fiftyWrongPasswordsAreThrottledAndTheUserStillLogsInAtOnceFromElsewhere() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        MockHttpServletResponse last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            last = perform(loginForm("tim", "guess-" + attempt), from("203.0.113.50"));
            statuses.add(last.getStatus());
        }
        assertThat(statuses.subList(0, 10)).as("wrong password").containsOnly(302);
        assertThat(statuses.subList(10, 50)).as("throttled").containsOnly(429);
        assertThat(Integer.parseInt(last.getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(last.getForwardedUrl()).as("the login page with its message").isEqualTo("/login/too-many-attempts");
        assertThat(perform(loginForm("tim", "demo"), from("203.0.113.50")).getStatus())
                .as("not even the right password is checked").isEqualTo(429);

        MockHttpServletResponse tim = perform(loginForm("tim", "demo"), from("198.51.100.50"));
        assertThat(tim.getStatus()).isEqualTo(302);
        assertThat(tim.getRedirectedUrl()).endsWith("/camunda/app/tasklist/");
        assertThat(identity.checkPassword("tim", "demo")).as("the engine did not lock tim out").isTrue();
    }

    @Test
    void httpBasicIsThrottledWithAProblem() throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(perform(get("/api/kb/articles").with(httpBasic("terrence", "guess-" + attempt)),
                    from("203.0.113.51")).getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse throttled = perform(get("/api/kb/articles").with(httpBasic("terrence", "demo")),
                from("203.0.113.51"));
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getContentType()).isEqualTo("application/problem+json");
        assertThat(throttled.getHeader("Retry-After")).isNotBlank();
        assertThat(throttled.getContentAsString()).contains("\"status\":429").contains("Too many failed logins");

        assertThat(perform(get("/api/kb/articles").with(httpBasic("terrence", "demo")), from("198.51.100.51"))
                .getStatus()).isEqualTo(200);
    }

    @Test
    void theWebappsLoginFormIsThrottledToo() throws Exception {
        String login = "/camunda/api/admin/auth/user/" + engine.getName() + "/login/tasklist";
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(perform(post(login).param("username", "lars").param("password", "guess-" + attempt),
                    from("203.0.113.52")).getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse throttled = perform(post(login).param("username", "lars").param("password", "demo"),
                from("203.0.113.52"));
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getHeader("Retry-After")).isNotBlank();
    }

    private MockHttpServletRequestBuilder loginForm(String user, String password) {
        return post("/login").param("username", user).param("password", password).with(csrf());
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, RequestPostProcessor client)
            throws Exception {
        return mvc.perform(request.with(client)).andReturn().getResponse();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
