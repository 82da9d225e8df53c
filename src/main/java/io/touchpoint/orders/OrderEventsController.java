package io.touchpoint.orders;

import io.touchpoint.web.InvalidFieldException;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the e-signature, payment, carrier and equipment providers report on an order. Protected by the API key in
 * the {@code X-API-Key} header ({@code touchpoint.events.api-key}), which {@link EventsApiKeyFilter} checks before
 * the body is read.
 */
@RestController
class OrderEventsController {

    private final OrderEvents events;

    OrderEventsController(OrderEvents events) {
        this.events = events;
    }

    @PostMapping(path = "/api/orders/{orderNumber}/events", consumes = "application/json", produces = "application/json")
    ResponseEntity<?> receive(@PathVariable String orderNumber,
                              @Valid @RequestBody OrderEvent event) {
        String missing = event.missingField();
        if (missing != null) {
            throw new InvalidFieldException(missing, "is required for " + event.type());
        }
        return switch (events.deliver(orderNumber, event)) {
            case ACCEPTED -> ResponseEntity.accepted().body(body(orderNumber, event, "ACCEPTED"));
            case ALREADY_RECEIVED -> ResponseEntity.ok(body(orderNumber, event, "ALREADY_RECEIVED"));
            case UNKNOWN_ORDER -> problem(HttpStatus.NOT_FOUND, "Unknown order", "There is no order " + orderNumber + ".");
            case NOT_WAITING -> problem(HttpStatus.CONFLICT, "Order is not waiting for this event",
                    "Order " + orderNumber + " is not waiting for " + event.type() + ".");
        };
    }

    private static Map<String, String> body(String orderNumber, OrderEvent event, String status) {
        return Map.of("orderNumber", orderNumber, "type", event.type().name(), "status", status);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
