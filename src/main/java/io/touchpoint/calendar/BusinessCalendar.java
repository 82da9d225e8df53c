package io.touchpoint.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one place that knows business time. Timers and user-task due dates reach it through
 * expressions such as {@code ${businessCalendar.businessDaysFromNow(2)}}.
 *
 * <p>"Now" is the engine's clock ({@link ClockUtil}), so process tests can move time.
 */
@Component("businessCalendar")
public class BusinessCalendar {

    private final CalendarProperties properties;
    private final Holidays holidays;

    public BusinessCalendar(CalendarProperties properties) {
        this.properties = properties;
        this.holidays = new Holidays(properties);
    }

    /** Whether the instant falls on a working day, within working hours. */
    public boolean isBusinessTime(Instant instant) {
        ZonedDateTime local = instant.atZone(properties.zone());
        return isWorkingDay(local.toLocalDate())
                && !local.toLocalTime().isBefore(properties.workStart())
                && local.toLocalTime().isBefore(properties.workEnd());
    }

    public boolean isWorkingDay(LocalDate date) {
        return properties.workingDays().contains(date.getDayOfWeek()) && !holidays.isClosed(date);
    }

    /**
     * The end of business day {@code days} after the given instant: one business day after a Monday request
     * is Tuesday at the end of working hours. A start outside business hours counts from the next opening.
     */
    public Instant plusBusinessDays(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        ZonedDateTime local = from.atZone(properties.zone());
        // a moment up to closing time still belongs to its business day: 17:00 plus one day is 17:00 tomorrow
        LocalDate date = isWorkingDay(local.toLocalDate()) && !local.toLocalTime().isAfter(properties.workEnd())
                ? local.toLocalDate() : nextBusinessMoment(local).toLocalDate();
        for (int counted = 0; counted < days; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date.atTime(properties.workEnd()).atZone(properties.zone()).toInstant();
    }

    /** The instant when the given amount of working time has passed, counting only business hours. */
    public Instant plusBusinessTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        ZonedDateTime cursor = nextBusinessMoment(from.atZone(properties.zone()));
        Duration left = amount;
        while (true) {
            ZonedDateTime closing = cursor.toLocalDate().atTime(properties.workEnd()).atZone(properties.zone());
            Duration today = Duration.between(cursor, closing);
            if (left.compareTo(today) <= 0) {
                return cursor.plus(left).toInstant();
            }
            left = left.minus(today);
            cursor = nextBusinessMoment(closing);
        }
    }

    /** Business working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration businessTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        ZonedDateTime cursor = nextBusinessMoment(from.atZone(properties.zone()));
        ZonedDateTime end = to.atZone(properties.zone());
        while (cursor.isBefore(end)) {
            ZonedDateTime closing = cursor.toLocalDate().atTime(properties.workEnd()).atZone(properties.zone());
            ZonedDateTime stop = closing.isBefore(end) ? closing : end;
            total = total.plus(Duration.between(cursor, stop));
            cursor = nextBusinessMoment(closing);
        }
        return total;
    }

    /** The opening of the first business day after the day of {@code from}: when "the next day" begins. */
    public Instant openingOfNextBusinessDay(Instant from) {
        LocalDate date = from.atZone(properties.zone()).toLocalDate().plusDays(1);
        while (!isWorkingDay(date)) {
            date = date.plusDays(1);
        }
        return date.atTime(properties.workStart()).atZone(properties.zone()).toInstant();
    }

    /** For due dates in models: {@code ${businessCalendar.businessDaysFromNow(2)}}. */
    public Date businessDaysFromNow(int days) {
        return Date.from(plusBusinessDays(now(), days));
    }

    /** For due dates counted from an event: {@code ${businessCalendar.businessDaysAfter(installAt, 1)}}. */
    public Date businessDaysAfter(Date from, int days) {
        return Date.from(plusBusinessDays(from == null ? now() : from.toInstant(), days));
    }

    /** For due dates in models: {@code ${businessCalendar.businessHoursFromNow(4)}}. */
    public Date businessHoursFromNow(int hours) {
        return Date.from(plusBusinessTime(now(), Duration.ofHours(hours)));
    }

    /** The calendar's time zone, in which business days and hours are counted and dates are shown. */
    public java.time.ZoneId zone() {
        return properties.zone();
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private ZonedDateTime nextBusinessMoment(ZonedDateTime moment) {
        ZonedDateTime cursor = moment;
        while (true) {
            LocalDate date = cursor.toLocalDate();
            ZonedDateTime opening = date.atTime(properties.workStart()).atZone(properties.zone());
            ZonedDateTime closing = date.atTime(properties.workEnd()).atZone(properties.zone());
            if (isWorkingDay(date) && cursor.isBefore(closing)) {
                return cursor.isBefore(opening) ? opening : cursor;
            }
            cursor = date.plusDays(1).atStartOfDay(properties.zone());
        }
    }
}
