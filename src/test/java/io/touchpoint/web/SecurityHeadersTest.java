package io.touchpoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.net.http.HttpHeaders;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Touchpoint's own pages and APIs send security headers (from Spring Security); the Camunda webapps and the engine's
 * REST API keep their own.
 */
@TouchpointSpringTest
class SecurityHeadersTest {

    static final String TOUCHPOINT_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; frame-ancestors 'self'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Test
    void ownPagesSendSecurityHeadersAndTokenPagesNoReferrer() {
        WebSession browser = new WebSession(port);
        for (String page : new String[] {"/quote", "/login", "/api/tickets/T-2026-99999", "/kb"}) {
            HttpHeaders headers = browser.get(page).headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).as(page).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(page).hasValue("SAMEORIGIN");
            assertThat(headers.firstValue("Content-Security-Policy")).as(page).hasValue(TOUCHPOINT_POLICY);
            assertThat(headers.firstValue("Referrer-Policy")).as(page).hasValue("same-origin");
        }
        for (String page : new String[] {"/track?ticket=T-2026-00001&token=x", "/survey/unknown?token=x"}) {
            HttpHeaders headers = browser.get(page).headers();
            assertThat(headers.firstValue("Referrer-Policy")).as(page).hasValue("no-referrer");
            assertThat(headers.firstValue("Content-Security-Policy")).as(page).hasValue(TOUCHPOINT_POLICY);
        }
    }

    @Test
    void theWebappsAndTheEngineApiKeepTheirOwn() {
        WebSession browser = new WebSession(port);
        browser.logIn("kim", "demo");
        HttpHeaders tasklist = browser.get("/camunda/app/tasklist/" + engine.getName() + "/").headers();
        assertThat(tasklist.firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .isNotEqualTo(TOUCHPOINT_POLICY).contains("nonce-"));
        assertThat(tasklist.allValues("Content-Security-Policy")).hasSize(1);
        assertThat(tasklist.firstValue("Referrer-Policy")).isEmpty();

        HttpHeaders engineRest = browser.get("/engine-rest/task/count", WebSession.basic("kim", "demo")).headers();
        assertThat(engineRest.firstValue("Content-Security-Policy")).isEmpty();
        assertThat(engineRest.firstValue("X-Frame-Options")).isEmpty();
        assertThat(engineRest.firstValue("Referrer-Policy")).isEmpty();
    }
}
