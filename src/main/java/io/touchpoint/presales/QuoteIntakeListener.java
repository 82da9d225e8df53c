package io.touchpoint.presales;

import static io.touchpoint.presales.PresalesProcess.Vars.*;

import io.touchpoint.numbering.BusinessNumbers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Start listener of presales: however the request came in (API, Tasklist start form, the journey), the quote
 * gets its number as business key and the variables the gateways read get their defaults.
 */
@Component("quoteIntake")
public class QuoteIntakeListener implements ExecutionListener {

    private final BusinessNumbers numbers;

    public QuoteIntakeListener(BusinessNumbers numbers) {
        this.numbers = numbers;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String quoteNumber = execution.getProcessBusinessKey();
        if (quoteNumber == null || quoteNumber.isBlank()) {
            quoteNumber = numbers.next(BusinessNumbers.QUOTE);
            execution.setProcessBusinessKey(quoteNumber);
        }
        execution.setVariable(QUOTE_NUMBER, quoteNumber);
        boolean metCustomer = Boolean.TRUE.equals(execution.getVariable(INTRODUCTION_DONE));
        execution.setVariable(INTRODUCTION_DONE, metCustomer);
        if (execution.getVariable(CHANNEL) == null) {
            execution.setVariable(CHANNEL, metCustomer ? PresalesProcess.CHANNEL_SALES_REP : PresalesProcess.CHANNEL_WEB_FORM);
        }
        execution.setVariable(HAS_AUXILIARY_SERVICES, !isEmpty(execution.getVariable("auxiliaryServices")));
        execution.setVariable(QUOTE_REVISION, 0);
    }

    private static boolean isEmpty(Object list) {
        if (list == null) {
            return true;
        }
        if (list instanceof SpinJsonNode json) {
            return !json.isArray() || json.elements().isEmpty();
        }
        if (list instanceof java.util.Collection<?> collection) {
            return collection.isEmpty();
        }
        if (list instanceof ObjectValue) {
            return false;
        }
        return list.toString().isBlank();
    }
}
