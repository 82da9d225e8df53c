package io.touchpoint.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Email settings ({@code touchpoint.mail.*}).
 *
 * @param from         sender of every email
 * @param salesTeam    address used for "the agent" when no sales rep owns the quote yet
 * @param retryCycle   how the outbox retries an email when SMTP fails, e.g. R5/PT1M (5 retries, a minute apart); then
 *                     the email is FAILED with an incident (see {@link MailDispatcher}). The one mail retry cycle.
 * @param pollInterval how often the outbox is read for retries and for emails other nodes queued
 * @param claimTime    how long a node holds an email it is sending; after that another node may send it (a node
 *                     killed while sending: its emails go out from another node after this, perhaps twice)
 * @param capture      the captured mailbox used when no spring.mail.host is set
 * @param sentRetention how long a sent email keeps its bodies, invite and attached files; after that only a record of
 *                      it stays (recipients, subject, Message-ID, sent time), see {@link SentEmailRetention}
 * @param sentRetentionBatch    at most this many sent emails are emptied in one run
 * @param sentRetentionInterval how often the emptying runs
 */
@ConfigurationProperties("touchpoint.mail")
@Validated
public record MailProperties(@NotBlank String from, @NotBlank String salesTeam, @NotNull RetryCycle retryCycle,
                             @NotNull Duration pollInterval, @NotNull Duration claimTime, @Valid @NotNull Capture capture,
                             @NotNull Duration sentRetention, @Min(1) int sentRetentionBatch,
                             @NotNull Duration sentRetentionInterval) {

    /** @param port SMTP port of the captured mailbox (0: any free port) */
    public record Capture(@Min(0) int port) {
    }
}
