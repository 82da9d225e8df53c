package io.touchpoint.kpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Touchpoint's {@code TIMESTAMP} columns (without time zone: the JVM's local time, as {@link java.sql.Timestamp}
 * writes and reads them) read as numbers, epoch nanoseconds, for queries that return a row per ticket or survey:
 * {@code getObject(column, LocalDateTime.class)} and the zone's offset instead of {@code getTimestamp}, whose
 * conversion through the legacy calendar classes cost more than the query on PostgreSQL. Epoch nanoseconds in a
 * {@code long} reach to the year 2262.
 */
final class LocalTimes {

    /** A {@code NULL} column. */
    static final long NONE = Long.MIN_VALUE;

    private final ZoneRules rules = ZoneId.systemDefault().getRules();
    private final ZoneOffset fixed = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;

    /** The column's instant in epoch nanoseconds, or {@link #NONE}. */
    long nanos(ResultSet row, int column) throws SQLException {
        LocalDateTime time = row.getObject(column, LocalDateTime.class);
        if (time == null) {
            return NONE;
        }
        ZoneOffset offset = fixed != null ? fixed : rules.getOffset(time);
        return time.toEpochSecond(offset) * 1_000_000_000L + time.getNano();
    }

    /** Epoch milliseconds, as {@link Instant#toEpochMilli()}. */
    static long millis(long nanos) {
        return Math.floorDiv(nanos, 1_000_000L);
    }

    /** The milliseconds from one to the other, as {@link Duration#toMillis()} of {@link Duration#between}. */
    static long millisBetween(long fromNanos, long toNanos) {
        return Math.floorDiv(toNanos - fromNanos, 1_000_000L);
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
