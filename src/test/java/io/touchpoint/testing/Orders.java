package io.touchpoint.testing;

import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.numbering.BusinessNumbers;
import io.touchpoint.presales.PresalesProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;

/** Orders in the state the tests of the providers' events and pages start from. */
public final class Orders {

    private Orders() {
    }

    /** An order as presales leaves it after sending it for e-signature (started there directly); its number. */
    public static String waitingForSignatureAndPayment(RuntimeService runtime, BusinessNumbers numbers) {
        String order = numbers.next(BusinessNumbers.ORDER);
        runtime.createProcessInstanceByKey(PresalesProcess.PROCESS_ID).businessKey("Q-TEST-" + order)
                .startBeforeActivity("SubProcess_AwaitSignatureAndPayment")
                .setVariables(Variables.putValue(CustomerJourneyProcess.Vars.ORDER_NUMBER, order)
                        .putValue("companyName", "Acme Dental").putValue("contactEmail", "ann@acme.example"))
                .execute();
        return order;
    }
}
