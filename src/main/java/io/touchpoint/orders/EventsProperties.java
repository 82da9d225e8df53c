package io.touchpoint.orders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The events API of the providers ({@code touchpoint.events.*}).
 *
 * @param apiKey the {@code X-API-Key} the e-signature, payment, carrier and equipment providers send; empty: the events
 *               API refuses every call
 */
@ConfigurationProperties("touchpoint.events")
@Validated
public record EventsProperties(String apiKey) {

    public EventsProperties {
        apiKey = apiKey == null ? "" : apiKey;
    }
}
