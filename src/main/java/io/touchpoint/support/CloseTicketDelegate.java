package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the ticket, for the input parameter {@code reason} (NO_REPLY, ANSWERED), or, when it is absent or empty (as
 * the element template "Close the ticket" leaves it), CONFIRMED by the customer or NO_CONFIRMATION when the time to
 * confirm ran out.
 */
@Component("closeTicket")
public class CloseTicketDelegate implements JavaDelegate {

    private final Tickets tickets;
    private final TimelineTexts texts;

    public CloseTicketDelegate(Tickets tickets, TimelineTexts texts) {
        this.tickets = tickets;
        this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(NUMBER);
        Object given = execution.getVariableLocal("reason");
        String reason = given != null && !given.toString().isBlank() ? given.toString().trim()
                : Boolean.TRUE.equals(execution.getVariable(CONFIRMED)) ? "CONFIRMED" : "NO_CONFIRMATION";
        execution.setVariable(CLOSED_REASON, reason);
        tickets.closed(number);
        tickets.record(number, Ticket.EventType.CLOSED, texts.closed(reason), null);
    }
}
