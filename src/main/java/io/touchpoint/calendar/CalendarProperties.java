package io.touchpoint.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The provider's business hours: time zone, working days and hours, public holidays.
 *
 * @param zone        the time zone business days are counted in
 * @param workStart   start of the working day (local time)
 * @param workEnd     end of the working day (local time)
 * @param workingDays the days of the week that are working days
 * @param holidays    public holidays (no work on these dates)
 */
@ConfigurationProperties("touchpoint.calendar")
public record CalendarProperties(ZoneId zone, LocalTime workStart, LocalTime workEnd,
                                 Set<DayOfWeek> workingDays, List<LocalDate> holidays) {

    public CalendarProperties {
        if (!workStart.isBefore(workEnd)) {
            throw new IllegalArgumentException("touchpoint.calendar.work-start must be before work-end");
        }
        if (workingDays == null || workingDays.isEmpty()) {
            throw new IllegalArgumentException("touchpoint.calendar.working-days must name at least one day");
        }
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        workingDays = Set.copyOf(workingDays);
    }
}
