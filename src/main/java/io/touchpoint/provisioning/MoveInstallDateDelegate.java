package io.touchpoint.provisioning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The carrier moved the FOC date: {@link InstallDates#move}. */
@Component("moveInstallDate")
public class MoveInstallDateDelegate implements JavaDelegate {

    private final InstallDates installDates;

    public MoveInstallDateDelegate(InstallDates installDates) {
        this.installDates = installDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        installDates.move(execution);
    }
}
