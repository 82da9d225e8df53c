package io.touchpoint.notification;

/** An email went into the outbox: once its transaction commits, the dispatcher sends it. */
public record EmailQueued(long outboxId) {
}
