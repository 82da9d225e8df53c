package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import io.touchpoint.numbering.BusinessNumbers;
import io.touchpoint.web.InvalidFieldException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tickets as customers use them, through the API and the tracking page (SUP-02, SUP-08, SUP-09): open one, follow
 * it, answer the agent's question, confirm or reopen the resolution. A wrong token is treated as an unknown ticket.
 */
@Service
public class TicketService {

    public enum Outcome { DONE, NOT_FOUND, NOT_WAITING }

    public record Created(String ticketNumber, Ticket.Kind kind, String trackingToken, String trackingUrl) {
    }

    /** What the customer sees: the ticket, its timeline, and what it waits for from them. */
    public record View(Ticket ticket, List<Ticket.Event> timeline, String waitingFor, String question, String resolution,
                       String assigneeName) {
    }

    private final RuntimeService runtime;
    private final BusinessNumbers numbers;
    private final Tickets tickets;
    private final TicketLinks links;

    public TicketService(RuntimeService runtime, BusinessNumbers numbers, Tickets tickets, TicketLinks links) {
        this.runtime = runtime;
        this.numbers = numbers;
        this.tickets = tickets;
        this.links = links;
    }

    @Transactional
    public Created open(NewTicket request) {
        NewTicket.Priority priority = request.effectivePriority();
        if (priority == null) {
            throw new InvalidFieldException("priority", "give a priority (P1 to P4), or both impact and urgency");
        }
        Ticket.Kind kind = request.category().kind();
        String number = numbers.next(kind.numberPrefix());
        VariableMap variables = Variables.createVariables()
                .putValue(NUMBER, number)
                .putValue(SUBJECT, request.subject().trim())
                .putValue(DESCRIPTION, request.description().trim())
                .putValue(CATEGORY, request.category().name())
                .putValue(PRIORITY, priority.name())
                .putValue(CONTACT_NAME, request.requesterName().trim())
                .putValue(CONTACT_EMAIL, request.requesterEmail().trim())
                .putValue(ACCOUNT_NUMBER, request.accountNumber() == null ? "" : request.accountNumber().trim())
                .putValue(CHANNEL, (request.channel() == null ? NewTicket.Channel.PORTAL : request.channel()).name())
                .putValue(REQUESTER_TYPE,
                        (request.requesterType() == null ? NewTicket.RequesterType.CUSTOMER : request.requesterType()).name());
        runtime.startProcessInstanceByKey(kind.processKey(), number, variables);
        return new Created(number, kind, links.token(number), links.tracking(number));
    }

    public Optional<View> view(String number, String token) {
        return opened(number, token).map(ticket -> {
            String waitingFor = switch (ticket.status()) {
                case WAITING_FOR_CUSTOMER -> "ANSWER";
                case RESOLVED -> ticket.kind() == Ticket.Kind.TROUBLE ? "CONFIRMATION" : null;
                default -> null;
            };
            boolean running = runtime.createProcessInstanceQuery().processInstanceId(ticket.processInstanceId()).count() > 0;
            String question = running && "ANSWER".equals(waitingFor)
                    ? (String) runtime.getVariable(ticket.processInstanceId(), QUESTION) : null;
            List<Ticket.Event> timeline = tickets.timeline(number);
            String assignee = running ? (String) runtime.getVariable(ticket.processInstanceId(), ASSIGNEE_NAME) : null;
            return new View(ticket, timeline, waitingFor, question, lastResolution(timeline), assignee);
        });
    }

    /**
     * A comment from the customer: the answer the ticket waits for (the SLA clock resumes), or more information
     * on an open ticket. A resolved or closed ticket takes no comments: confirm, reopen or open a new ticket.
     */
    @Transactional
    public Outcome comment(String number, String token, String message) {
        Optional<Ticket> found = opened(number, token);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        Ticket ticket = found.get();
        boolean awaited = ticket.status() == TicketStatus.WAITING_FOR_CUSTOMER && runtime.createExecutionQuery()
                .processInstanceId(ticket.processInstanceId())
                .messageEventSubscriptionName(SupportProcess.CUSTOMER_REPLIED).count() > 0;
        switch (ticket.status()) {
            case WAITING_FOR_CUSTOMER -> {
                if (!awaited) {
                    return Outcome.NOT_WAITING;
                }
                tickets.record(number, Ticket.EventType.CUSTOMER_REPLIED, message, ticket.contactEmail());
                runtime.createMessageCorrelation(SupportProcess.CUSTOMER_REPLIED)
                        .processInstanceId(ticket.processInstanceId())
                        .setVariable(CUSTOMER_ANSWER, message)
                        .correlateWithResult();
            }
            case RECEIVED, ASSIGNED, IN_PROGRESS -> {
                tickets.record(number, Ticket.EventType.COMMENT, message, ticket.contactEmail());
                runtime.setVariable(ticket.processInstanceId(), CUSTOMER_ANSWER, message);
            }
            default -> {
                return Outcome.NOT_WAITING;
            }
        }
        return Outcome.DONE;
    }

    /** The customer's answer to the resolution: fixed (the ticket closes) or not (it reopens). */
    @Transactional
    public Outcome confirm(String number, String token, boolean resolved, String comment) {
        Optional<Ticket> found = opened(number, token);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        Ticket ticket = found.get();
        boolean waits = ticket.status() == TicketStatus.RESOLVED && runtime.createExecutionQuery()
                .processInstanceId(ticket.processInstanceId())
                .messageEventSubscriptionName(SupportProcess.CONFIRMATION).count() > 0;
        if (!waits) {
            return Outcome.NOT_WAITING;
        }
        if (resolved) {
            tickets.record(number, Ticket.EventType.CONFIRMED, comment == null || comment.isBlank()
                    ? "You confirmed the fix" : "You confirmed the fix: " + comment.trim(), ticket.contactEmail());
        }
        runtime.createMessageCorrelation(SupportProcess.CONFIRMATION)
                .processInstanceId(ticket.processInstanceId())
                .setVariable(CONFIRMED, resolved)
                .setVariable(CONFIRMATION_COMMENT, comment == null ? "" : comment.trim())
                .correlateWithResult();
        return Outcome.DONE;
    }

    /**
     * Runs a customer's answer, once more when it collided with the process moving on at the same moment (an email
     * job ending, a timer firing, a double click); when the process has moved on, the ticket is not waiting for it.
     * Call it from outside the transaction of the answer.
     */
    public static Outcome retryingOnce(java.util.function.Supplier<Outcome> answer) {
        try {
            return answer.get();
        } catch (org.camunda.bpm.engine.OptimisticLockingException collided) {
            try {
                return answer.get();
            } catch (org.camunda.bpm.engine.OptimisticLockingException | MismatchingMessageCorrelationException again) {
                return Outcome.NOT_WAITING;
            }
        } catch (MismatchingMessageCorrelationException movedOn) {
            return Outcome.NOT_WAITING;
        }
    }

    private Optional<Ticket> opened(String number, String token) {
        if (number == null || !links.opens(number, token)) {
            return Optional.empty();
        }
        return tickets.find(number);
    }

    private static String lastResolution(List<Ticket.Event> timeline) {
        return timeline.stream().filter(event -> event.type() == Ticket.EventType.RESOLVED)
                .reduce((first, second) -> second).map(Ticket.Event::detail).orElse(null);
    }
}
