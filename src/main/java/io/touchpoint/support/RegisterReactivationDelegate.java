package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import io.touchpoint.numbering.BusinessNumbers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * SUP-12: a request to reactivate a client account gets its number (R-2026-00001), which is its business key, and
 * its defaults. A start without what it needs is refused ({@link ReactivationStartCheck}).
 */
@Component("registerReactivation")
public class RegisterReactivationDelegate implements JavaDelegate {

    private final BusinessNumbers numbers;

    public RegisterReactivationDelegate(BusinessNumbers numbers) {
        this.numbers = numbers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReactivationStartCheck.check(execution);
        String number = numbers.next(SupportProcess.Reactivation.NUMBER_PREFIX);
        execution.setVariable(SupportProcess.Reactivation.NUMBER, number);
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(number);
        }
        execution.setVariable(CHANNEL, TicketVariables.text(execution, CHANNEL, "PHONE"));
        execution.setVariable(CONTACT_NAME, TicketVariables.string(execution, CONTACT_NAME).trim());
        execution.setVariable(CONTACT_EMAIL, TicketVariables.string(execution, CONTACT_EMAIL).trim());
        execution.setVariable(ACCOUNT_NUMBER, TicketVariables.string(execution, ACCOUNT_NUMBER).trim());
    }
}
