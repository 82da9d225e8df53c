package io.touchpoint.provisioning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** PRV-11: the coordinator accepted or countered the customer's proposed install date: {@link InstallDates#agree}. */
@Component("agreeInstallDate")
public class AgreeInstallDateDelegate implements JavaDelegate {

    private final InstallDates installDates;

    public AgreeInstallDateDelegate(InstallDates installDates) {
        this.installDates = installDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        installDates.agree(execution);
    }
}
