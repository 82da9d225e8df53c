package io.touchpoint.journey;

import static io.touchpoint.journey.CustomerJourneyProcess.Vars.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.numbering.BusinessNumbers;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;

/**
 * The journey's start: a quote request that came in through the API or the web form starts the customer journey,
 * under a new quote number as business key; the journey begins with presales.
 */
@Service
public class CustomerJourney {

    private final RuntimeService runtime;
    private final BusinessNumbers numbers;
    private final ObjectMapper json;

    public CustomerJourney(RuntimeService runtime, BusinessNumbers numbers, ObjectMapper json) {
        this.runtime = runtime;
        this.numbers = numbers;
        this.json = json;
    }

    /** @return the quote number, which is also the business key of the journey and its stages */
    public String start(QuoteRequest request) {
        return startAs(CustomerJourneyProcess.PROCESS_ID, request);
    }

    /** Starts the given process (the journey, or a stage alone in the stage's own tests) for the request. */
    public String startAs(String processDefinitionKey, QuoteRequest request) {
        String quoteNumber = numbers.next(BusinessNumbers.QUOTE);
        runtime.createProcessInstanceByKey(processDefinitionKey)
                .businessKey(quoteNumber)
                .setVariables(variables(request))
                .execute();
        return quoteNumber;
    }

    /** The journey's variables of a quote request from the web form. */
    VariableMap variables(QuoteRequest request) {
        return Variables.createVariables()
                .putValue(COMPANY_NAME, request.companyName().trim())
                .putValue(CONTACT_NAME, request.contactName().trim())
                .putValue(CONTACT_EMAIL, request.contactEmail().trim())
                .putValue(PHONE, request.phone().trim())
                .putValue(SEATS, request.seats())
                .putValue(REQUESTED_SERVICES, jsonList(request.requestedServices().stream().map(Enum::name).toList()))
                .putValue(AUXILIARY_SERVICES, jsonList(request.auxiliaryServicesOrNone().stream().map(Enum::name).toList()))
                .putValue(CURRENT_PROVIDER, blankToEmpty(request.currentProvider()))
                .putValue(NOTES, blankToEmpty(request.notes()))
                .putValue(CHANNEL, CustomerJourneyProcess.CHANNEL_WEB_FORM)
                .putValue(INTRODUCTION_DONE, false);
    }

    private Object jsonList(List<String> codes) {
        try {
            return SpinValues.jsonValue(json.writeValueAsString(codes)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.trim();
    }
}
