package io.touchpoint.orders;

import static io.touchpoint.provisioning.ProvisioningProcess.Vars.FOC_AT;
import static io.touchpoint.provisioning.ProvisioningProcess.Vars.FOC_RECEIVED_AT;
import static io.touchpoint.provisioning.ProvisioningProcess.Vars.PORT_REJECTION_REASON;

import io.touchpoint.presales.PresalesProcess;
import io.touchpoint.provisioning.ProvisioningProcess;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * The one place that turns an order event into a BPMN message, correlated by the order number. Delivering the
 * same event twice is harmless: the second delivery is recognised and changes nothing.
 */
@Service
public class OrderEvents {

    public enum Result { ACCEPTED, ALREADY_RECEIVED, UNKNOWN_ORDER, NOT_WAITING }

    private static final String ORDER_NUMBER = PresalesProcess.Vars.ORDER_NUMBER;

    private final RuntimeService runtime;
    private final HistoryService history;

    public OrderEvents(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    /**
     * Delivers the event. A provider's event may arrive while the order's own process takes a step in the background
     * (the asynchronous join before the install); the engine then refuses one of the two as a concurrent change. The
     * event is delivered again, from the start, since nothing of the refused attempt was kept; after three tries the
     * collision goes to the caller as 409 (the provider sends its event again).
     */
    public Result deliver(String orderNumber, OrderEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                return deliverOnce(orderNumber, event);
            } catch (OptimisticLockingException collided) {
                if (attempt == 3) {
                    throw collided;
                }
            }
        }
    }

    private Result deliverOnce(String orderNumber, OrderEvent event) {
        String[] instances = history.createHistoricVariableInstanceQuery()
                .variableName(ORDER_NUMBER).variableValueEquals(ORDER_NUMBER, orderNumber).list().stream()
                .map(HistoricVariableInstance::getProcessInstanceId).distinct().toArray(String[]::new);
        if (instances.length == 0) {
            return Result.UNKNOWN_ORDER;
        }
        OrderEventType type = event.type();
        if (type.receivedAtVariable != null && has(instances, type.receivedAtVariable)) {
            return Result.ALREADY_RECEIVED;
        }
        if (type == OrderEventType.FOC_CHANGED) {
            if (!has(instances, FOC_RECEIVED_AT)) {
                return Result.NOT_WAITING;
            }
            if (Objects.equals(latest(instances, FOC_AT), Date.from(event.focAt().toInstant()))) {
                return Result.ALREADY_RECEIVED;
            }
        }
        try {
            runtime.createMessageCorrelation(type.message)
                    .processInstanceVariableEquals(ORDER_NUMBER, orderNumber)
                    .setVariables(variables(event))
                    .correlateWithResult();
            return Result.ACCEPTED;
        } catch (MismatchingMessageCorrelationException notWaiting) {
            if (type.receivedAtVariable != null && has(instances, type.receivedAtVariable)) {
                return Result.ALREADY_RECEIVED; // the same event, delivered twice at once: the other delivery won
            }
            if (type == OrderEventType.PORT_REJECTED
                    && Objects.equals(latest(instances, PORT_REJECTION_REASON), event.reason())) {
                return Result.ALREADY_RECEIVED;
            }
            return Result.NOT_WAITING;
        }
    }

    private static Map<String, Object> variables(OrderEvent event) {
        Map<String, Object> variables = new HashMap<>();
        Date now = new Date(ClockUtil.getCurrentTime().getTime());
        if (event.type().receivedAtVariable != null) {
            variables.put(event.type().receivedAtVariable, now);
        }
        switch (event.type().carries) {
            case FOC_AT -> variables.put(FOC_AT, Date.from(event.focAt().toInstant()));
            case REASON -> {
                variables.put(PORT_REJECTION_REASON, event.reason());
                // the rejected request's reference no longer stands: LNP enters the resubmitted one
                variables.put(ProvisioningProcess.Vars.PORT_REQUEST_REFERENCE, "");
            }
            case NOTHING -> { }
        }
        return variables;
    }

    private boolean has(String[] instances, String variable) {
        return history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances).variableName(variable)
                .count() > 0;
    }

    /** The variable's current value in the order's running instances (the stage that waits holds it). */
    private Object latest(String[] instances, String variable) {
        List<org.camunda.bpm.engine.runtime.VariableInstance> values = runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instances).variableName(variable).list();
        return values.isEmpty() ? null : values.get(0).getValue();
    }
}
