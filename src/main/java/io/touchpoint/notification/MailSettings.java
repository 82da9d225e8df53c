package io.touchpoint.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Email settings.
 *
 * @param from       sender of every email
 * @param salesTeam  address used for "the agent" when no sales rep owns the quote yet
 * @param retryCycle how the outbox retries an email when SMTP fails, e.g. R5/PT1M (5 retries, a minute apart); then
 *                   the email is FAILED with an incident (see {@link MailDispatcher})
 * @param capture    the captured mailbox used when no spring.mail.host is set
 */
@ConfigurationProperties("touchpoint.mail")
public record MailSettings(String from, String salesTeam, String retryCycle, Capture capture) {

    /** @param port SMTP port of the captured mailbox */
    public record Capture(int port) {
    }
}
