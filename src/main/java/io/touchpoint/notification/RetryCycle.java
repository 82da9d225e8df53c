package io.touchpoint.notification;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A retry cycle in the engine's notation, an ISO-8601 repeating interval: {@code R5/PT1M} is five retries a minute
 * apart, so six attempts in all.
 *
 * @param retries  how many times a failed attempt is repeated
 * @param interval the time between two attempts
 */
public record RetryCycle(int retries, Duration interval) {

    private static final Pattern REPEAT = Pattern.compile("R(\\d+)/(P\\S+)");

    public RetryCycle {
        if (retries < 0 || interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("A retry cycle needs a number of retries and an interval");
        }
    }

    /** @throws IllegalArgumentException naming the setting when {@code cycle} is not of the form R5/PT1M */
    public static RetryCycle parse(String cycle) {
        Matcher repeat = REPEAT.matcher(cycle == null ? "" : cycle.trim());
        try {
            if (repeat.matches()) {
                return new RetryCycle(Integer.parseInt(repeat.group(1)), Duration.parse(repeat.group(2)));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException("touchpoint.mail.retry-cycle must be an ISO-8601 repeating interval such as "
                + "R5/PT1M (5 retries, a minute apart), not '" + cycle + "'");
    }

    /** The binding of {@code touchpoint.mail.retry-cycle} from its text (see {@link #parse}). */
    public static RetryCycle valueOf(String cycle) {
        return parse(cycle);
    }

    @Override
    public String toString() {
        return "R" + retries + "/" + interval;
    }

    /** Whether another attempt follows the given number of failed attempts. */
    public boolean retriesAfter(int failedAttempts) {
        return failedAttempts <= retries;
    }
}
