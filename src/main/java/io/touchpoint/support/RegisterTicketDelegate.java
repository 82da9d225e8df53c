package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;
import static io.touchpoint.support.TicketVariables.string;
import static io.touchpoint.support.TicketVariables.text;

import io.touchpoint.numbering.BusinessNumbers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * SUP-02: the ticket gets its number (unless the API gave it one), its business key, its defaults and its row;
 * "received" starts the timeline. A start without what a ticket needs is refused ({@link TicketStartCheck}).
 */
@Component("registerTicket")
public class RegisterTicketDelegate implements JavaDelegate {

    private final Tickets tickets;
    private final BusinessNumbers numbers;
    private final SupportPolicy policy;
    private final TimelineTexts texts;

    public RegisterTicketDelegate(Tickets tickets, BusinessNumbers numbers, SupportPolicy policy, TimelineTexts texts) {
        this.tickets = tickets;
        this.numbers = numbers;
        this.policy = policy;
        this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Ticket.Kind kind = Ticket.Kind.ofProcess(execution.getProcessDefinitionId().split(":")[0]);
        TicketStartCheck.check(execution, kind);
        String number = string(execution, NUMBER);
        if (number == null) {
            number = numbers.next(kind.numberPrefix());
            execution.setVariable(NUMBER, number);
        }
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(number);
        }
        String channel = text(execution, CHANNEL, "PHONE");
        execution.setVariable(KIND, kind.name());
        execution.setVariable(CHANNEL, channel);
        execution.setVariable(REQUESTER_TYPE, text(execution, REQUESTER_TYPE, "CUSTOMER"));
        // the project table matches the project's code as written there: upper case
        execution.setVariable(PROJECT, text(execution, PROJECT, "").trim().toUpperCase(java.util.Locale.ROOT));
        execution.setVariable(CUSTOMER_TIER, policy.tierOf(string(execution, ACCOUNT_NUMBER)));
        execution.setVariable(ESCALATION_LEVEL, 0);
        execution.setVariable(REOPEN_COUNT, 0);
        execution.setVariable(ACKNOWLEDGED, false);
        execution.setVariable(RESOLUTION_WARNED, false);
        tickets.register(new Ticket(number, kind, execution.getProcessInstanceId(), string(execution, SUBJECT),
                string(execution, CATEGORY), string(execution, PRIORITY), string(execution, CONTACT_NAME),
                string(execution, CONTACT_EMAIL), channel, TicketStatus.RECEIVED, null, null, null, null, 0, 0, null, null));
        tickets.record(number, Ticket.EventType.RECEIVED,
                texts.text("received", channel.toLowerCase().replace('_', ' ')), string(execution, RECORDED_BY));
    }
}
