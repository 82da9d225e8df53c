package io.touchpoint.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) per client and endpoint, and per recipient address, held in a bounded in-memory cache
 * (Caffeine): a bucket not used for a whole period is full again anyway and is forgotten. Counts are per node; a
 * cluster of n nodes admits up to n times the limit.
 */
@Component
public class RateLimits {

    private final LimitsProperties limits;
    private final Cache<String, Bucket> clients;
    private final Cache<String, Bucket> recipients;

    public RateLimits(LimitsProperties limits) {
        this.limits = limits;
        this.clients = Caffeine.newBuilder().maximumSize(limits.trackedClients())
                .expireAfterAccess(limits.perClientPeriod()).build();
        this.recipients = Caffeine.newBuilder().maximumSize(limits.trackedClients())
                .expireAfterAccess(limits.perRecipientPeriod()).build();
    }

    /** Takes one request of the client for the endpoint, or throws 429 when its bucket is empty. */
    public void takeForClient(String endpoint, String client) {
        take(clients, endpoint + " " + client, limits.perClient(), limits.perClientPeriod(),
                "Too many requests from your address to this endpoint: at most " + limits.perClient() + " per "
                        + describe(limits.perClientPeriod()) + ".");
    }

    /** Takes one ticket or quote request (one acknowledgement email) for the address, or throws 429. */
    public void takeForRecipient(String email) {
        take(recipients, email.trim().toLowerCase(Locale.ROOT), limits.perRecipient(), limits.perRecipientPeriod(),
                "Too many requests for this email address: at most " + limits.perRecipient() + " per "
                        + describe(limits.perRecipientPeriod()) + ". Please try again later.");
    }

    private static void take(Cache<String, Bucket> buckets, String key, int capacity, Duration period, String detail) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(detail, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static String describe(Duration period) {
        if (period.toHours() > 0 && period.equals(Duration.ofHours(period.toHours()))) {
            return period.toHours() == 1 ? "hour" : period.toHours() + " hours";
        }
        if (period.toMinutes() > 0 && period.equals(Duration.ofMinutes(period.toMinutes()))) {
            return period.toMinutes() == 1 ? "minute" : period.toMinutes() + " minutes";
        }
        return period.toSeconds() + " seconds";
    }
}
