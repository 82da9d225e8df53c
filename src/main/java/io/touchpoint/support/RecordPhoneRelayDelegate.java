package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * SUP-08: the agent relayed the resolution on the phone. The call is in the timeline (its notes stay in the process,
 * for staff), and the customer's first answer ({@code phoneAnswer}: CONFIRMED, NOT_FIXED or NO_ANSWER_YET, the
 * default) becomes the confirmation the model goes by: {@code customerConfirmed}, and for "not fixed" the reason the
 * ticket reopens.
 */
@Component("recordPhoneRelay")
public class RecordPhoneRelayDelegate implements JavaDelegate {

    private final Tickets tickets;
    private final TimelineTexts texts;

    public RecordPhoneRelayDelegate(Tickets tickets, TimelineTexts texts) {
        this.tickets = tickets;
        this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = TicketVariables.string(execution, NUMBER);
        String agent = TicketVariables.string(execution, ASSIGNEE);
        String answer = TicketVariables.text(execution, PHONE_ANSWER, "NO_ANSWER_YET");
        execution.setVariable(PHONE_ANSWER, answer);
        String comment = "NOT_FIXED".equals(answer) ? texts.text("not-fixed.phone") : "";
        execution.setVariable(CONFIRMED, "CONFIRMED".equals(answer));
        execution.setVariable(CONFIRMATION_COMMENT, comment);
        tickets.confirmation(number, "CONFIRMED".equals(answer), comment);
        tickets.record(number, Ticket.EventType.CALLED, texts.text("called", execution.getVariable(ASSIGNEE_NAME)), agent);
        if ("CONFIRMED".equals(answer)) {
            tickets.record(number, Ticket.EventType.CONFIRMED, texts.text("confirmed.phone"), agent);
        }
    }
}
