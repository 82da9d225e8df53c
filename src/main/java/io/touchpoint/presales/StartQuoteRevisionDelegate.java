package io.touchpoint.presales;

import static io.touchpoint.presales.PresalesProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Count the revision, clear the decision", when the customer asks for changes: the revision is counted and the last
 * decision cleared, so the revised quote is presented with a fresh decision while the requested changes stay visible
 * to the engineer.
 */
@Component("startQuoteRevision")
public class StartQuoteRevisionDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Number revision = (Number) execution.getVariable(QUOTE_REVISION);
        execution.setVariable(QUOTE_REVISION, (revision == null ? 0 : revision.intValue()) + 1);
        execution.removeVariable(CUSTOMER_DECISION);
    }
}
