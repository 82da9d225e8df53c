package io.touchpoint.presales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.numbering.BusinessNumbers;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;

/**
 * Starts the customer journey for a quote request that came in through the API or the web form; the journey
 * begins with presales.
 */
@Service
public class PresalesService {

    private final RuntimeService runtime;
    private final BusinessNumbers numbers;
    private final ObjectMapper json;

    public PresalesService(RuntimeService runtime, BusinessNumbers numbers, ObjectMapper json) {
        this.runtime = runtime;
        this.numbers = numbers;
        this.json = json;
    }

    /** @return the quote number, which is also the business key of the journey and its stages */
    public String submit(QuoteRequest request) {
        return submitTo(CustomerJourneyProcess.PROCESS_ID, request);
    }

    /** Starts the given process (the journey, or presales alone in presales' own tests) for the request. */
    public String submitTo(String processDefinitionKey, QuoteRequest request) {
        String quoteNumber = numbers.next(BusinessNumbers.QUOTE);
        VariableMap variables = Variables.createVariables()
                .putValue("companyName", request.companyName().trim())
                .putValue("contactName", request.contactName().trim())
                .putValue("contactEmail", request.contactEmail().trim())
                .putValue("phone", request.phone().trim())
                .putValue(PresalesProcess.Vars.SEATS, request.seats())
                .putValue("requestedServices", jsonList(request.requestedServices().stream().map(Enum::name).toList()))
                .putValue("auxiliaryServices", jsonList(request.auxiliaryServicesOrNone().stream().map(Enum::name).toList()))
                .putValue("currentProvider", blankToEmpty(request.currentProvider()))
                .putValue("notes", blankToEmpty(request.notes()))
                .putValue(PresalesProcess.Vars.CHANNEL, PresalesProcess.CHANNEL_WEB_FORM)
                .putValue(PresalesProcess.Vars.INTRODUCTION_DONE, false);
        runtime.createProcessInstanceByKey(processDefinitionKey)
                .businessKey(quoteNumber)
                .setVariables(variables)
                .execute();
        return quoteNumber;
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
