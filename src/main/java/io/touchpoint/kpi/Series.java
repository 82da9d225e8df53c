package io.touchpoint.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One KPI's measurements of the period, kept per week (Monday to Sunday in the business time zone), and turned into
 * the figure over the whole period and the weekly points by one rule: a percentile, a share, an average or a count.
 */
final class Series {

    enum Rule { MEDIAN, P90, PERCENT, AVERAGE, COUNT }

    private final List<LocalDate> weeks;
    private final ZoneId zone;
    private final Map<LocalDate, List<Double>> values = new LinkedHashMap<>();

    Series(List<LocalDate> weeks, ZoneId zone) {
        this.weeks = weeks;
        this.zone = zone;
        weeks.forEach(week -> values.put(week, new ArrayList<>()));
    }

    static List<LocalDate> weeks(LocalDate from, LocalDate to) {
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate week = weekOf(from); !week.isAfter(to); week = week.plusWeeks(1)) {
            weeks.add(week);
        }
        return weeks;
    }

    static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** One measurement at {@code at}; for a share, 1 for a hit and 0 for a miss. Outside the period: ignored. */
    void add(Instant at, double value) {
        List<Double> week = values.get(weekOf(at.atZone(zone).toLocalDate()));
        if (week != null) {
            week.add(value);
        }
    }

    void hit(Instant at, boolean hit) {
        add(at, hit ? 1 : 0);
    }

    KpiReport.Figure figure(String id, String catalogue, String label, String unit, Rule rule, boolean narrowed,
                            String meaning) {
        List<Double> all = values.values().stream().flatMap(List::stream).toList();
        List<KpiReport.Point> weekly = weeks.stream()
                .map(week -> new KpiReport.Point(week, compute(values.get(week), rule), values.get(week).size()))
                .toList();
        return new KpiReport.Figure(id, catalogue, label, unit, compute(all, rule), all.size(), narrowed, meaning,
                weekly);
    }

    private static Double compute(List<Double> values, Rule rule) {
        if (rule == Rule.COUNT) {
            return (double) values.size();
        }
        if (values.isEmpty()) {
            return null;
        }
        Function<List<Double>, Double> average = list -> list.stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow();
        double value = switch (rule) {
            case MEDIAN -> Percentiles.of(values, 0.5);
            case P90 -> Percentiles.of(values, 0.9);
            case PERCENT -> 100 * average.apply(values);
            case AVERAGE -> average.apply(values);
            case COUNT -> values.size();
        };
        return Math.round(value * 100) / 100.0;
    }
}
