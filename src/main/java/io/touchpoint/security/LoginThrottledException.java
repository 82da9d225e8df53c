package io.touchpoint.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused unchecked because its client failed too often: answered with 429 and {@code Retry-After}. */
public class LoginThrottledException extends AuthenticationException {

    private final transient Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins from this client");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least one: the value of {@code Retry-After}. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
