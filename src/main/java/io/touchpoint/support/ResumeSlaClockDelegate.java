package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import io.touchpoint.calendar.BusinessCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer answered: the clock runs again with the time that was left when it paused. */
@Component("resumeSlaClock")
public class ResumeSlaClockDelegate implements JavaDelegate {

    private final Tickets tickets;
    private final SupportPolicy policy;
    private final BusinessCalendar calendar;

    public ResumeSlaClockDelegate(Tickets tickets, SupportPolicy policy, BusinessCalendar calendar) {
        this.tickets = tickets;
        this.policy = policy;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(NUMBER);
        SupportPolicy.Target target = policy.resume(calendar.now(), TicketVariables.number(execution, RESOLUTION_MINUTES),
                TicketVariables.number(execution, RESOLUTION_REMAINING_MINUTES));
        TicketVariables.setResolution(execution, policy, target);
        TicketVariables.clearWorkForm(execution);
        tickets.status(number, TicketStatus.IN_PROGRESS);
        tickets.due(number, TicketVariables.instant(execution, FIRST_RESPONSE_DUE), target.due());
    }
}
