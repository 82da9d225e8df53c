package io.touchpoint.presales;

import static io.touchpoint.presales.PresalesProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Taken when the customer asks for changes: counts the revision and clears the last decision, so the
 * revised quote is presented with a fresh decision while the requested changes stay visible to the engineer.
 */
@Component("startQuoteRevision")
public class StartQuoteRevisionListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        Number revision = (Number) execution.getVariable(QUOTE_REVISION);
        execution.setVariable(QUOTE_REVISION, (revision == null ? 0 : revision.intValue()) + 1);
        execution.removeVariable(CUSTOMER_DECISION);
    }
}
