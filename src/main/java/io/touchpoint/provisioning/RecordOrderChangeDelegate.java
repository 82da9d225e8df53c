package io.touchpoint.provisioning;

import static io.touchpoint.provisioning.ProvisioningProcess.Vars.*;

import io.touchpoint.calendar.BusinessCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** PRV-08: the site survey changed the order; the new phone count applies and the change is logged. */
@Component("recordOrderChange")
public class RecordOrderChangeDelegate implements JavaDelegate {

    private final BusinessCalendar calendar;

    public RecordOrderChangeDelegate(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(NEW_PHONE_COUNT) instanceof Number count) {
            execution.setVariable(PHONE_COUNT, count.intValue());
        }
        String log = (String) execution.getVariable(ORDER_CHANGE_LOG);
        String entry = calendar.now() + " " + execution.getVariable(ORDER_CHANGE) + ": "
                + execution.getVariable(ORDER_CHANGE_DESCRIPTION);
        execution.setVariable(ORDER_CHANGE_LOG, log == null ? entry : log + "\n" + entry);
    }
}
