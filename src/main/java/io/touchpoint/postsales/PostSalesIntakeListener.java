package io.touchpoint.postsales;

import static io.touchpoint.journey.CustomerJourneyProcess.Vars.ACTIVATION_DATE;
import static io.touchpoint.journey.CustomerJourneyProcess.Vars.INSTALL_AT;

import io.touchpoint.calendar.BusinessCalendar;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener: post-sales counts its dates from the install ({@code installAt}); an instance started without one
 * counts from the activation date, or from now.
 */
@Component("postSalesIntake")
public class PostSalesIntakeListener implements ExecutionListener {

    private final BusinessCalendar calendar;

    public PostSalesIntakeListener(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable(INSTALL_AT) == null) {
            Object activation = execution.getVariable(ACTIVATION_DATE);
            execution.setVariable(INSTALL_AT, activation != null ? activation : Date.from(calendar.now()));
        }
    }
}
