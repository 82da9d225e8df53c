package io.touchpoint.orders;

import io.touchpoint.web.InvalidFieldException;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the e-signature, payment, carrier and equipment providers report on an order. Protected by the API key in
 * the {@code X-API-Key} header ({@code touchpoint.events.api-key}).
 */
@RestController
class OrderEventsController {

    static final String API_KEY_HEADER = "X-API-Key";

    private final OrderEvents events;
    private final byte[] apiKey;

    OrderEventsController(OrderEvents events, @Value("${touchpoint.events.api-key}") String apiKey) {
        this.events = events;
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(path = "/api/orders/{orderNumber}/events", consumes = "application/json", produces = "application/json")
    ResponseEntity<?> receive(@PathVariable String orderNumber,
                              @RequestHeader(name = API_KEY_HEADER, required = false) String key,
                              @Valid @RequestBody OrderEvent event) {
        if (key == null || !MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8))) {
            return problem(HttpStatus.UNAUTHORIZED, "Missing or invalid API key",
                    "Send the integration API key in the " + API_KEY_HEADER + " header.");
        }
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
