package io.touchpoint.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The prod profile refuses to start with demo secrets, and names what to set. */
class ProductionSafetyCheckTest {

    @Test
    void refusesMissingSecretsNamingTheEnvironmentVariables() {
        MockEnvironment environment = new MockEnvironment().withProperty("touchpoint.demo.enabled", "false");

        assertThatThrownBy(() -> new ProductionSafetyCheck(environment).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TOUCHPOINT_ADMIN_PASSWORD").hasMessageContaining("TOUCHPOINT_EVENTS_API_KEY")
                .hasMessageContaining("TOUCHPOINT_SUPPORT_TOKEN_SECRET");
    }

    @Test
    void refusesDemoDefaultsAndDemoData() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("touchpoint.admin-password", "admin")
                .withProperty("touchpoint.events.api-key", "demo-events-key")
                .withProperty("touchpoint.support.token-secret", "demo-ticket-token-secret")
                .withProperty("touchpoint.demo.enabled", "true");

        assertThatThrownBy(() -> new ProductionSafetyCheck(environment).afterPropertiesSet())
                .hasMessageContaining("touchpoint.admin-password is a demo default")
                .hasMessageContaining("touchpoint.events.api-key is a demo default")
                .hasMessageContaining("touchpoint.support.token-secret is a demo default")
                .hasMessageContaining("touchpoint.demo.enabled must be false")
                .hasMessageContaining("touchpoint.base-url must be the address customers reach");
    }

    @Test
    void startsWithRealSecrets() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("touchpoint.admin-password", "a-long-real-secret-1")
                .withProperty("touchpoint.events.api-key", "another-long-real-key")
                .withProperty("touchpoint.support.token-secret", "a-third-long-real-secret")
                .withProperty("touchpoint.base-url", "https://touchpoint.provider.example")
                .withProperty("touchpoint.demo.enabled", "false");

        assertThatCode(() -> new ProductionSafetyCheck(environment).afterPropertiesSet()).doesNotThrowAnyException();
    }
}
