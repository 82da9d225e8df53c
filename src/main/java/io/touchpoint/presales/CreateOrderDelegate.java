package io.touchpoint.presales;

import static io.touchpoint.journey.CustomerJourneyProcess.Vars.*;
import static io.touchpoint.presales.PresalesProcess.Vars.*;

import io.touchpoint.numbering.BusinessNumbers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** PRE-09: the approved quote becomes an order with its own number, and links to sign and pay. */
@Component("createOrder")
public class CreateOrderDelegate implements JavaDelegate {

    private final BusinessNumbers numbers;
    private final PresalesPolicy policy;

    public CreateOrderDelegate(BusinessNumbers numbers, PresalesPolicy policy) {
        this.numbers = numbers;
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String orderNumber = (String) execution.getVariable(ORDER_NUMBER);
        if (orderNumber == null) {
            orderNumber = numbers.next(BusinessNumbers.ORDER);
        }
        execution.setVariable(ORDER_NUMBER, orderNumber);
        execution.setVariable(SIGNATURE_URL, policy.signatureLink(orderNumber));
        execution.setVariable(PAYMENT_URL, policy.paymentLink(orderNumber));
    }
}
