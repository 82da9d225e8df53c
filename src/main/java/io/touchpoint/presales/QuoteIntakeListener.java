package io.touchpoint.presales;

import static io.touchpoint.journey.CustomerJourneyProcess.Vars.*;
import static io.touchpoint.presales.PresalesProcess.Vars.*;

import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.journey.JourneyIntakeListener;
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

    private final JourneyIntakeListener journey;
    private final PresalesPolicy policy;

    public QuoteIntakeListener(JourneyIntakeListener journey, PresalesPolicy policy) {
        this.journey = journey;
        this.policy = policy;
    }

    @Override
    public void notify(DelegateExecution execution) {
        journey.quoteNumber(execution);
        boolean metCustomer = Boolean.TRUE.equals(execution.getVariable(INTRODUCTION_DONE));
        execution.setVariable(INTRODUCTION_DONE, metCustomer);
        if (execution.getVariable(CHANNEL) == null) {
            execution.setVariable(CHANNEL, metCustomer ? CustomerJourneyProcess.CHANNEL_SALES_REP : CustomerJourneyProcess.CHANNEL_WEB_FORM);
        }
        execution.setVariable(HAS_AUXILIARY_SERVICES, !isEmpty(execution.getVariable(AUXILIARY_SERVICES)));
        execution.setVariable(QUOTE_REVISION, 0);
        execution.setVariable(DISCOVERY_MEETING_WANTED, Boolean.TRUE.equals(execution.getVariable(DISCOVERY_MEETING_WANTED)));
        execution.setVariable(DISCOVERY_MEETING_MIN_SEATS, policy.getDiscoveryMeetingMinSeats());
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
