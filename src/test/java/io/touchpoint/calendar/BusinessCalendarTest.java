package io.touchpoint.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.testing.ProcessTestBeans;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Business time as the provider counts it: New York, 08:00 to 17:00, Monday to Friday, US public holidays off. */
class BusinessCalendarTest {

    BusinessCalendar calendar = new BusinessCalendar(ProcessTestBeans.CALENDAR);

    @Test
    void oneBusinessDayAfterAMondayRequestIsTuesdayAtClosing() {
        assertThat(calendar.plusBusinessDays(ny("2026-11-16T10:00"), 1)).isEqualTo(ny("2026-11-17T17:00"));
    }

    @Test
    void dueAtClosingTimePlusBusinessDaysIsClosingTimeThoseDaysLater() {
        assertThat(calendar.plusBusinessDays(ny("2026-12-10T17:00"), 7)).isEqualTo(ny("2026-12-21T17:00"));
    }

    @Test
    void businessDaysSkipTheWeekend() {
        assertThat(calendar.plusBusinessDays(ny("2026-11-20T10:00"), 1)).isEqualTo(ny("2026-11-23T17:00"));
    }

    @Test
    void businessDaysSkipPublicHolidays() {
        assertThat(calendar.plusBusinessDays(ny("2026-11-25T10:00"), 1)).isEqualTo(ny("2026-11-27T17:00"));
    }

    @Test
    void theUsPublicHolidaysAreClosedInAnyYearOnTheDayTheyAreObserved() {
        for (String holiday : List.of("2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19",
                "2026-07-03", "2026-09-07", "2026-11-11", "2026-11-26", "2026-12-25", "2027-12-24",
                "2027-12-31", "2031-05-26", "2035-11-22")) {
            assertThat(calendar.isWorkingDay(LocalDate.parse(holiday))).as(holiday).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-07-06"))).as("the Monday after Independence Day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-24"))).isTrue();
    }

    @Test
    void extraClosingDaysOfTheConfigurationAreClosedToo() {
        CalendarProperties base = ProcessTestBeans.CALENDAR;
        BusinessCalendar withDayOff = new BusinessCalendar(new CalendarProperties(base.zone(), base.workStart(),
                base.workEnd(), base.workingDays(), "US", "", List.of(LocalDate.parse("2026-12-24"))));
        assertThat(withDayOff.isWorkingDay(LocalDate.parse("2026-12-24"))).isFalse();
        assertThat(withDayOff.plusBusinessDays(ny("2026-12-23T10:00"), 1)).isEqualTo(ny("2026-12-28T17:00"));
    }

    @Test
    void requestAfterHoursCountsFromTheNextOpening() {
        assertThat(calendar.plusBusinessDays(ny("2026-11-16T19:30"), 1)).isEqualTo(ny("2026-11-18T17:00"));
        assertThat(calendar.plusBusinessTime(ny("2026-11-21T09:00"), Duration.ofHours(1))).isEqualTo(ny("2026-11-23T09:00"));
    }

    @Test
    void businessHoursCarryOverToTheNextWorkingDay() {
        assertThat(calendar.plusBusinessTime(ny("2026-11-16T16:00"), Duration.ofHours(4))).isEqualTo(ny("2026-11-17T11:00"));
    }

    @Test
    void businessHoursAcrossTheEndOfDaylightSavingTimeKeepLocalHours() {
        // Clocks go back on Sunday 1 November 2026: Friday 16:00 EDT plus 2 business hours is Monday 09:00 EST.
        Instant friday = ny("2026-10-30T16:00");
        Instant monday = calendar.plusBusinessTime(friday, Duration.ofHours(2));
        assertThat(monday).isEqualTo(ny("2026-11-02T09:00"));
        assertThat(Duration.between(friday, monday)).isEqualTo(Duration.ofHours(66));
    }

    @Test
    void tellsWhetherAnInstantIsInBusinessTime() {
        assertThat(calendar.isBusinessTime(ny("2026-11-16T08:00"))).isTrue();
        assertThat(calendar.isBusinessTime(ny("2026-11-16T17:00"))).isFalse();
        assertThat(calendar.isBusinessTime(ny("2026-11-21T11:00"))).isFalse();
        assertThat(calendar.isBusinessTime(ny("2026-11-26T11:00"))).isFalse();
    }

    @Test
    void measuresBusinessTimeBetweenTwoInstants() {
        assertThat(calendar.businessTimeBetween(ny("2026-11-20T16:00"), ny("2026-11-23T09:30")))
                .isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void refusesNegativeAmounts() {
        assertThatThrownBy(() -> calendar.plusBusinessDays(ny("2026-11-16T10:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Instant ny(String local) {
        return LocalDateTime.parse(local).atZone(ProcessTestBeans.CALENDAR.zone()).toInstant();
    }
}
