package io.touchpoint.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The provider's business hours ({@code touchpoint.calendar.*}): time zone, working days and hours, public holidays.
 *
 * @param zone             the time zone business days are counted in
 * @param workStart        start of the working day (local time)
 * @param workEnd          end of the working day (local time)
 * @param workingDays      the days of the week that are working days
 * @param holidayCountry   the country whose public holidays are closed, as the holiday library Jollyday names it
 *                         (ISO 3166 code such as {@code US}, {@code CA}, {@code DE})
 * @param holidayRegion    a region of that country whose own holidays are closed too (e.g. {@code ny}); empty: the
 *                         country's only
 * @param extraClosingDays other days the provider is closed (ISO dates), such as a company day off
 */
@ConfigurationProperties("touchpoint.calendar")
@Validated
public record CalendarProperties(@NotNull ZoneId zone, @NotNull LocalTime workStart, @NotNull LocalTime workEnd,
                                 @NotEmpty Set<DayOfWeek> workingDays, @NotBlank String holidayCountry,
                                 String holidayRegion, List<LocalDate> extraClosingDays) {

    public CalendarProperties {
        if (workStart != null && workEnd != null && !workStart.isBefore(workEnd)) {
            throw new IllegalArgumentException("touchpoint.calendar.work-start must be before work-end");
        }
        workingDays = workingDays == null ? Set.of() : Set.copyOf(workingDays);
        holidayRegion = holidayRegion == null ? "" : holidayRegion.trim();
        extraClosingDays = extraClosingDays == null ? List.of() : List.copyOf(extraClosingDays);
    }
}
