package io.touchpoint.support;

import io.touchpoint.escalation.TaskPriorities;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Escalating a ticket (SUP-06): at level 1 the support supervisor follows it, at level 2 it moves to second-level
 * support ({@code tech-support-l2}), to its least-loaded member. The agent's open tasks are raised to high priority
 * (once per level, see {@link TaskPriorities}) and, at level 2, handed over: the first-level group leaves them (and
 * with it its grant on them, see {@code identity.TaskGrantsPlugin}), the second level joins, and the new agent is assigned. The ticket's row and
 * timeline say so.
 */
@Service
public class TicketEscalation {

    /** The ticket as it stands: who works it, at which level. */
    public record Current(String processInstanceId, String number, int level, String workingGroup, String assignee) {
    }

    /** The ticket after the escalation: its level, the group and the agent working it. */
    public record Escalated(int level, String workingGroup, String assignee, String assigneeName) {
    }

    private final Tickets tickets;
    private final TicketAssignment assignment;
    private final TaskService tasks;
    private final TimelineTexts texts;

    public TicketEscalation(Tickets tickets, TicketAssignment assignment, TaskService tasks, TimelineTexts texts) {
        this.tickets = tickets;
        this.assignment = assignment;
        this.tasks = tasks;
        this.texts = texts;
    }

    public Escalated escalate(Current ticket, int level, String reason) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(ticket.processInstanceId())
                .taskDefinitionKeyIn(SupportProcess.AGENT_TASKS.toArray(String[]::new)).list();
        String group = ticket.workingGroup();
        String agent = ticket.assignee();
        if (level >= 2) {
            // nobody in second level: the group's queue gets the ticket and the agent keeps it meanwhile
            String secondLevel = assignment.leastLoaded(SupportProcess.SECOND_LEVEL).map(User::getId).orElse(agent);
            for (Task task : open) {
                tasks.deleteCandidateGroup(task.getId(), group);
                tasks.addCandidateGroup(task.getId(), SupportProcess.SECOND_LEVEL);
                tasks.setAssignee(task.getId(), secondLevel); // the ticketReassigned listener records the handover
            }
            if (open.isEmpty() && !Objects.equals(agent, secondLevel)) {
                tickets.record(ticket.number(), Ticket.EventType.REASSIGNED,
                        texts.text("reassigned", assignment.nameOf(secondLevel)), null);
            }
            group = SupportProcess.SECOND_LEVEL;
            agent = secondLevel;
            tickets.assigned(ticket.number(), group, agent);
        }
        // raised once for each level the ticket goes up (at least once), as TicketTaskCards gives a later task
        int raises = Math.max(1, level - ticket.level());
        for (Task task : open) {
            tasks.setPriority(task.getId(), TaskPriorities.escalated(task.getPriority(), raises));
        }
        int newLevel = Math.max(ticket.level(), level);
        tickets.escalated(ticket.number(), newLevel);
        tickets.record(ticket.number(), Ticket.EventType.ESCALATED, texts.text(level >= 2 ? "escalated.second-level"
                : "escalated.supervisor", level, reason), null);
        return new Escalated(newLevel, group, agent, assignment.nameOf(agent));
    }

}
