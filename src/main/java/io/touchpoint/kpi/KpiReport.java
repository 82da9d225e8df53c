package io.touchpoint.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the KPI page, the API and the CSV export show: each figure with its weekly series, and the customers'
 * comments of the period.
 */
public record KpiReport(LocalDate from, LocalDate to, String group, String agent, String zone, List<LocalDate> weeks,
                        List<Figure> figures, long commentCount, List<Comment> comments) {

    /**
     * One KPI: its value over the period ({@code null} when nothing was measured), the number of cases it is based
     * on, and the same for each week (Monday to Sunday; the first and last weeks may be cut by the period).
     * {@code narrowed} tells whether the group and agent filters apply to it (they apply to the support figures).
     */
    public record Figure(String id, String catalogue, String label, String unit, Double value, long count,
                         boolean narrowed, String meaning, List<Point> weekly) {
    }

    public record Point(LocalDate week, Double value, long count) {
    }

    /** A comment a customer left: in a survey (with its ratings) or with the confirmation or reopening of a ticket. */
    public record Comment(Instant at, String source, String reference, Integer satisfaction, Integer rating,
                          String text) {
    }
}
