package io.touchpoint.presales;

import io.touchpoint.journey.CustomerJourneyProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The sales rep who first works a quote owns it: on completion of a {@code sales-rep} task the assignee
 * becomes the owner (variable {@code salesRep}); later sales-rep tasks are created assigned to the owner,
 * who finds them under "My tasks". The candidate group stays, so a colleague can step in.
 */
@Component("salesRepOwnership")
public class SalesRepOwnership implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object owner = task.getVariable(CustomerJourneyProcess.Vars.SALES_REP);
        if (EVENTNAME_CREATE.equals(task.getEventName()) && owner != null) {
            task.setAssignee(owner.toString());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName()) && owner == null && task.getAssignee() != null) {
            task.setVariable(CustomerJourneyProcess.Vars.SALES_REP, task.getAssignee());
        }
    }
}
