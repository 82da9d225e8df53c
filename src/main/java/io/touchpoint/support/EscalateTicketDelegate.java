package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * SUP-06, the step "Escalate the ticket": input parameters {@code level} (1 or 2) and {@code reason}; the escalation
 * itself is {@link TicketEscalation}'s. Writes {@code escalationLevel}, {@code workingGroup}, {@code assignee} and
 * {@code assigneeName}.
 */
@Component("escalateTicket")
public class EscalateTicketDelegate implements JavaDelegate {

    private final TicketEscalation escalation;

    public EscalateTicketDelegate(TicketEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketEscalation.Escalated escalated = escalation.escalate(new TicketEscalation.Current(
                        execution.getProcessInstanceId(), (String) execution.getVariable(NUMBER),
                        TicketVariables.number(execution, ESCALATION_LEVEL), (String) execution.getVariable(WORKING_GROUP),
                        (String) execution.getVariable(ASSIGNEE)),
                ((Number) execution.getVariableLocal("level")).intValue(), (String) execution.getVariableLocal("reason"));
        execution.setVariable(ESCALATION_LEVEL, escalated.level());
        execution.setVariable(WORKING_GROUP, escalated.workingGroup());
        execution.setVariable(ASSIGNEE, escalated.assignee());
        execution.setVariable(ASSIGNEE_NAME, escalated.assigneeName());
    }
}
