package io.touchpoint.notification;

import io.touchpoint.journey.CustomerJourneyProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * One email to send: rendered from {@code mail/<template>.html} and {@code mail/<template>.txt}.
 *
 * @param messageId   a stable id, unique per email: the Message-ID it is sent with, however often it is retried
 * @param attachments files sent with it: guides of {@code src/main/resources/guides/} (see
 *                    {@link Attachment#guide(String)}) and generated documents; stored with the email in the outbox;
 *                    none by default
 * @param invite      a calendar invite sent with it as {@code invite.ics}, or {@code null}
 * @param origin      the process instance that sends it, or {@code null}: a failed delivery becomes an incident there
 */
public record Email(List<String> to, List<String> cc, String subject, String template, Map<String, Object> model,
                    String messageId, List<Attachment> attachments, CalendarInvite invite, Origin origin) {

    public Email {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** An email without attachments, invite or origin. */
    public Email(List<String> to, List<String> cc, String subject, String template, Map<String, Object> model,
                 String messageId) {
        this(to, cc, subject, template, model, messageId, List.of(), null, null);
    }

    public Email withAttachments(List<Attachment> attachments) {
        return new Email(to, cc, subject, template, model, messageId, attachments, invite, origin);
    }

    public Email withInvite(CalendarInvite invite) {
        return new Email(to, cc, subject, template, model, messageId, attachments, invite, origin);
    }

    /** The same email, sent by the process instance of {@code execution}. */
    public Email from(DelegateExecution execution) {
        return new Email(to, cc, subject, template, model, messageId, attachments, invite, Origin.of(execution));
    }

    /**
     * Who sends an email and for whom, as an incident about it names them.
     *
     * @param processInstanceId the process instance of the step that sent it
     * @param businessKey       its business key (quote, order or ticket number)
     * @param customer          the customer's company, or the requester's name on a ticket
     */
    public record Origin(String processInstanceId, String businessKey, String customer) {

        static Origin of(DelegateExecution execution) {
            Object company = execution.getVariable(CustomerJourneyProcess.Vars.COMPANY_NAME);
            Object customer = company != null ? company : execution.getVariable(CustomerJourneyProcess.Vars.CONTACT_NAME);
            return new Origin(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                    customer == null ? null : customer.toString());
        }
    }
}
