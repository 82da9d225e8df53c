package io.touchpoint.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.limits.RateLimits;
import io.touchpoint.web.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public ticket API (SUP-02, SUP-08, SUP-09). Reading and answering a ticket needs its tracking token, as
 * query parameter {@code token} or header {@code X-Tracking-Token}; an unknown number and a wrong token both
 * answer 404, so that numbers cannot be probed.
 */
@RestController
class TicketController {

    static final String TOKEN_HEADER = "X-Tracking-Token";

    private final TicketService service;
    private final RateLimits limits;

    TicketController(TicketService service, RateLimits limits) {
        this.service = service;
        this.limits = limits;
    }

    record Comment(@NotBlank @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE, message = Text.MULTI_LINE_MESSAGE) String message) {
    }

    record Confirmation(@NotNull Boolean resolved, @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE, message = Text.MULTI_LINE_MESSAGE) String comment) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TicketJson(String ticketNumber, Ticket.Kind kind, String subject, String category, String priority,
                      TicketStatus status, String assignedTo, int escalationLevel, int reopenCount, String waitingFor,
                      String question, String resolution, Sla sla, Instant createdAt, Instant closedAt,
                      List<EventJson> timeline) {

        static TicketJson of(TicketService.View view) {
            Ticket t = view.ticket();
            return new TicketJson(t.number(), t.kind(), t.subject(), t.category(), t.priority(), t.status(),
                    view.assigneeName(), t.escalationLevel(), t.reopenCount(), view.waitingFor(), view.question(),
                    view.resolution(), new Sla(t.firstResponseDue(), t.resolutionDue(),
                    t.status() == TicketStatus.WAITING_FOR_CUSTOMER), t.createdAt(), t.closedAt(),
                    view.timeline().stream().map(e -> new EventJson(e.at(), e.type(), e.detail())).toList());
        }
    }

    /** SLA due times; while the clock is paused (waiting for the customer) the resolution has no due time. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sla(Instant firstResponseDue, Instant resolutionDue, boolean paused) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventJson(Instant at, Ticket.EventType type, String detail) {
    }

    @PostMapping(path = "/api/tickets", consumes = "application/json", produces = "application/json")
    ResponseEntity<TicketService.Created> open(@Valid @RequestBody NewTicket request) {
        limits.takeForRecipient(request.requesterEmail());
        TicketService.Created created = service.open(request);
        return ResponseEntity.created(URI.create("/api/tickets/" + created.ticketNumber())).body(created);
    }

    @GetMapping(path = "/api/tickets/{number}", produces = "application/json")
    ResponseEntity<?> read(@PathVariable String number, @RequestParam(name = "token", required = false) String token,
                           @RequestHeader(name = TOKEN_HEADER, required = false) String headerToken) {
        return service.view(number, token(token, headerToken))
                .<ResponseEntity<?>>map(view -> ResponseEntity.ok(TicketJson.of(view)))
                .orElseGet(() -> notFound(number));
    }

    @PostMapping(path = "/api/tickets/{number}/comments", consumes = "application/json", produces = "application/json")
    ResponseEntity<?> comment(@PathVariable String number, @RequestParam(name = "token", required = false) String token,
                              @RequestHeader(name = TOKEN_HEADER, required = false) String headerToken,
                              @Valid @RequestBody Comment comment) {
        String key = token(token, headerToken);
        return answer(number, key, service.comment(number, key, comment.message().trim()),
                "Ticket " + number + " takes no comments now: it is resolved or closed. Confirm or reopen the "
                        + "resolution, or open a new ticket.");
    }

    @PostMapping(path = "/api/tickets/{number}/confirmation", consumes = "application/json", produces = "application/json")
    ResponseEntity<?> confirm(@PathVariable String number, @RequestParam(name = "token", required = false) String token,
                              @RequestHeader(name = TOKEN_HEADER, required = false) String headerToken,
                              @Valid @RequestBody Confirmation confirmation) {
        String key = token(token, headerToken);
        return answer(number, key, service.confirm(number, key, confirmation.resolved(), confirmation.comment()),
                "Ticket " + number + " is not waiting for a confirmation: only a resolved ticket is.");
    }

    /**
     * The ticket's process moved at the very moment of the answer (an SLA timer firing while the customer answers):
     * nothing changed, and the customer may send it again.
     */
    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ProblemDetail> changedMeanwhile() {
        return problem(HttpStatus.CONFLICT, "Ticket changed at the same moment", TicketService.CHANGED_MEANWHILE);
    }

    private ResponseEntity<?> answer(String number, String token, TicketService.Outcome outcome, String conflict) {
        return switch (outcome) {
            case DONE -> ResponseEntity.ok(TicketJson.of(service.view(number, token).orElseThrow()));
            case NOT_FOUND -> notFound(number);
            case NOT_WAITING -> problem(HttpStatus.CONFLICT, "Ticket is not waiting for this", conflict);
        };
    }

    private static String token(String query, String header) {
        return header != null && !header.isBlank() ? header : query;
    }

    private static ResponseEntity<?> notFound(String number) {
        return problem(HttpStatus.NOT_FOUND, "Unknown ticket",
                "There is no ticket " + number + " for this tracking token. Use the link from your email.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
