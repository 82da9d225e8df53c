package io.touchpoint.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The login throttle ({@code touchpoint.security.*}).
 *
 * @param loginFailuresPerMinute failed logins one client (remote address) may have per minute; further attempts answer
 *                               429 with {@code Retry-After} without checking the password (10)
 * @param loginClientsTracked    how many clients the throttle remembers at most; the least recently seen go first
 *                               (100000, a few MB)
 */
@ConfigurationProperties("touchpoint.security")
@Validated
public record SecurityProperties(@DefaultValue("10") int loginFailuresPerMinute,
                               @DefaultValue("100000") int loginClientsTracked) {

    public SecurityProperties {
        if (loginFailuresPerMinute < 1) {
            throw new IllegalArgumentException("touchpoint.security.login-failures-per-minute must be at least 1");
        }
        if (loginClientsTracked < 1) {
            throw new IllegalArgumentException("touchpoint.security.login-clients-tracked must be at least 1");
        }
    }
}
