package io.touchpoint.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The days the provider is closed: the public holidays of the configured country (and region), computed for any year
 * by the holiday library Jollyday (on the day they are observed: Independence Day on a Saturday is the Friday
 * before), and the extra closing days of the configuration.
 */
final class Holidays {

    private final HolidayManager manager;
    private final String[] region;
    private final Set<LocalDate> extra;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    Holidays(CalendarProperties properties) {
        this.manager = HolidayManager.getInstance(ManagerParameters.create(properties.holidayCountry()));
        this.region = properties.holidayRegion().isEmpty() ? new String[0] : new String[] {properties.holidayRegion()};
        this.extra = Set.copyOf(properties.extraClosingDays());
    }

    boolean isClosed(LocalDate date) {
        return extra.contains(date) || byYear.computeIfAbsent(date.getYear(), this::publicHolidays).contains(date);
    }

    /** The public holidays observed in a year (a holiday of the year before may be observed on 31 December). */
    private Set<LocalDate> publicHolidays(int year) {
        return Stream.of(year, year + 1)
                .flatMap(y -> manager.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY, region).stream())
                .map(Holiday::getDate).filter(date -> date.getYear() == year).collect(Collectors.toUnmodifiableSet());
    }
}
