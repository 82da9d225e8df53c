package io.touchpoint.provisioning;

import static io.touchpoint.journey.CustomerJourneyProcess.Vars.*;
import static io.touchpoint.provisioning.ProvisioningProcess.Vars.INSTALL_INVITE_SEQUENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of provisioning: the variables that gateways, emails and invites read get their defaults, so an
 * order without an IT contact or numbers to port flows through without errors.
 */
@Component("provisioningIntake")
public class ProvisioningIntakeListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable(ORDER_NUMBER) == null) {
            throw new IllegalStateException("Provisioning needs an orderNumber (it starts from a won order)");
        }
        defaultTo(execution, NUMBERS_TO_PORT, "");
        defaultTo(execution, IT_CONTACT_EMAIL, "");
        defaultTo(execution, IT_CONTACT_NAME, "");
        defaultTo(execution, INSTALL_ADDRESS, "");
        execution.setVariable(INSTALL_INVITE_SEQUENCE, 0);
    }

    private static void defaultTo(DelegateExecution execution, String name, Object value) {
        if (execution.getVariable(name) == null) {
            execution.setVariable(name, value);
        }
    }
}
