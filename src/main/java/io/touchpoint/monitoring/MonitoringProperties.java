package io.touchpoint.monitoring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The managed-service monitoring (e.g. Peplink InControl) that learns about installed routers
 * ({@code touchpoint.monitoring.*}).
 *
 * @param url        where router registrations are POSTed; empty: none is sent and the order records why
 * @param apiKey     sent as {@code X-API-Key} when set
 * @param timeout    connect and read timeout of one call
 * @param retryCycle how a failed call retries, e.g. R10/PT5M; then an incident in Cockpit ({@link RetryPolicy})
 */
@ConfigurationProperties("touchpoint.monitoring")
@Validated
public record MonitoringProperties(String url, String apiKey, @NotNull Duration timeout,
                                   @NotBlank @Pattern(regexp = "R\\d+/P\\S+", message = "must be a repeating interval such as R10/PT5M")
                                   String retryCycle) {

    public MonitoringProperties {
        url = url == null ? "" : url.trim();
        apiKey = apiKey == null ? "" : apiKey.trim();
    }
}
