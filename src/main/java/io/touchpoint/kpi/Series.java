package io.touchpoint.kpi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * One KPI's measurements of the period, kept per week (Monday to Sunday in the business time zone), and turned into
 * the figure over the whole period and the weekly points by one rule: a percentile, a share, an average or a count.
 *
 * <p>With 100,000 tickets a year this runs once per row for about ten series, so it keeps numbers, not objects: a
 * measurement's week is found among the weeks' first instants (epoch milliseconds, worked out once), a share, an
 * average or a count keeps only a sum and a count per week, and only a percentile keeps the values themselves (in a
 * {@code double} array per week). The figures are those of averaging and sorting all the values: the values summed
 * are whole numbers (1 or 0 for a share, a rating, a count), so their sum is exact whatever the order.
 */
final class Series {

    enum Rule { MEDIAN, P90, PERCENT, AVERAGE, COUNT }

    private final List<LocalDate> weeks;
    /** The first instant of each week and, last, the first instant after the period's last week (epoch millis). */
    private final long[] starts;
    private final boolean percentiles;
    private final long[] counts;
    private final double[] sums;
    private final double[][] values;

    /** A series of shares, averages or counts. */
    Series(List<LocalDate> weeks, ZoneId zone) {
        this(weeks, zone, false);
    }

    /** With {@code percentiles}, a series that keeps its values for the median and the 90th percentile. */
    Series(List<LocalDate> weeks, ZoneId zone, boolean percentiles) {
        this.weeks = weeks;
        this.percentiles = percentiles;
        starts = new long[weeks.size() + 1];
        for (int i = 0; i < weeks.size(); i++) {
            starts[i] = weeks.get(i).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        starts[weeks.size()] = weeks.isEmpty() ? Long.MIN_VALUE
                : weeks.get(weeks.size() - 1).plusWeeks(1).atStartOfDay(zone).toInstant().toEpochMilli();
        counts = new long[weeks.size()];
        sums = new double[weeks.size()];
        values = percentiles ? new double[weeks.size()][] : null;
        if (percentiles) {
            Arrays.fill(values, new double[0]);
        }
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
        add(at.toEpochMilli(), value);
    }

    /** The same at {@code epochMillis}. */
    void add(long epochMillis, double value) {
        int week = week(epochMillis);
        if (week < 0) {
            return;
        }
        counts[week]++;
        sums[week] += value;
        if (percentiles) {
            double[] kept = values[week];
            int n = (int) counts[week] - 1;
            if (n == kept.length) {
                kept = Arrays.copyOf(kept, Math.max(16, n * 2));
                values[week] = kept;
            }
            kept[n] = value;
        }
    }

    void hit(Instant at, boolean hit) {
        add(at, hit ? 1 : 0);
    }

    void hit(long epochMillis, boolean hit) {
        add(epochMillis, hit ? 1 : 0);
    }

    /** The week's index, or -1 outside the period's weeks. */
    private int week(long epochMillis) {
        if (epochMillis < starts[0] || epochMillis >= starts[starts.length - 1]) {
            return -1;
        }
        int found = Arrays.binarySearch(starts, epochMillis);
        return found >= 0 ? found : -found - 2;
    }

    KpiReport.Figure figure(String id, String catalogue, String label, String unit, Rule rule, boolean narrowed,
                            String meaning) {
        List<KpiReport.Point> weekly = new ArrayList<>(weeks.size());
        long count = 0;
        double sum = 0;
        for (int i = 0; i < weeks.size(); i++) {
            weekly.add(new KpiReport.Point(weeks.get(i), compute(rule, counts[i], sums[i], i), counts[i]));
            count += counts[i];
            sum += sums[i];
        }
        return new KpiReport.Figure(id, catalogue, label, unit, compute(rule, count, sum, -1), count, narrowed,
                meaning, weekly);
    }

    /** The rule over one week's measurements, or over all of them ({@code week} -1). */
    private Double compute(Rule rule, long count, double sum, int week) {
        if (rule == Rule.COUNT) {
            return (double) count;
        }
        if (count == 0) {
            return null;
        }
        double value = switch (rule) {
            case MEDIAN -> Percentiles.of(sorted(week), 0.5);
            case P90 -> Percentiles.of(sorted(week), 0.9);
            case PERCENT -> 100 * (sum / count);
            case AVERAGE -> sum / count;
            case COUNT -> count;
        };
        return Math.round(value * 100) / 100.0;
    }

    private double[] sorted(int week) {
        if (!percentiles) {
            throw new IllegalStateException("a percentile of a series that keeps no values");
        }
        DoubleStream all = week >= 0 ? Arrays.stream(values[week], 0, (int) counts[week])
                : IntStream.range(0, weeks.size())
                        .mapToObj(i -> Arrays.stream(values[i], 0, (int) counts[i]))
                        .flatMapToDouble(s -> s);
        double[] sorted = all.toArray();
        Arrays.sort(sorted);
        return sorted;
    }
}
