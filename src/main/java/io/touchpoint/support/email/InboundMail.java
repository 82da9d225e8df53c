package io.touchpoint.support.email;

import java.time.Instant;

/**
 * A mail fetched from the support mailbox, as kept in {@code inbound_mail}.
 *
 * @param messageKey   the Message-ID, or a digest of the mail when it has none: the same mail fetched twice is one row
 * @param preview      the beginning of its text, once it was read
 * @param rawMessage   the mail as it came (RFC 822); null when it was larger than the limit and only its headers were read
 * @param ticketNumber the ticket it opened or joined, or the one it names when it was kept
 */
public record InboundMail(long id, String messageKey, String messageId, String sender, String senderName,
                          String subject, String preview, Instant receivedAt, long sizeBytes, byte[] rawMessage, Status status,
                          String reason, String ticketNumber, int attempts, String lastError, Instant handledAt,
                          String handledBy) {

    public enum Status {
        /** Kept, not yet processed (or to be tried again after a failure). */
        RECEIVED,
        /** Opened a new ticket. */
        TICKET_OPENED,
        /** Added to the ticket it names, as the customer's message. */
        ADDED_TO_TICKET,
        /** Kept for customer care without opening a ticket: the reason says why. */
        NOT_OPENED,
        /** Customer care looked at it and decided nothing is to be done. */
        DISMISSED
    }

    /** Whether customer care still has to decide about it. */
    public boolean waitsForCustomerCare() {
        return status == Status.NOT_OPENED;
    }
}
