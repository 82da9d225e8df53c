package io.touchpoint.provisioning;

import static io.touchpoint.provisioning.ProvisioningProcess.Vars.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The small service tasks of provisioning.bpmn, each a bean the model names. */
@Configuration
public class ProvisioningDelegates {

    /** Sets the install time once the FOC date (or the tentative date) is known. */
    @Bean
    public JavaDelegate confirmInstallDate(InstallDates installDates) {
        return installDates::confirm;
    }

    /** The carrier moved the FOC date. */
    @Bean
    public JavaDelegate moveInstallDate(InstallDates installDates) {
        return installDates::move;
    }

    /** PRV-08: the site survey changed the order; the new phone count applies and the change is logged. */
    @Bean
    public JavaDelegate recordOrderChange() {
        return execution -> {
            Object newPhones = execution.getVariable(NEW_PHONE_COUNT);
            if (newPhones instanceof Number count) {
                execution.setVariable(PHONE_COUNT, count.intValue());
            }
            String log = (String) execution.getVariable(ORDER_CHANGE_LOG);
            String entry = Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()) + " "
                    + execution.getVariable(ORDER_CHANGE) + ": " + execution.getVariable("orderChangeDescription");
            execution.setVariable(ORDER_CHANGE_LOG, log == null ? entry : log + "\n" + entry);
        };
    }

    /** PRV-16: services are active and billing from now. */
    @Bean
    public JavaDelegate recordActivation() {
        return execution -> execution.setVariable(ACTIVATION_DATE, new Date(ClockUtil.getCurrentTime().getTime()));
    }
}
