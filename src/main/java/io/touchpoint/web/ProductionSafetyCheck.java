package io.touchpoint.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With the {@code prod} profile, Touchpoint refuses to start while a secret is missing or left at a demo
 * default, or while demo data is on, and says which setting to fix.
 */
@Component
@Profile("prod")
class ProductionSafetyCheck implements InitializingBean {

    /** Each secret with the environment variable that sets it and the demo values it must not keep. */
    private static final Map<String, List<String>> SECRETS = Map.of(
            "touchpoint.admin-password", List.of("TOUCHPOINT_ADMIN_PASSWORD", "admin", "admin-local-trial"),
            "touchpoint.events.api-key", List.of("TOUCHPOINT_EVENTS_API_KEY", "demo-events-key", "events-key-local-trial"),
            "touchpoint.support.token-secret", List.of("TOUCHPOINT_SUPPORT_TOKEN_SECRET", "demo-ticket-token-secret",
                    "ticket-secret-local-trial"));

    private final Environment environment;

    ProductionSafetyCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        SECRETS.forEach((property, names) -> {
            String value = environment.getProperty(property, "");
            if (value.isBlank()) {
                problems.add(property + " is not set (environment variable " + names.get(0) + ")");
            } else if (names.subList(1, names.size()).contains(value) || value.length() < 12) {
                problems.add(property + " is a demo default or shorter than 12 characters (set " + names.get(0) + ")");
            }
        });
        String baseUrl = environment.getProperty("touchpoint.base-url", "");
        if (baseUrl.isBlank() || baseUrl.contains("://localhost") || baseUrl.contains("://127.0.0.1")) {
            problems.add("touchpoint.base-url must be the address customers reach, not " + baseUrl
                    + " (set TOUCHPOINT_BASE_URL): it is in every link of every email");
        }
        if (environment.getProperty("touchpoint.demo.enabled", Boolean.class, false)) {
            problems.add("touchpoint.demo.enabled must be false in production");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Touchpoint will not start with the prod profile: " + String.join("; ", problems));
        }
    }
}
