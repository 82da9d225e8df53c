package io.touchpoint.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Failed logins per client: a token bucket per remote address holds {@code login-failures-per-minute} tokens and
 * refills them over a minute; each failed login takes one. A client whose bucket is empty is refused until a token
 * is back, without its password being checked, so that nobody can guess passwords quickly, and nobody's failed
 * guesses touch a colleague's account (the engine's own lockout is off, see application.yaml).
 * <p>
 * The buckets live in a bounded in-memory map: a client unseen for a minute has a full bucket again and is forgotten.
 * Behind a proxy, the remote address is the client's only when {@code server.forward-headers-strategy} is set.
 */
@Component
public class LoginThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int failuresPerWindow;
    private final Cache<String, Bucket> buckets;

    LoginThrottle(SecurityProperties settings) {
        this.failuresPerWindow = settings.loginFailuresPerMinute();
        this.buckets = Caffeine.newBuilder().maximumSize(settings.loginClientsTracked()).expireAfterAccess(WINDOW).build();
    }

    /** Empty while the client may try to log in; otherwise how long it must wait. */
    public Optional<Duration> refusal(String client) {
        Bucket bucket = buckets.getIfPresent(client);
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Counts a failed login of the client. */
    public void failed(String client) {
        buckets.get(client, unused -> Bucket.builder().addLimit(Bandwidth.builder().capacity(failuresPerWindow)
                .refillGreedy(failuresPerWindow, WINDOW).build()).build()).tryConsume(1);
    }
}
