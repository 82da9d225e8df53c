package io.touchpoint.journey;

import io.touchpoint.calendar.BusinessCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every task of the journey and its stages, when created, tells in Tasklist whose it is and how urgent: its name
 * gets the company, the quote number and, once there is one, the order number ("Hold the welcome call · Acme Dental
 * · Q-2026-00001 · O-2026-00001"), so that tasks of different customers can be told apart and typing a number into
 * Tasklist's search, which searches task names by default, finds them; and its priority follows its due date. The
 * models keep their plain names. The engine hands every task event to Spring (the Camunda starter's eventing); this
 * acts on a new task that carries a quote number.
 */
@Component("journeyTaskCards")
public class JourneyTaskCards {

    /** Due by the end of today's business day (or already late when it starts). */
    static final int DUE_TODAY = 70;
    /** Due by the end of the next business day. */
    static final int DUE_TOMORROW = 60;
    /** Due later, or without a due date: the engine's default. */
    static final int NORMAL = 50;

    /** The longest name the engine stores. */
    private static final int MAX_NAME = 255;

    private final BusinessCalendar calendar;

    public JourneyTaskCards(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @EventListener
    public void onTaskEvent(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
                || !(task.getVariable(CustomerJourneyProcess.Vars.QUOTE_NUMBER) instanceof String quoteNumber)) {
            return;
        }
        List<String> parts = new ArrayList<>();
        parts.add(task.getName());
        if (task.getVariable(CustomerJourneyProcess.Vars.COMPANY_NAME) instanceof String company && !company.isBlank()) {
            parts.add(company.strip());
        }
        parts.add(quoteNumber);
        if (task.getVariable(CustomerJourneyProcess.Vars.ORDER_NUMBER) instanceof String order && !order.isBlank()) {
            parts.add(order);
        }
        task.setName(name(parts));
        task.setPriority(priority(task.getDueDate() == null ? null : task.getDueDate().toInstant()));
    }

    /** A task's priority from its due date: the sooner, the higher, all below an escalated task's. */
    int priority(Instant due) {
        if (due == null) {
            return NORMAL;
        }
        Instant now = calendar.now();
        if (!due.isAfter(calendar.plusBusinessDays(now, 0))) {
            return DUE_TODAY;
        }
        return due.isAfter(calendar.plusBusinessDays(now, 1)) ? NORMAL : DUE_TOMORROW;
    }

    static String name(List<String> parts) {
        String name = String.join(" · ", parts.stream().filter(part -> part != null && !part.isBlank()).toList());
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…";
    }
}
