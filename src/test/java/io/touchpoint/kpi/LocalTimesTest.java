package io.touchpoint.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The KPI rows' times as numbers give the durations and weeks that the instants give. */
class LocalTimesTest {

    @Test
    void durationsAreThoseOfDurationToMillis() {
        Instant created = Instant.parse("2033-03-01T10:00:00.123456Z");
        for (Instant resolved : List.of(created.plusNanos(999_999), created.plusSeconds(3600).plusNanos(400_000),
                created.plusSeconds(86_400).minusNanos(1_000), created)) {
            long from = LocalTimesTest.nanos(created);
            long to = LocalTimesTest.nanos(resolved);
            assertThat(LocalTimes.millisBetween(from, to)).isEqualTo(Duration.between(created, resolved).toMillis());
            assertThat(LocalTimes.millis(to)).isEqualTo(resolved.toEpochMilli());
            assertThat(LocalTimes.instant(to)).isEqualTo(resolved);
        }
    }

    @Test
    void aMeasurementCountsInItsWeekOfTheBusinessZone() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        List<LocalDate> weeks = Series.weeks(LocalDate.of(2033, 3, 21), LocalDate.of(2033, 4, 3));
        Series series = new Series(weeks, zone);
        // Sunday 23:59:59.999 in Berlin is the first week; Monday 00:00 the second (summer time began that Sunday)
        Instant monday = LocalDate.of(2033, 3, 28).atStartOfDay(zone).toInstant();
        series.add(monday.minusMillis(1), 1);
        series.add(monday, 1);
        series.add(monday, 1);
        series.add(LocalDate.of(2033, 4, 4).atStartOfDay(zone).toInstant(), 1);
        KpiReport.Figure figure = series.figure("id", "c", "l", "u", Series.Rule.COUNT, false, "m");
        assertThat(figure.weekly()).extracting(KpiReport.Point::count).containsExactly(1L, 2L);
        assertThat(figure.count()).isEqualTo(3);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
