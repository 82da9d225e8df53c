package io.touchpoint.support.email;

import io.touchpoint.support.NewTicket;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The support mailbox ({@code touchpoint.support.mail-intake.*}, SUP-14): off unless {@code enabled}; then
 * {@code host}, {@code username} and {@code password} are required (there are no defaults for them).
 *
 * @param enabled      poll the mailbox (false: nothing is fetched, the staff page shows what was kept before)
 * @param protocol     {@code imaps} (TLS, the default) or {@code imap}
 * @param host         the IMAP server
 * @param port         its port; 0: the protocol's own (993 for imaps, 143 for imap)
 * @param username     the mailbox's login
 * @param password     its password
 * @param folder       the folder read (INBOX)
 * @param pollInterval how often the mailbox is read (PT1M)
 * @param maxSize      a larger mail is not fetched whole: its headers are kept for customer care (10MB)
 * @param maxAttempts  how often a fetched mail is tried before it is kept for customer care (5)
 * @param timeout      connection and read timeout of the IMAP server (PT30S)
 * @param category     the category of a ticket an email opens (customer care or the agent changes it)
 * @param priority     its priority
 */
@ConfigurationProperties("touchpoint.support.mail-intake")
@Validated
public record MailIntakeProperties(boolean enabled, String protocol, String host, int port, String username,
                                   String password, String folder, Duration pollInterval, DataSize maxSize,
                                   int maxAttempts, Duration timeout, NewTicket.Category category,
                                   NewTicket.Priority priority) {

    public MailIntakeProperties {
        protocol = protocol == null || protocol.isBlank() ? "imaps" : protocol.trim().toLowerCase(java.util.Locale.ROOT);
        if (!protocol.equals("imap") && !protocol.equals("imaps")) {
            throw new IllegalArgumentException("touchpoint.support.mail-intake.protocol must be imap or imaps");
        }
        folder = folder == null || folder.isBlank() ? "INBOX" : folder.trim();
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
        maxAttempts = maxAttempts < 1 ? 5 : maxAttempts;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        category = category == null ? NewTicket.Category.DEGRADED_SERVICE : category;
        priority = priority == null ? NewTicket.Priority.P3 : priority;
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("touchpoint.support.mail-intake.poll-interval must be positive");
        }
        if (enabled && (blank(host) || blank(username) || blank(password))) {
            throw new IllegalArgumentException("touchpoint.support.mail-intake.enabled is true: set its host, username "
                    + "and password (there are no defaults)");
        }
        if (category.kind() != io.touchpoint.support.Ticket.Kind.TROUBLE) {
            throw new IllegalArgumentException("touchpoint.support.mail-intake.category must be a trouble ticket's "
                    + "category (OUTAGE, DEGRADED_SERVICE, EQUIPMENT or ACCESS)");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
