package io.touchpoint.orders;

import io.touchpoint.web.PlausibleDate;
import io.touchpoint.web.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * One event about an order, as {@code POST /api/orders/{orderNumber}/events} accepts it.
 *
 * @param type      what happened
 * @param reference the provider's own id of the event (optional, kept for tracing)
 * @param focAt     the firm order commitment date and time, for FOC_RECEIVED and FOC_CHANGED
 * @param reason    why the carrier rejected the port, for PORT_REJECTED
 */
public record OrderEvent(@NotNull OrderEventType type, @Size(max = 200) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE) String reference,
                         @PlausibleDate OffsetDateTime focAt,
                         @Size(max = 1000) @Pattern(regexp = Text.MULTI_LINE, message = Text.MULTI_LINE_MESSAGE) String reason) {

    public static OrderEvent of(OrderEventType type) {
        return new OrderEvent(type, null, null, null);
    }

    /** The field this event lacks for its type, or null when it is complete. */
    public String missingField() {
        return switch (type.carries) {
            case FOC_AT -> focAt == null ? "focAt" : null;
            case REASON -> reason == null || reason.isBlank() ? "reason" : null;
            case NOTHING -> null;
        };
    }
}
