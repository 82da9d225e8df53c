package io.touchpoint.provisioning;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Provisioning settings.
 *
 * @param onSiteBeforePort                 how long before the port (FOC time) the technician must be on site
 * @param technicianReminderBefore         how long before that arrival the technician is reminded of the install
 * @param installDateAnswerBusinessDays    how many business days the customer has to accept the install date or
 *                                         propose another; without an answer the date stands
 */
@ConfigurationProperties("touchpoint.provisioning")
@Validated
public record ProvisioningProperties(@NotNull Duration onSiteBeforePort, @NotNull Duration technicianReminderBefore,
                                     int installDateAnswerBusinessDays) {

    public ProvisioningProperties {
        if (installDateAnswerBusinessDays < 1) {
            throw new IllegalArgumentException("touchpoint.provisioning.install-date-answer-business-days must be at "
                    + "least 1");
        }
    }
}
