package io.touchpoint.notification;

import java.util.List;
import java.util.Map;

/**
 * One email to send: rendered from {@code mail/<template>.html} and {@code mail/<template>.txt}.
 *
 * @param messageId   a stable id, so a retried send is recognisable as the same message
 * @param attachments files sent with it, such as the guides (see {@link Attachment#guide(String)}); none by default
 * @param invite      a calendar invite sent with it as {@code invite.ics}, or {@code null}
 */
public record Email(List<String> to, List<String> cc, String subject, String template, Map<String, Object> model,
                    String messageId, List<Attachment> attachments, CalendarInvite invite) {

    public Email {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** An email without attachments or invite. */
    public Email(List<String> to, List<String> cc, String subject, String template, Map<String, Object> model,
                 String messageId) {
        this(to, cc, subject, template, model, messageId, List.of(), null);
    }

    public Email withAttachments(List<Attachment> attachments) {
        return new Email(to, cc, subject, template, model, messageId, attachments, invite);
    }

    public Email withInvite(CalendarInvite invite) {
        return new Email(to, cc, subject, template, model, messageId, attachments, invite);
    }
}
