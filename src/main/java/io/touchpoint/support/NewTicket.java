package io.touchpoint.support;

import io.touchpoint.web.Mailbox;
import io.touchpoint.web.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What {@code POST /api/tickets} accepts (SUP-01, SUP-02): a trouble ticket or a service request, by category.
 * Either {@code priority}, or {@code impact} and {@code urgency} (then the priority follows from them). An employee
 * ({@code requesterType} EMPLOYEE) names their {@code project}: its personnel take the ticket (SUP-13).
 */
public record NewTicket(
        @NotBlank @Size(max = 200) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE) String subject,
        @NotBlank @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE, message = Text.MULTI_LINE_MESSAGE) String description,
        @NotNull Category category,
        Priority priority,
        Level impact,
        Level urgency,
        @NotBlank @Size(max = 254) @Mailbox String requesterEmail,
        @NotBlank @Size(max = 120) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE) String requesterName,
        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]*", message = "must be letters, digits and dashes") String accountNumber,
        Channel channel,
        RequesterType requesterType,
        @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9-]*", message = "must be letters, digits and dashes") String project) {

    public enum Category {
        OUTAGE, DEGRADED_SERVICE, EQUIPMENT, ACCESS, BILLING, MOVE_ADD_CHANGE, GENERAL;

        /** Billing, move/add/change and general inquiries are service requests; the rest are trouble tickets. */
        public Ticket.Kind kind() {
            return this == BILLING || this == MOVE_ADD_CHANGE || this == GENERAL ? Ticket.Kind.SERVICE_REQUEST
                    : Ticket.Kind.TROUBLE;
        }
    }

    public enum Priority { P1, P2, P3, P4 }

    public enum Level { HIGH, MEDIUM, LOW }

    public enum Channel { PORTAL, EMAIL, PHONE }

    public enum RequesterType { CUSTOMER, EMPLOYEE }

    /** The priority given, or the one impact and urgency make (the usual impact × urgency matrix); null if neither. */
    public Priority effectivePriority() {
        if (priority != null) {
            return priority;
        }
        if (impact == null || urgency == null) {
            return null;
        }
        int score = impact.ordinal() + urgency.ordinal(); // HIGH = 0
        return switch (score) {
            case 0 -> Priority.P1;
            case 1 -> Priority.P2;
            case 2 -> Priority.P3;
            default -> Priority.P4;
        };
    }
}
