package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import io.touchpoint.calendar.BusinessCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The customer reopened the resolved ticket: back to the same agent, counted, one escalation level up, with a fresh
 * resolution target.
 */
@Component("reopenTicket")
public class ReopenTicketDelegate implements JavaDelegate {

    private final Tickets tickets;
    private final SupportPolicy policy;
    private final BusinessCalendar calendar;
    private final TimelineTexts texts;

    public ReopenTicketDelegate(Tickets tickets, SupportPolicy policy, BusinessCalendar calendar, TimelineTexts texts) {
        this.tickets = tickets;
        this.policy = policy;
        this.calendar = calendar;
        this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(NUMBER);
        int reopened = TicketVariables.number(execution, REOPEN_COUNT) + 1;
        int level = Math.min(2, TicketVariables.number(execution, ESCALATION_LEVEL) + 1);
        SupportPolicy.Target target = policy.target(calendar.now(), TicketVariables.number(execution, RESOLUTION_MINUTES));
        execution.setVariable(REOPEN_COUNT, reopened);
        execution.setVariable(ESCALATION_LEVEL, level);
        execution.setVariable(RESOLUTION_WARNED, false);
        TicketVariables.clearWorkForm(execution);
        TicketVariables.setResolution(execution, policy, target);
        tickets.reopened(number, reopened);
        tickets.escalated(number, level);
        tickets.due(number, TicketVariables.instant(execution, FIRST_RESPONSE_DUE), target.due());
        String comment = (String) execution.getVariable(CONFIRMATION_COMMENT);
        tickets.record(number, Ticket.EventType.REOPENED, comment == null || comment.isBlank()
                ? texts.text("reopened", reopened) : texts.text("reopened.comment", reopened, comment.trim()), null);
        tickets.record(number, Ticket.EventType.ESCALATED, texts.text("escalated.reopened", level), null);
    }
}
