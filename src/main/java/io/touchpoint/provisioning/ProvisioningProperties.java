package io.touchpoint.provisioning;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Provisioning settings.
 *
 * @param onSiteBeforePort how long before the port (FOC time) the technician must be on site
 */
@ConfigurationProperties("touchpoint.provisioning")
@Validated
public record ProvisioningProperties(@NotNull Duration onSiteBeforePort) {
}
