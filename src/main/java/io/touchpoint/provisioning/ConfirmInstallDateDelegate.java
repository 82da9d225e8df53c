package io.touchpoint.provisioning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets the install time once the FOC date (or the tentative date) is known: {@link InstallDates#confirm}. */
@Component("confirmInstallDate")
public class ConfirmInstallDateDelegate implements JavaDelegate {

    private final InstallDates installDates;

    public ConfirmInstallDateDelegate(InstallDates installDates) {
        this.installDates = installDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        installDates.confirm(execution);
    }
}
