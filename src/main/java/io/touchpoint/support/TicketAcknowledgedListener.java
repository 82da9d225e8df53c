package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import io.touchpoint.calendar.BusinessCalendar;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** SUP-05: the assignee acknowledged the ticket; whether in time is kept for the SLA report (KPI-05). */
@Component("ticketAcknowledged")
public class TicketAcknowledgedListener implements TaskListener {

    private final Tickets tickets;
    private final BusinessCalendar calendar;
    private final TimelineTexts texts;

    public TicketAcknowledgedListener(Tickets tickets, BusinessCalendar calendar, TimelineTexts texts) {
        this.tickets = tickets;
        this.calendar = calendar;
        this.texts = texts;
    }

    @Override
    public void notify(DelegateTask task) {
        String number = (String) task.getVariable(NUMBER);
        Date due = (Date) task.getVariable(FIRST_RESPONSE_DUE);
        task.setVariable(ACKNOWLEDGED, true);
        boolean met = !calendar.now().isAfter(due.toInstant());
        task.setVariable(FIRST_RESPONSE_MET, met);
        tickets.firstResponseMet(number, met);
        tickets.status(number, TicketStatus.IN_PROGRESS);
        // the agent's note stays in the process (Cockpit, history): the timeline is what the customer reads
        tickets.record(number, Ticket.EventType.ACKNOWLEDGED, texts.text("acknowledged", task.getVariable(ASSIGNEE_NAME)),
                task.getAssignee());
    }
}
