package io.touchpoint.provisioning;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Provisioning settings.
 *
 * @param onSiteBeforePort how long before the port (FOC time) the technician must be on site
 */
@ConfigurationProperties("touchpoint.provisioning")
public record ProvisioningProperties(Duration onSiteBeforePort) {
}
