package io.touchpoint.portal;

import io.touchpoint.knowledge.Article;
import io.touchpoint.knowledge.KnowledgeBase;
import io.touchpoint.support.NewTicket;
import io.touchpoint.support.Ticket;
import io.touchpoint.support.TicketLinks;
import io.touchpoint.support.TicketService;
import io.touchpoint.support.Tickets;
import io.touchpoint.survey.SurveyService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * My requests (REG-03, REG-04, REG-06): the company's trouble tickets and service requests, each opened only when its
 * contact is an address of the customer's company (anything else is "not found", never "forbidden", so nobody learns
 * that another company's ticket exists); replies and confirmations go through {@link TicketService} with the ticket's
 * own token, as on the tracking page; a new request goes through {@link TicketService#open} with the channel
 * {@code PORTAL}, after the portal showed the published articles matching its words.
 */
@Service
public class PortalRequests {

    /** Each status in the customer's words. */
    public static final Map<String, String> STATUS_WORDS = Map.of("RECEIVED", "Received", "ASSIGNED",
            "With an agent", "IN_PROGRESS", "Being worked on", "WAITING_FOR_CUSTOMER", "Waiting for your answer",
            "RESOLVED", "Resolved: please confirm", "CLOSED", "Closed");

    /** A request as the portal shows it: what the tracking page shows, and the link to its open survey, if any. */
    public record Detail(TicketService.View view, String surveyLink) {
    }

    private final Tickets tickets;
    private final TicketService service;
    private final TicketLinks links;
    private final KnowledgeBase knowledgeBase;
    private final SurveyService surveys;
    private final Validator validator;

    PortalRequests(Tickets tickets, TicketService service, TicketLinks links, KnowledgeBase knowledgeBase,
                   SurveyService surveys, Validator validator) {
        this.tickets = tickets;
        this.service = service;
        this.links = links;
        this.knowledgeBase = knowledgeBase;
        this.surveys = surveys;
        this.validator = validator;
    }

    public List<Ticket> list(PortalCustomers.Customer customer) {
        return tickets.ofContacts(customer.emails());
    }

    /** The request, when it is one of the customer's company; empty for another company's and an unknown one alike. */
    public Optional<Detail> find(PortalCustomers.Customer customer, String number) {
        return owned(customer, number).flatMap(ticket -> service.view(ticket.number(), links.token(ticket.number())))
                .map(view -> new Detail(view, surveys.portalLink(view.ticket().number())
                        .map(survey -> "/survey/" + survey.id() + "?token=" + survey.token()).orElse(null)));
    }

    public TicketService.Outcome comment(PortalCustomers.Customer customer, String number, String message) {
        return owned(customer, number).map(ticket -> service.comment(ticket.number(), links.token(ticket.number()), message))
                .orElse(TicketService.Outcome.NOT_FOUND);
    }

    public TicketService.Outcome confirm(PortalCustomers.Customer customer, String number, boolean resolved,
                                         String comment) {
        return owned(customer, number).map(ticket -> service.confirm(ticket.number(), links.token(ticket.number()),
                resolved, comment)).orElse(TicketService.Outcome.NOT_FOUND);
    }

    /** The published articles that match what the customer typed (REG-06). */
    public List<Article> suggestions(String subject, String description) {
        return knowledgeBase.searchPublished((subject == null ? "" : subject) + " " + (description == null ? "" : description))
                .stream().limit(5).toList();
    }

    /**
     * The request as {@code POST /api/tickets} would take it from this customer; the problems by field (empty when
     * none).
     */
    public Map<String, String> problems(NewTicket request) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (ConstraintViolation<NewTicket> violation : validator.validate(request)) {
            problems.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return problems;
    }

    /** Opens the request for the customer, from the portal. */
    public TicketService.Created open(PortalCustomers.Customer customer, String subject, String description,
                                      NewTicket.Category category, NewTicket.Level impact, NewTicket.Level urgency) {
        return service.open(request(customer, subject, description, category, impact, urgency));
    }

    public NewTicket request(PortalCustomers.Customer customer, String subject, String description,
                             NewTicket.Category category, NewTicket.Level impact, NewTicket.Level urgency) {
        return new NewTicket(subject == null ? null : subject.trim(), description == null ? null : description.trim(),
                category, null, impact, urgency, customer.account().email(), customer.account().displayName(), null,
                NewTicket.Channel.PORTAL, NewTicket.RequesterType.CUSTOMER, null);
    }

    private Optional<Ticket> owned(PortalCustomers.Customer customer, String number) {
        if (number == null || number.length() > 20) {
            return Optional.empty();
        }
        return tickets.find(number.trim()).filter(ticket -> customer.owns(ticket.contactEmail()));
    }
}
