package io.touchpoint.provisioning;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Whether an order has numbers to port: {@code ${porting.needed(execution)}} in the model's gateways. */
@Component("porting")
public class Porting {

    public boolean needed(VariableScope scope) {
        Object numbers = scope.getVariable(ProvisioningProcess.Vars.NUMBERS_TO_PORT);
        return numbers != null && !numbers.toString().isBlank();
    }
}
