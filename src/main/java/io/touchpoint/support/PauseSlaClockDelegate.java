package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The agent asked the customer a question: the SLA clock stops with the business time that was left. */
@Component("pauseSlaClock")
public class PauseSlaClockDelegate implements JavaDelegate {

    private final Tickets tickets;
    private final SupportPolicy policy;
    private final TimelineTexts texts;

    public PauseSlaClockDelegate(Tickets tickets, SupportPolicy policy, TimelineTexts texts) {
        this.tickets = tickets;
        this.policy = policy;
        this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(NUMBER);
        long remaining = policy.remainingMinutes((Date) execution.getVariable(RESOLUTION_DUE));
        execution.setVariable(RESOLUTION_REMAINING_MINUTES, (int) remaining);
        execution.setVariable(SILENCE_CLOSE_TEXT, policy.format(policy.silenceCloseAt()));
        tickets.status(number, TicketStatus.WAITING_FOR_CUSTOMER);
        tickets.due(number, TicketVariables.instant(execution, FIRST_RESPONSE_DUE), null);
        tickets.record(number, Ticket.EventType.WAITING, texts.text("waiting", execution.getVariable(QUESTION)),
                (String) execution.getVariable(ASSIGNEE));
    }
}
