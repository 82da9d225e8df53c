package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import io.touchpoint.escalation.TaskPriorities;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every task of a trouble ticket or service request, when created, tells in Tasklist which ticket it is and how
 * urgent: its name gets the ticket number, the priority and the subject ("Acknowledge the ticket · T-2026-00012 · P1
 * · Internet down"), so that typing the ticket number into Tasklist's search (task names by default) finds it; and its
 * priority follows the ticket's (P1 highest), raised once for each escalation the ticket has had
 * ({@link TaskPriorities}). The models keep their plain names. The engine hands every task event to Spring (the
 * Camunda starter's eventing); this acts on a new task that carries a ticket number.
 */
@Component("ticketTaskCards")
public class TicketTaskCards {

    /** A task's priority by the ticket's priority, before any escalation. */
    static final Map<String, Integer> BY_TICKET_PRIORITY = Map.of("P1", 70, "P2", 60, "P3", 50, "P4", 40);

    private static final int MAX_NAME = 255;

    @EventListener
    public void onTaskEvent(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
                || !(task.getVariable(NUMBER) instanceof String number)) {
            return;
        }
        String ticketPriority = task.getVariable(PRIORITY) instanceof String value ? value : null;
        String subject = task.getVariable(SUBJECT) instanceof String value ? value.strip() : "";
        StringBuilder name = new StringBuilder(task.getName()).append(" · ").append(number);
        if (ticketPriority != null) {
            name.append(" · ").append(ticketPriority);
        }
        if (!subject.isEmpty()) {
            name.append(" · ").append(subject);
        }
        task.setName(name.length() <= MAX_NAME ? name.toString() : name.substring(0, MAX_NAME - 1) + "…");
        int level = task.getVariable(ESCALATION_LEVEL) instanceof Number escalations ? escalations.intValue() : 0;
        task.setPriority(priority(ticketPriority, level));
    }

    /** The priority of a ticket's task: by the ticket's priority, raised for each escalation level. */
    public static int priority(String ticketPriority, int escalationLevel) {
        int base = ticketPriority == null ? BY_TICKET_PRIORITY.get("P3")
                : BY_TICKET_PRIORITY.getOrDefault(ticketPriority, BY_TICKET_PRIORITY.get("P3"));
        return TaskPriorities.escalated(base, Math.max(0, escalationLevel));
    }
}
