package io.touchpoint.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of Touchpoint's public endpoints ({@code touchpoint.limits.*}); the size of form posts is Tomcat's
 * {@code server.tomcat.max-http-form-post-size}.
 *
 * @param jsonBody            the largest request body (JSON) Touchpoint's own endpoints read
 * @param perClient           public POSTs one client (remote address) may send to one endpoint per period
 * @param perClientPeriod     that period
 * @param perRecipient        tickets and quote requests (acknowledgement emails) for one email address per period
 * @param perRecipientPeriod  that period
 * @param trackedClients      how many clients and addresses are counted at once (least recently seen are forgotten)
 * @param idempotencyKeyTtl   how long an {@code Idempotency-Key} and its answer are kept
 */
@ConfigurationProperties("touchpoint.limits")
@Validated
public record LimitsProperties(@DefaultValue("64KB") DataSize jsonBody,
                               @DefaultValue("20") int perClient,
                               @DefaultValue("PT1M") Duration perClientPeriod,
                               @DefaultValue("5") int perRecipient,
                               @DefaultValue("PT1H") Duration perRecipientPeriod,
                               @DefaultValue("100000") int trackedClients,
                               @DefaultValue("PT24H") Duration idempotencyKeyTtl) {

    public LimitsProperties {
        if (jsonBody.toBytes() < 1024 || perClient < 1 || perRecipient < 1 || trackedClients < 100
                || perClientPeriod.isNegative() || perClientPeriod.isZero() || perRecipientPeriod.isNegative()
                || perRecipientPeriod.isZero() || idempotencyKeyTtl.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("touchpoint.limits: json-body at least 1KB, per-client, per-recipient at "
                    + "least 1, periods positive, tracked-clients at least 100, idempotency-key-ttl at least PT1M");
        }
    }
}
