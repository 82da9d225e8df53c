package io.touchpoint.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.TouchpointProperties;
import io.touchpoint.demo.DemoProperties;
import io.touchpoint.orders.EventsProperties;
import io.touchpoint.support.SupportProperties;
import io.touchpoint.support.email.MailIntakeProperties;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prod profile refuses to start with demo secrets, and names what to set. */
class ProductionSafetyCheckTest {

    @Test
    void refusesMissingSecretsNamingTheEnvironmentVariables() {
        assertThatThrownBy(() -> check("", "https://touchpoint.provider.example", "", "", false).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TOUCHPOINT_ADMIN_PASSWORD").hasMessageContaining("TOUCHPOINT_EVENTS_API_KEY")
                .hasMessageContaining("TOUCHPOINT_SUPPORT_TOKEN_SECRET");
    }

    @Test
    void refusesDemoDefaultsAndDemoData() {
        assertThatThrownBy(() -> check("admin", "http://localhost:8080", "demo-events-key", "demo-ticket-token-secret",
                true).afterPropertiesSet())
                .hasMessageContaining("touchpoint.admin-password is a demo default")
                .hasMessageContaining("touchpoint.events.api-key is a demo default")
                .hasMessageContaining("touchpoint.support.token-secret is a demo default")
                .hasMessageContaining("touchpoint.demo.enabled must be false")
                .hasMessageContaining("touchpoint.base-url must be the address customers reach");
    }

    @Test
    void startsWithRealSecrets() {
        assertThatCode(() -> check("a-long-real-secret-1", "https://touchpoint.provider.example", "another-long-real-key",
                "a-third-long-real-secret", false).afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    void refusesTheLocalMailboxPasswordAndPlainImapWhenTheSupportMailboxIsRead() {
        assertThatThrownBy(() -> check("a-long-real-secret-1", "https://touchpoint.provider.example",
                "another-long-real-key", "a-third-long-real-secret", false,
                mailIntake(true, "imap", "mailbox-local-trial")).afterPropertiesSet())
                .hasMessageContaining("touchpoint.support.mail-intake.password is a demo default")
                .hasMessageContaining("TOUCHPOINT_MAIL_INTAKE_PASSWORD")
                .hasMessageContaining("touchpoint.support.mail-intake.protocol must be imaps");
        assertThatCode(() -> check("a-long-real-secret-1", "https://touchpoint.provider.example",
                "another-long-real-key", "a-third-long-real-secret", false,
                mailIntake(true, "imaps", "a-real-mailbox-password")).afterPropertiesSet()).doesNotThrowAnyException();
    }

    static ProductionSafetyCheck check(String adminPassword, String baseUrl, String apiKey, String tokenSecret,
                                       boolean demo) {
        return check(adminPassword, baseUrl, apiKey, tokenSecret, demo, mailIntake(false, "imaps", null));
    }

    static ProductionSafetyCheck check(String adminPassword, String baseUrl, String apiKey, String tokenSecret,
                                       boolean demo, MailIntakeProperties mailIntake) {
        return new ProductionSafetyCheck(new TouchpointProperties(baseUrl, Path.of("data"), adminPassword),
                new EventsProperties(apiKey), new SupportProperties(tokenSecret, 75, 2, 5, 3, List.of()),
                new DemoProperties(demo, "demo"), mailIntake);
    }

    static MailIntakeProperties mailIntake(boolean enabled, String protocol, String password) {
        return new MailIntakeProperties(enabled, protocol, enabled ? "imap.provider.example" : null, 0,
                enabled ? "support@provider.example" : null, password, null, null, null, 0, null, null, null);
    }
}
