package io.touchpoint.presales;

import static io.touchpoint.presales.PresalesProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Records how presales ended, for reports (KPI-01, conversion rate): input parameters {@code outcome}
 * (WON or LOST) and {@code reason} become the process variables {@code presalesOutcome},
 * {@code presalesOutcomeReason} and {@code presalesClosedAt}.
 */
@Component("recordOutcome")
public class RecordOutcomeDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = (String) execution.getVariableLocal("outcome");
        if (!PresalesProcess.WON.equals(outcome) && !PresalesProcess.LOST.equals(outcome)) {
            throw new IllegalArgumentException("outcome must be WON or LOST, not " + outcome);
        }
        execution.setVariable(OUTCOME, outcome);
        execution.setVariable(OUTCOME_REASON, execution.getVariableLocal("reason"));
        execution.setVariable(CLOSED_AT, ClockUtil.getCurrentTime());
    }
}
