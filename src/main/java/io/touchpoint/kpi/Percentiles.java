package io.touchpoint.kpi;

import java.util.Collection;

/**
 * Percentiles as PostgreSQL's and H2's {@code PERCENTILE_CONT} compute them: on the sorted values, linear
 * interpolation between the two closest ranks ({@code p * (n - 1)}). The median of 1, 2, 3, 10 is 2.5; its 90th
 * percentile is 7.9.
 */
final class Percentiles {

    private Percentiles() {
    }

    static Double of(Collection<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return of(sorted, p);
    }

    static double of(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int lower = (int) Math.floor(rank);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }
}
