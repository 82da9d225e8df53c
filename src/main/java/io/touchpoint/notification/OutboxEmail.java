package io.touchpoint.notification;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One row of the email outbox: an email rendered when its step ran, waiting for the dispatcher to send it.
 *
 * @param messageId      its Message-ID (without angle brackets), the same on every attempt
 * @param to             recipients, comma-separated as the step gave them
 * @param html           the rendered bodies; {@code null} when the email could not be prepared
 * @param attachments    names of the attached files, comma-separated, or {@code null} (the files are stored with it)
 * @param calendarInvite the iCalendar text of its invite, or {@code null}
 * @param incidentId     the incident raised when it failed, until it is sent
 */
public record OutboxEmail(long id, String messageId, String processInstanceId, String businessKey, String customer,
                          String template, String to, String cc, String subject, String html, String text,
                          String attachments, String calendarInvite, Status status, int attempts, Instant nextAttemptAt,
                          String lastError, String incidentId, Instant createdAt, Instant sentAt) {

    public enum Status { PENDING, SENT, FAILED }

    /** Whether it was rendered: one that could not be prepared (a bad template or setting) has nothing to send. */
    public boolean prepared() {
        return text != null;
    }

    public List<String> toList() {
        return split(to);
    }

    public List<String> ccList() {
        return split(cc);
    }

    public List<String> attachmentNames() {
        return split(attachments);
    }

    /** What a person recognises it by: the template, the recipients and the customer or business key. */
    public String describe() {
        String whose = customer != null && businessKey != null ? customer + ", " + businessKey
                : customer != null ? customer : businessKey;
        return "email '" + template + "' to " + (to == null || to.isBlank() ? "nobody" : to)
                + (whose == null ? "" : " (" + whose + ")");
    }

    static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private static List<String> split(String values) {
        return values == null ? List.of()
                : Arrays.stream(values.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
