package io.touchpoint.support;

import io.touchpoint.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Support timing for the models and delegates, all in business time of the one calendar:
 * {@code ${supportPolicy.answerReminderAt()}}, {@code silenceCloseAt()}, {@code confirmationCloseAt()}, and the
 * due and warning instants of an SLA target.
 */
@Component("supportPolicy")
public class SupportPolicy {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);

    private final SupportProperties settings;
    private final BusinessCalendar calendar;

    public SupportPolicy(SupportProperties settings, BusinessCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    /** A target of {@code minutes} business minutes, started at {@code start}: when it is due and when to warn. */
    public Target target(Instant start, long minutes) {
        Instant due = calendar.plusBusinessTime(start, Duration.ofMinutes(minutes));
        Instant warn = calendar.plusBusinessTime(start, Duration.ofMinutes(minutes * settings.warnAtPercent() / 100));
        return new Target(due, warn);
    }

    /**
     * A target of {@code minutes} of which {@code remainingMinutes} are left, resumed at {@code now}: due when the
     * remaining time has passed, warned when only {@code 100 - warnAtPercent} % of the whole target is left (at
     * once, if that is already so).
     */
    public Target resume(Instant now, long minutes, long remainingMinutes) {
        Instant due = calendar.plusBusinessTime(now, Duration.ofMinutes(remainingMinutes));
        long leftAtWarning = minutes * (100 - settings.warnAtPercent()) / 100;
        Instant warn = calendar.plusBusinessTime(now, Duration.ofMinutes(Math.max(0, remainingMinutes - leftAtWarning)));
        return new Target(due, warn);
    }

    /** Business minutes left until {@code due}, counted from now; zero when it has passed. */
    public long remainingMinutes(Date due) {
        return calendar.businessTimeBetween(calendar.now(), due.toInstant()).toMinutes();
    }

    public Date answerReminderAt() {
        return calendar.businessDaysFromNow(settings.answerReminderAfterBusinessDays());
    }

    public Date silenceCloseAt() {
        return calendar.businessDaysFromNow(settings.silenceCloseAfterBusinessDays());
    }

    public Date confirmationCloseAt() {
        return calendar.businessDaysFromNow(settings.confirmationCloseAfterBusinessDays());
    }

    /** "Tue 1 Dec 2026, 10:00 EST", in the calendar's zone, for emails and forms. */
    public String format(Date date) {
        return date == null ? null : READABLE.format(date.toInstant().atZone(calendar.zone()));
    }

    public String format(Instant instant) {
        return instant == null ? null : format(Date.from(instant));
    }

    /** The SLA table's customer tier of an account. */
    public String tierOf(String accountNumber) {
        return accountNumber != null && settings.premiumAccounts().contains(accountNumber.trim()) ? "PREMIUM" : "STANDARD";
    }

    /** Whether the ticket is worked by second-level support already: {@code ${supportPolicy.atSecondLevel(execution)}}. */
    public boolean atSecondLevel(VariableScope scope) {
        return SupportProcess.SECOND_LEVEL.equals(scope.getVariable(SupportProcess.Vars.WORKING_GROUP));
    }

    public record Target(Instant due, Instant warnAt) {
    }
}
