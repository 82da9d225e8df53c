package io.touchpoint.portal;

import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.support.SupportProcess;
import io.touchpoint.support.Ticket;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * The companies the portal knows, from the engine's history: there is no company table, so a company is the
 * {@code companyName} of its customer journeys, and its people are the journeys' contact addresses. The portal links an
 * account to the company of the newest journey that names the account's address as a contact.
 * <p>
 * Account numbers come with support's processes (a ticket's or service request's {@code accountNumber}, a
 * reactivation's): the company of a number is that of the newest such process naming it, by the process's
 * {@code companyName} or else by the company of its contact's address. Journeys carry no account number.
 */
@Service
public class CompanyDirectory {

    /** The journey variables that hold a contact's address; those the order does not have yet are simply absent. */
    static final List<String> CONTACT_EMAILS = List.of(CustomerJourneyProcess.Vars.CONTACT_EMAIL,
            CustomerJourneyProcess.Vars.IT_CONTACT_EMAIL, "officeManagerEmail", "primaryContactEmail");

    private static final int MAX_JOURNEYS = 200;
    /** How many of the newest support processes naming an account number are read to find its company. */
    private static final int MAX_ACCOUNT_PROCESSES = 20;
    private static final String[] ACCOUNT_PROCESSES = {Ticket.Kind.TROUBLE.processKey(),
            Ticket.Kind.SERVICE_REQUEST.processKey(), SupportProcess.REACTIVATION};

    /** The company an account number belongs to, and the contact of the newest request that named it so. */
    public record AccountHolder(String company, String contactName, String contactEmail) {
    }

    private final HistoryService history;

    CompanyDirectory(HistoryService history) {
        this.history = history;
    }

    /** The company of the newest journey naming the address as a contact (any case), if any. */
    public Optional<String> companyOf(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        HistoricProcessInstance newest = null;
        for (String variable : CONTACT_EMAILS) {
            for (HistoricProcessInstance journey : history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(CustomerJourneyProcess.PROCESS_ID).variableValueEquals(variable, email.trim())
                    .matchVariableValuesIgnoreCase().orderByProcessInstanceStartTime().desc().listPage(0, 1)) {
                if (newest == null || journey.getStartTime().after(newest.getStartTime())) {
                    newest = journey;
                }
            }
        }
        return newest == null ? Optional.empty() : Optional.ofNullable(text(variables(newest.getId())
                .get(CustomerJourneyProcess.Vars.COMPANY_NAME)));
    }

    /**
     * The company of the account number (any case): that of the newest ticket, service request or reactivation naming
     * the number whose company is known. Only for staff deciding on a customer's claim: it tells who has the number.
     */
    public Optional<AccountHolder> holderOf(String accountNumber) {
        if (accountNumber == null || accountNumber.isBlank()) {
            return Optional.empty();
        }
        for (HistoricProcessInstance request : history.createHistoricProcessInstanceQuery()
                .processDefinitionKeyIn(ACCOUNT_PROCESSES)
                .variableValueEquals(SupportProcess.Vars.ACCOUNT_NUMBER, accountNumber.trim())
                .matchVariableValuesIgnoreCase().orderByProcessInstanceStartTime().desc()
                .listPage(0, MAX_ACCOUNT_PROCESSES)) {
            Map<String, Object> values = texts(request.getId(), SupportProcess.Vars.CONTACT_EMAIL,
                    SupportProcess.Vars.CONTACT_NAME, SupportProcess.Vars.COMPANY_NAME);
            String email = text(values.get(SupportProcess.Vars.CONTACT_EMAIL));
            String company = text(values.get(SupportProcess.Vars.COMPANY_NAME));
            if (company == null || company.isBlank()) {
                company = companyOf(email).orElse(null);
            }
            if (company != null && !company.isBlank()) {
                return Optional.of(new AccountHolder(company, text(values.get(SupportProcess.Vars.CONTACT_NAME)), email));
            }
        }
        return Optional.empty();
    }

    /** The company's customer journeys, newest first. */
    public List<HistoricProcessInstance> journeys(String company) {
        if (company == null) {
            return List.of();
        }
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(CustomerJourneyProcess.PROCESS_ID)
                .variableValueEquals(CustomerJourneyProcess.Vars.COMPANY_NAME, company)
                .orderByProcessInstanceStartTime().desc().listPage(0, MAX_JOURNEYS);
    }

    /** The contact addresses (lower case) of the company's journeys. */
    public Set<String> contactEmails(String company) {
        Set<String> emails = new LinkedHashSet<>();
        List<String> ids = journeys(company).stream().map(HistoricProcessInstance::getId).toList();
        if (ids.isEmpty()) {
            return emails;
        }
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(ids.toArray(String[]::new)).variableNameIn(CONTACT_EMAILS.toArray(String[]::new))
                .disableCustomObjectDeserialization().list()) {
            String email = text(variable.getValue());
            if (email != null && !email.isBlank()) {
                emails.add(PortalAccounts.normalized(email));
            }
        }
        return emails;
    }

    /** The companies of all journeys, for staff linking an account by hand. */
    public Collection<String> names() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processDefinitionKey(CustomerJourneyProcess.PROCESS_ID).variableName(CustomerJourneyProcess.Vars.COMPANY_NAME)
                .disableCustomObjectDeserialization().listPage(0, 2000)) {
            String name = text(variable.getValue());
            if (name != null && !name.isBlank()) {
                names.add(name);
            }
        }
        return names;
    }

    /** The journey's own variables (not those of its stages), by name. */
    public Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
            if (variable.getActivityInstanceId() == null || variable.getActivityInstanceId().equals(processInstanceId)
                    || !values.containsKey(variable.getName())) {
                values.put(variable.getName(), variable.getValue());
            }
        }
        return values;
    }

    /** The named variables of the process instance (any scope), by name: text values only, never objects to read. */
    private Map<String, Object> texts(String processInstanceId, String... names) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableNameIn(names).disableCustomObjectDeserialization().list()) {
            if (variable.getValue() instanceof String text && !text.isBlank()) {
                values.putIfAbsent(variable.getName(), text.strip());
            }
        }
        return values;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
