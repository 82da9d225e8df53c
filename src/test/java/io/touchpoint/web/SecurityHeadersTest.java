package io.touchpoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.testing.TouchpointSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;

/** Touchpoint's own pages send security headers; the Camunda webapps keep theirs. */
@TouchpointSpringTest
class SecurityHeadersTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void ownPagesSendSecurityHeadersAndTokenPagesNoReferrer() {
        HttpHeaders quote = http.getForEntity("/quote", String.class).getHeaders();
        assertThat(quote.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(quote.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(quote.getFirst("Content-Security-Policy")).contains("default-src 'self'").contains("script-src 'self';").contains("frame-ancestors 'self'");
        assertThat(quote.getFirst("Referrer-Policy")).isEqualTo("same-origin");

        assertThat(http.getForEntity("/track?ticket=T-2026-00001&token=x", String.class).getHeaders()
                .getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(http.getForEntity("/survey/unknown?token=x", String.class).getHeaders()
                .getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void theWebappsKeepTheirOwnPolicy() {
        String webappPolicy = http.getForEntity("/camunda/app/tasklist/default/", String.class).getHeaders()
                .getFirst("Content-Security-Policy");
        assertThat(webappPolicy).isNotEqualTo(SecurityHeadersFilter.CONTENT_SECURITY_POLICY).contains("nonce-");
    }
}
