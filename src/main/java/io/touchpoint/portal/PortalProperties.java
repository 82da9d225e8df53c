package io.touchpoint.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The customer portal ({@code touchpoint.portal.*}).
 *
 * @param confirmationValidFor how long the link of the registration email confirms the address (24 hours)
 * @param resetValidFor        how long the link of a password-reset email sets a new password (1 hour)
 * @param emailsPerAddress     registration and reset emails one address receives at most per hour (5); more
 *                             requests get the same answer on the page and no email
 */
@ConfigurationProperties("touchpoint.portal")
@Validated
public record PortalProperties(@DefaultValue("PT24H") Duration confirmationValidFor,
                               @DefaultValue("PT1H") Duration resetValidFor) {

    public PortalProperties {
        if (confirmationValidFor.compareTo(Duration.ofMinutes(5)) < 0 || resetValidFor.compareTo(Duration.ofMinutes(5)) < 0) {
            throw new IllegalArgumentException("touchpoint.portal: confirmation-valid-for and reset-valid-for must be at "
                    + "least PT5M");
        }
    }
}
