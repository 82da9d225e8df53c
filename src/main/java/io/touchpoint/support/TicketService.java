package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import io.touchpoint.numbering.BusinessNumbers;
import io.touchpoint.web.InvalidFieldException;
import java.util.List;
import java.util.Optional;
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

    /** What the customer reads when the ticket's process moved at the very moment of their answer. */
    public static final String CHANGED_MEANWHILE = "The ticket changed at the same moment as your answer, which was not "
            + "saved. Please try again.";

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
    private final TimelineTexts texts;

    public TicketService(RuntimeService runtime, BusinessNumbers numbers, Tickets tickets, TicketLinks links,
                         TimelineTexts texts) {
        this.runtime = runtime;
        this.numbers = numbers;
        this.tickets = tickets;
        this.links = links;
        this.texts = texts;
    }

    /**
     * Not one transaction: the number is taken in a transaction of its own first, then the process starts in the
     * engine's. Taking it inside an open transaction would hold two connections per request, and a burst of
     * requests would wait for each other's second connection until the pool timed out.
     */
    public Created open(NewTicket request) {
        return open(request, java.util.Map.of());
    }

    /**
     * As {@link #open(NewTicket)}, with more start variables that the API does not take from customers: the email
     * channel (SUP-14) gives the customer's company when it knows the sender ({@code companyName}).
     */
    public Created open(NewTicket request, java.util.Map<String, Object> more) {
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
                        (request.requesterType() == null ? NewTicket.RequesterType.CUSTOMER : request.requesterType()).name())
                .putValue(PROJECT, request.project() == null ? "" : request.project().trim());
        more.forEach(variables::putValue);
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
     * <p>
     * The ticket's row is locked first, so that answers to one ticket queue up: of several at once, the first that
     * finds the ticket waiting answers the question, the others find it in progress and are comments; each is in
     * the timeline. On a ticket in progress the comment also becomes {@code customerAnswer}, which the agent's work
     * form shows; the form never writes it back (the field is disabled), so the comment does not collide with the
     * agent completing the task.
     */
    @Transactional
    public Outcome comment(String number, String token, String message) {
        Optional<Ticket> found = locked(number, token);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        Ticket ticket = found.get();
        switch (ticket.status()) {
            case WAITING_FOR_CUSTOMER -> {
                if (!subscribed(ticket, SupportProcess.CUSTOMER_REPLIED)) {
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

    /**
     * The customer's answer to the resolution: fixed (the ticket closes) or not (it reopens). Under the ticket's
     * lock, as comments: of two answers at once, the second finds the ticket closed or reopened.
     */
    @Transactional
    public Outcome confirm(String number, String token, boolean resolved, String comment) {
        Optional<Ticket> found = locked(number, token);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        Ticket ticket = found.get();
        if (ticket.status() != TicketStatus.RESOLVED || !subscribed(ticket, SupportProcess.CONFIRMATION)) {
            return Outcome.NOT_WAITING;
        }
        if (resolved) {
            tickets.record(number, Ticket.EventType.CONFIRMED, comment == null || comment.isBlank()
                    ? texts.text("confirmed") : texts.text("confirmed.comment", comment.trim()), ticket.contactEmail());
        }
        tickets.confirmation(number, resolved, comment);
        runtime.createMessageCorrelation(SupportProcess.CONFIRMATION)
                .processInstanceId(ticket.processInstanceId())
                .setVariable(CONFIRMED, resolved)
                .setVariable(CONFIRMATION_COMMENT, comment == null ? "" : comment.trim())
                .correlateWithResult();
        return Outcome.DONE;
    }

    /** The ticket, locked until the caller's transaction ends, when the token opens it. */
    private Optional<Ticket> locked(String number, String token) {
        if (number == null || !links.opens(number, token)) {
            return Optional.empty();
        }
        return tickets.lock(number);
    }

    private boolean subscribed(Ticket ticket, String message) {
        return runtime.createExecutionQuery().processInstanceId(ticket.processInstanceId())
                .messageEventSubscriptionName(message).count() > 0;
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
