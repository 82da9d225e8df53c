package io.touchpoint.presales;

import static io.touchpoint.journey.CustomerJourneyProcess.Vars.*;
import static io.touchpoint.presales.PresalesProcess.Vars.*;

import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.journey.CustomerJourneyProcess;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records how presales ended, for reports (KPI-01, conversion rate): input parameters {@code outcome}
 * (WON or LOST) and {@code reason} become the process variables {@code presalesOutcome},
 * {@code presalesOutcomeReason} and {@code presalesClosedAt}.
 */
@Component("recordOutcome")
public class RecordOutcomeDelegate implements JavaDelegate {

    private final BusinessCalendar calendar;

    public RecordOutcomeDelegate(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = (String) execution.getVariableLocal("outcome");
        if (!CustomerJourneyProcess.WON.equals(outcome) && !CustomerJourneyProcess.LOST.equals(outcome)) {
            throw new IllegalArgumentException("outcome must be WON or LOST, not " + outcome);
        }
        execution.setVariable(PRESALES_OUTCOME, outcome);
        execution.setVariable(PRESALES_OUTCOME_REASON, execution.getVariableLocal("reason"));
        execution.setVariable(PRESALES_CLOSED_AT, Date.from(calendar.now()));
    }
}
