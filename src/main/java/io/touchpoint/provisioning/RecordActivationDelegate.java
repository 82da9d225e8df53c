package io.touchpoint.provisioning;

import static io.touchpoint.provisioning.ProvisioningProcess.Vars.*;

import io.touchpoint.calendar.BusinessCalendar;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** PRV-16: services are active and billing from now ({@code activationDate}). */
@Component("recordActivation")
public class RecordActivationDelegate implements JavaDelegate {

    private final BusinessCalendar calendar;

    public RecordActivationDelegate(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ACTIVATION_DATE, Date.from(calendar.now()));
    }
}
