package io.touchpoint.security;

import io.touchpoint.TouchpointProperties;
import io.touchpoint.demo.DemoProperties;
import io.touchpoint.orders.EventsProperties;
import io.touchpoint.support.SupportProperties;
import io.touchpoint.support.email.MailIntakeProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * With the {@code prod} profile, Touchpoint refuses to start while a secret is missing or left at a demo default, or
 * while demo data is on, and says which setting to fix. It reads the settings' records, as every other bean does.
 */
@Component
@Profile("prod")
class ProductionSafetyCheck implements InitializingBean {

    /** A secret setting with the environment variable that sets it and the demo values it must not keep. */
    record Secret(String property, String environmentVariable, String value, List<String> demoValues) {
    }

    private final TouchpointProperties touchpoint;
    private final EventsProperties events;
    private final SupportProperties support;
    private final DemoProperties demo;
    private final MailIntakeProperties mailIntake;

    ProductionSafetyCheck(TouchpointProperties touchpoint, EventsProperties events, SupportProperties support,
                          DemoProperties demo, MailIntakeProperties mailIntake) {
        this.touchpoint = touchpoint;
        this.events = events;
        this.support = support;
        this.demo = demo;
        this.mailIntake = mailIntake;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        List<Secret> secrets = new ArrayList<>(List.of(
                new Secret("touchpoint.admin-password", "TOUCHPOINT_ADMIN_PASSWORD", touchpoint.adminPassword(),
                        List.of("admin", "admin-local-trial")),
                new Secret("touchpoint.events.api-key", "TOUCHPOINT_EVENTS_API_KEY", events.apiKey(),
                        List.of("demo-events-key", "events-key-local-trial")),
                new Secret("touchpoint.support.token-secret", "TOUCHPOINT_SUPPORT_TOKEN_SECRET", support.tokenSecret(),
                        List.of("demo-ticket-token-secret", "ticket-secret-local-trial"))));
        if (mailIntake.enabled()) {
            // the support mailbox's login, when it is read (docker-compose.yml's local mailbox has a trial password)
            secrets.add(new Secret("touchpoint.support.mail-intake.password", "TOUCHPOINT_MAIL_INTAKE_PASSWORD",
                    mailIntake.password(), List.of("mailbox-local-trial")));
            if (!"imaps".equals(mailIntake.protocol())) {
                problems.add("touchpoint.support.mail-intake.protocol must be imaps in production: imap sends the "
                        + "mailbox's password in clear");
            }
        }
        for (Secret secret : secrets) {
            String value = secret.value() == null ? "" : secret.value();
            if (value.isBlank()) {
                problems.add(secret.property() + " is not set (environment variable " + secret.environmentVariable() + ")");
            } else if (secret.demoValues().contains(value) || value.length() < 12) {
                problems.add(secret.property() + " is a demo default or shorter than 12 characters (set "
                        + secret.environmentVariable() + ")");
            }
        }
        String baseUrl = touchpoint.baseUrl() == null ? "" : touchpoint.baseUrl();
        if (baseUrl.isBlank() || baseUrl.contains("://localhost") || baseUrl.contains("://127.0.0.1")) {
            problems.add("touchpoint.base-url must be the address customers reach, not " + baseUrl
                    + " (set TOUCHPOINT_BASE_URL): it is in every link of every email");
        }
        if (demo.enabled()) {
            problems.add("touchpoint.demo.enabled must be false in production");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Touchpoint will not start with the prod profile: " + String.join("; ", problems));
        }
    }
}
