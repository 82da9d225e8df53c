package io.touchpoint.notification;

import java.time.Duration;
import java.time.Instant;

/**
 * A calendar invite sent with an email (as {@code invite.ics}, see {@link CalendarInvites}). The organizer is
 * Touchpoint's sender and the attendees are the email's recipients, so they are not part of the invite itself.
 *
 * @param uid      stable id of the event: an invite with the same uid updates the earlier one in the recipient's
 *                 calendar
 * @param sequence 0 for the first invite; raise it for every update of the same uid
 * @param start    when the event starts
 * @param duration how long it lasts
 * @param title    what the calendar shows; {@code null} for the subject of the email
 * @param location where, or {@code null}
 */
public record CalendarInvite(String uid, int sequence, Instant start, Duration duration, String title,
                             String location) {

    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(60);

    public CalendarInvite {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("A calendar invite needs a uid");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("The sequence of a calendar invite cannot be negative: " + sequence);
        }
        if (start == null) {
            throw new IllegalArgumentException("A calendar invite needs a start");
        }
        if (duration == null) {
            duration = DEFAULT_DURATION;
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The duration of a calendar invite must be positive: " + duration);
        }
    }

    public Instant end() {
        return start.plus(duration);
    }

    /** This invite with the given title when it has none. */
    public CalendarInvite titledIfUntitled(String fallback) {
        return title != null && !title.isBlank() ? this : new CalendarInvite(uid, sequence, start, duration, fallback, location);
    }
}
