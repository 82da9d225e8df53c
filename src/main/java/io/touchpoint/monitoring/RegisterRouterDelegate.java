package io.touchpoint.monitoring;

import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.journey.CustomerJourneyProcess;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
    public static final String REGISTERED_AT = "monitoringRegisteredAt";
    /** The router's serial numbers, as the technician enters them on install day. */
    public static final String SERIAL_NUMBERS = "routerSerialNumbers";

    private final MonitoringClient monitoring;

    private final BusinessCalendar calendar;

    public RegisterRouterDelegate(MonitoringClient monitoring, BusinessCalendar calendar) {
        this.monitoring = monitoring;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!monitoring.isConfigured()) {
            execution.setVariable(REGISTRATION, "NOT_CONFIGURED");
            return;
        }
        List<String> serials = serialNumbers(execution.getVariable(SERIAL_NUMBERS));
        monitoring.register((String) execution.getVariable(CustomerJourneyProcess.Vars.ORDER_NUMBER),
                (String) execution.getVariable(CustomerJourneyProcess.Vars.COMPANY_NAME),
                serials, execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId());
        execution.setVariable(REGISTRATION, "REGISTERED");
        execution.setVariable(REGISTERED_AT, Date.from(calendar.now()));
    }

    static List<String> serialNumbers(Object text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.toString().split("[,\\n\\r]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
