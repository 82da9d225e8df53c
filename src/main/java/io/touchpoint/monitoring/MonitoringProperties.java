package io.touchpoint.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The managed-service monitoring (e.g. Peplink InControl) that learns about installed routers.
 *
 * @param url        where router registrations are POSTed; empty: none is sent and the order records why
 * @param apiKey     sent as {@code X-API-Key} when set
 * @param timeout    connect and read timeout of one call
 * @param retryCycle how a failed call retries, e.g. R10/PT5M; then an incident in Cockpit
 */
@ConfigurationProperties("touchpoint.monitoring")
public record MonitoringProperties(String url, String apiKey, Duration timeout, String retryCycle) {
}
