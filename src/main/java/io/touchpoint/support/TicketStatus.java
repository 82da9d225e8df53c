package io.touchpoint.support;

/** Where a ticket stands, as the customer sees it on the tracking page. */
public enum TicketStatus {
    /** Registered, not yet with an agent. */
    RECEIVED,
    /** With an agent, who has not acknowledged it yet. */
    ASSIGNED,
    /** Acknowledged and being worked on. */
    IN_PROGRESS,
    /** The agent asked a question; the SLA clock is paused until the customer answers. */
    WAITING_FOR_CUSTOMER,
    /** The agent sent a resolution; waiting for the customer to confirm or reopen. */
    RESOLVED,
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
