package io.touchpoint.support.email;

import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.support.SupportProcess;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * Who writes to the support mailbox, when Touchpoint knows the address: the company and contact name of the latest
 * customer journey with that contact email, or else of the latest ticket with it that named a company.
 */
@Component
class KnownCustomers {

    /** What is known of a sender. */
    record Customer(String companyName, String contactName) {
    }

    private final HistoryService history;

    KnownCustomers(HistoryService history) {
        this.history = history;
    }

    Optional<Customer> byEmail(String address) {
        for (String process : List.of(CustomerJourneyProcess.PROCESS_ID, "troubleTicket", "serviceRequest")) {
            Optional<Customer> found = history.createHistoricVariableInstanceQuery()
                    .processDefinitionKey(process)
                    .variableValueEquals(CustomerJourneyProcess.Vars.CONTACT_EMAIL, address)
                    .matchVariableValuesIgnoreCase()
                    .list().stream()
                    .max(Comparator.comparing(HistoricVariableInstance::getCreateTime))
                    .flatMap(contact -> customer(contact.getProcessInstanceId()));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Customer> customer(String processInstanceId) {
        String company = text(processInstanceId, SupportProcess.Vars.COMPANY_NAME);
        if (company == null) {
            return Optional.empty();
        }
        return Optional.of(new Customer(company, text(processInstanceId, SupportProcess.Vars.CONTACT_NAME)));
    }

    private String text(String processInstanceId, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name)
                .list().stream().map(HistoricVariableInstance::getValue)
                .filter(value -> value instanceof String text && !text.isBlank())
                .map(value -> ((String) value).strip()).findFirst().orElse(null);
    }
}
