package io.touchpoint.notification;

import io.touchpoint.documents.Document;
import io.touchpoint.documents.Documents;
import io.touchpoint.documents.GeneratedDocument;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The generic "send an email" step. An analyst adds one in the Modeler with
 * {@code camunda:delegateExpression="${sendEmail}"} (not asynchronous: the email goes into the outbox in the step's
 * transaction, and is sent after it commits, see {@link EmailService}) and these input parameters: {@code to} (addresses, comma-separated), optional {@code cc}, {@code subject} and
 * {@code template} (the name of a template pair under {@code src/main/resources/mail/}). The template sees
 * every process variable.
 * <p>
 * Optional {@code attachments}: file names under {@code src/main/resources/guides/}, comma-separated, e.g.
 * {@code portal-user-guide.pdf, phone-user-guide.pdf}. Optional {@code documents}: documents generated as PDF from
 * the process variables and attached, comma-separated names of {@link Document} ({@code product-overview},
 * {@code service-proposal}, {@code service-agreement}, {@code letter-of-authorization}); they are generated in the
 * step and stored with the email, so a retry sends the same file.
 * <p>
 * A calendar invite goes with the email when the input parameter {@code inviteStart} is set (a date, or an
 * ISO-8601 date-time with offset such as {@code 2026-12-03T10:00-05:00}); then also, optionally:
 * {@code inviteMinutes} (duration, default 60), {@code inviteTitle} (default: the subject),
 * {@code inviteLocation}, {@code inviteUid} (default {@code <processInstanceId>-<activityId>@touchpoint}) and
 * {@code inviteSequence} (default 0; send the same uid with a higher sequence to update the event).
 */
@Component("sendEmail")
public class SendEmailDelegate implements JavaDelegate {

    private final EmailService emails;
    private final Documents documents;

    public SendEmailDelegate(EmailService emails, Documents documents) {
        this.emails = emails;
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> model = templateModel(execution);
        Email email = new Email(addresses(execution.getVariableLocal("to")), addresses(execution.getVariableLocal("cc")),
                (String) execution.getVariableLocal("subject"), (String) execution.getVariableLocal("template"),
                model, messageId(execution)).from(execution);
        try {
            List<Attachment> files = new ArrayList<>(Attachment.guides(execution.getVariableLocal("attachments")));
            documents.generateAll(execution.getVariableLocal("documents"), model).forEach(document -> files.add(
                    new Attachment(document.fileName(), GeneratedDocument.CONTENT_TYPE, document.content())));
            email = email.withAttachments(files).withInvite(invite(execution));
        } catch (RuntimeException badSetting) { // an unknown guide or document, a document that does not render, ...
            emails.undeliverable(email, "email step " + execution.getCurrentActivityId() + ": " + EmailService.reason(badSetting));
            return;
        }
        emails.send(email);
    }

    /** Unique per email step that ran, and the same however often its email is retried. */
    public static String messageId(DelegateExecution execution) {
        return execution.getActivityInstanceId() + "." + execution.getProcessInstanceId();
    }

    static List<String> addresses(Object value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.toString().split("[,;]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The invite of the input parameters {@code invite*}, or {@code null} without {@code inviteStart}. */
    static CalendarInvite invite(DelegateExecution execution) {
        Instant start = instant("inviteStart", execution.getVariableLocal("inviteStart"));
        if (start == null) {
            return null;
        }
        Integer minutes = integer("inviteMinutes", execution.getVariableLocal("inviteMinutes"));
        Integer sequence = integer("inviteSequence", execution.getVariableLocal("inviteSequence"));
        String uid = text(execution.getVariableLocal("inviteUid"));
        return new CalendarInvite(
                uid != null ? uid : execution.getProcessInstanceId() + "-" + execution.getCurrentActivityId() + "@touchpoint",
                sequence != null ? sequence : 0, start,
                minutes != null ? Duration.ofMinutes(minutes) : CalendarInvite.DEFAULT_DURATION,
                text(execution.getVariableLocal("inviteTitle")), text(execution.getVariableLocal("inviteLocation")));
    }

    static Instant instant(String name, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.toInstant();
        }
        if (value instanceof ZonedDateTime dateTime) {
            return dateTime.toInstant();
        }
        try {
            return ZonedDateTime.parse(value.toString().trim(), DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date or an ISO-8601 date-time with offset, such as "
                    + "2026-12-03T10:00-05:00, not '" + value + "'", e);
        }
    }

    private static Integer integer(String name, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Math.toIntExact(((Number) value).longValue());
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    /** Process variables as plain values: JSON lists (from forms or the API) become Java lists. */
    static Map<String, Object> templateModel(DelegateExecution execution) {
        Map<String, Object> model = new HashMap<>();
        execution.getVariables().forEach((name, value) -> model.put(name, plain(value)));
        model.put("businessKey", execution.getProcessBusinessKey());
        return model;
    }

    private static Object plain(Object value) {
        if (value instanceof SpinJsonNode json && json.isArray()) {
            return json.elements().stream().map(node -> node.isString() ? node.stringValue() : node.toString()).toList();
        }
        return value;
    }
}
