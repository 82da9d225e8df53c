package io.touchpoint.monitoring;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * PRV-14: a Peplink router's serial numbers go into the managed-service monitoring. Reads {@code orderNumber},
 * {@code companyName} and {@code routerSerialNumbers} (one per line or comma-separated); writes
 * {@code monitoringRegistration} (REGISTERED, or NOT_CONFIGURED when no URL is set) and
 * {@code monitoringRegisteredAt}. A failed call throws, so the step retries in the background.
 */
@Component("registerRouterWithMonitoring")
public class RegisterRouterDelegate implements JavaDelegate {

    public static final String REGISTRATION = "monitoringRegistration";

    private final MonitoringClient monitoring;

    public RegisterRouterDelegate(MonitoringClient monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!monitoring.isConfigured()) {
            execution.setVariable(REGISTRATION, "NOT_CONFIGURED");
            return;
        }
        List<String> serials = serialNumbers(execution.getVariable("routerSerialNumbers"));
        monitoring.register((String) execution.getVariable("orderNumber"), (String) execution.getVariable("companyName"),
                serials, execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId());
        execution.setVariable(REGISTRATION, "REGISTERED");
        execution.setVariable("monitoringRegisteredAt", new Date(ClockUtil.getCurrentTime().getTime()));
    }

    static List<String> serialNumbers(Object text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.toString().split("[,\\n\\r]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
