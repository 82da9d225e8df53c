package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Reassignment in Tasklist (by customer care or a supervisor) moves the ticket: the new assignee is the ticket's agent
 * from now on, and the timeline says so. The first assignment, from the model, is no change.
 */
@Component("ticketReassigned")
public class TicketReassignedListener implements TaskListener {

    private final Tickets tickets;
    private final TicketAssignment assignment;
    private final TimelineTexts texts;

    public TicketReassignedListener(Tickets tickets, TicketAssignment assignment, TimelineTexts texts) {
        this.tickets = tickets;
        this.assignment = assignment;
        this.texts = texts;
    }

    @Override
    public void notify(DelegateTask task) {
        String before = (String) task.getVariable(ASSIGNEE);
        String after = task.getAssignee();
        if (Objects.equals(before, after)) {
            return;
        }
        String number = (String) task.getVariable(NUMBER);
        String name = assignment.nameOf(after);
        task.setVariable(ASSIGNEE, after);
        task.setVariable(ASSIGNEE_NAME, name);
        tickets.assigned(number, (String) task.getVariable(WORKING_GROUP), after);
        tickets.record(number, Ticket.EventType.REASSIGNED, texts.text("reassigned", name), null);
    }
}
