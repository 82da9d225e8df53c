package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import io.touchpoint.calendar.BusinessCalendar;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * SUP-04: the SLA decision's group and targets ({@code sla}) become the assignee, due dates and warnings, all in
 * business time. The group is the SLA table's, or for an employee the group of the project's personnel
 * ({@code projectGroup}, SUP-13); the assignee is the agent customer care chose ({@code chosenAgent}), or else the
 * group's least-loaded member.
 */
@Component("assignBySla")
public class AssignBySlaDelegate implements JavaDelegate {

    private final Tickets tickets;
    private final TicketAssignment assignment;
    private final SupportPolicy policy;
    private final BusinessCalendar calendar;
    private final TimelineTexts texts;

    public AssignBySlaDelegate(Tickets tickets, TicketAssignment assignment, SupportPolicy policy,
                               BusinessCalendar calendar, TimelineTexts texts) {
        this.tickets = tickets;
        this.assignment = assignment;
        this.policy = policy;
        this.calendar = calendar;
        this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> sla = (Map<String, Object>) execution.getVariable(SLA);
        if (sla == null || sla.get("supportGroup") == null) {
            throw new IllegalStateException("ticket-sla.dmn gave no rule for priority " + execution.getVariable(PRIORITY)
                    + ", category " + execution.getVariable(CATEGORY));
        }
        String projectGroup = TicketVariables.string(execution, PROJECT_GROUP);
        String group = projectGroup == null || projectGroup.isBlank() ? sla.get("supportGroup").toString() : projectGroup;
        String chosen = TicketVariables.string(execution, CHOSEN_AGENT);
        long firstResponse = ((Number) sla.get("firstResponseMinutes")).longValue();
        long resolution = ((Number) sla.get("resolutionMinutes")).longValue();
        Instant now = calendar.now();
        SupportPolicy.Target firstTarget = policy.target(now, firstResponse);
        SupportPolicy.Target resolutionTarget = policy.target(now, resolution);
        String assignee = assignment.agentFor(group, chosen).orElse(null);
        String assigneeName = assignment.nameOf(assignee);

        execution.setVariable(SUPPORT_GROUP, group);
        execution.setVariable(WORKING_GROUP, group);
        execution.setVariable(FIRST_RESPONSE_MINUTES, (int) firstResponse);
        execution.setVariable(RESOLUTION_MINUTES, (int) resolution);
        execution.setVariable(ASSIGNEE, assignee);
        execution.setVariable(ASSIGNEE_NAME, assigneeName);
        TicketVariables.setFirstResponse(execution, policy, firstTarget);
        TicketVariables.setResolution(execution, policy, resolutionTarget);

        String number = (String) execution.getVariable(NUMBER);
        tickets.assigned(number, group, assignee);
        tickets.due(number, firstTarget.due(), resolutionTarget.due());
        tickets.status(number, TicketStatus.ASSIGNED);
        boolean byChoice = chosen != null && !chosen.isBlank();
        tickets.record(number, Ticket.EventType.ASSIGNED, texts.text(byChoice ? "assigned.chosen" : "assigned",
                assigneeName), byChoice ? TicketVariables.string(execution, RECORDED_BY) : null);
    }
}
