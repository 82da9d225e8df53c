package io.touchpoint.journey;

import io.touchpoint.numbering.BusinessNumbers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of the customer journey: however it starts (the quote request API, a sales rep's start form in
 * Tasklist, the engine's REST API), the journey has its quote number, as business key and as {@code quoteNumber},
 * which every stage gets.
 */
@Component("journeyIntake")
public class JourneyIntakeListener implements ExecutionListener {

    private final BusinessNumbers numbers;

    public JourneyIntakeListener(BusinessNumbers numbers) {
        this.numbers = numbers;
    }

    @Override
    public void notify(DelegateExecution execution) {
        quoteNumber(execution);
    }

    /** The journey's quote number: its business key, given one when it has none, also set as {@code quoteNumber}. */
    public String quoteNumber(DelegateExecution execution) {
        String quoteNumber = execution.getProcessBusinessKey();
        if (quoteNumber == null || quoteNumber.isBlank()) {
            quoteNumber = numbers.next(BusinessNumbers.QUOTE);
            execution.setProcessBusinessKey(quoteNumber);
        }
        execution.setVariable(CustomerJourneyProcess.Vars.QUOTE_NUMBER, quoteNumber);
        return quoteNumber;
    }
}
