package io.touchpoint.benchmark;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.touchpoint.testing.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one benchmark run measured, shared by the benchmarks of this package: per-step latencies, the instances it
 * started, what failed, and its rate until every one had ended; how it is driven by concurrent clients, printed as a
 * table and written as JSON under {@code target/benchmark}.
 */
final class BenchmarkRun {

    /** One whole thing a client drives (a ticket, a journey); returns its process instance id. */
    interface Drive {
        String drive(BenchmarkRun run) throws Exception;
    }

    final String name;
    final List<String> steps;
    final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    final List<String> instances = new CopyOnWriteArrayList<>();
    final List<String> numbers = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    /** PostgreSQL's counters of the run (transactions, rows written and read) per item driven; empty on H2. */
    final Map<String, Double> databasePerItem = new LinkedHashMap<>();
    double seconds;
    int count;

    BenchmarkRun(String name, List<String> steps) {
        this.name = name;
        this.steps = steps;
        steps.forEach(step -> latencies.put(step, new CopyOnWriteArrayList<>()));
    }

    /** Drives {@code count} with the clients, then waits until {@code ended} holds for every instance started. */
    static BenchmarkRun drive(ExecutorService clients, JdbcTemplate jdbc, String name, List<String> steps, int count,
                              Drive drive, Predicate<String> ended) throws Exception {
        BenchmarkRun run = new BenchmarkRun(name, steps);
        run.count = count;
        Map<String, Long> before = databaseCounters(jdbc);
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(clients.submit((Callable<Void>) () -> {
                try {
                    run.instances.add(drive.drive(run));
                } catch (Exception | AssertionError failed) {
                    run.failures.add(failed.toString());
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.MINUTES);
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> run.instances.stream().allMatch(ended));
        run.seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> after = databaseCounters(jdbc);
        after.forEach((counter, value) -> {
            double perItem = (value - before.getOrDefault(counter, 0L)) / (double) count;
            if (!counter.startsWith("written ") || perItem >= 0.5) {
                run.databasePerItem.put(counter, Math.round(perItem * 10) / 10.0);
            }
        });
        System.out.printf("%s: %d in %.1f s; database per item: %s%n", name, count, run.seconds, run.databasePerItem);
        return run;
    }

    /**
     * PostgreSQL's counters of this database: transactions committed and rolled back, rows inserted, updated,
     * deleted and fetched (empty on H2). The server collects them from every connection within about a second.
     */
    static Map<String, Long> databaseCounters(JdbcTemplate jdbc) throws InterruptedException {
        Map<String, Long> counters = new LinkedHashMap<>();
        if (!database().equals("postgres")) {
            return counters;
        }
        Thread.sleep(2000);
        jdbc.execute("SELECT pg_stat_clear_snapshot()");
        jdbc.query("SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, tup_fetched "
                + "FROM pg_stat_database WHERE datname = current_database()", row -> {
            for (String column : List.of("xact_commit", "xact_rollback", "tup_inserted", "tup_updated", "tup_deleted",
                    "tup_fetched")) {
                counters.put(column, row.getLong(column));
            }
        });
        // what the database takes on disk (tables, indexes, TOAST): its growth per item is the size of a ticket or
        // journey as the run leaves it (on a fresh database, so freed space reused by autovacuum hardly blurs it)
        counters.put("database bytes", jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class));
        // and the rows each table had written: where the writes go
        jdbc.query("SELECT relname, n_tup_ins + n_tup_upd + n_tup_del AS written FROM pg_stat_user_tables "
                + "ORDER BY relname", row -> {
            counters.put("written " + row.getString("relname").toLowerCase(java.util.Locale.ROOT), row.getLong("written"));
        });
        return counters;
    }

    void record(String step, long startNanos) {
        latencies.get(step).add(System.nanoTime() - startNanos);
    }

    double perSecond() {
        return count / seconds;
    }

    double percentileMillis(String step, double p) {
        List<Long> sorted = new ArrayList<>(latencies.get(step));
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    /** The rows of a table: each run's rate on its first step's row, then p50/p95/p99 of every step. */
    static void printTable(List<BenchmarkRun> runs) {
        System.out.printf("%-12s %12s | %-13s %9s %9s %9s%n", "run", "per second", "step", "p50 ms", "p95 ms", "p99 ms");
        for (BenchmarkRun run : runs) {
            for (String step : run.steps) {
                boolean first = step.equals(run.steps.get(0));
                System.out.printf("%-12s %12s | %-13s %9.1f %9.1f %9.1f%n", first ? run.name : "",
                        first ? String.format("%.2f", run.perSecond()) : "", step, run.percentileMillis(step, 50),
                        run.percentileMillis(step, 95), run.percentileMillis(step, 99));
            }
        }
    }

    /** Rate, duration, failures and p50/p95/p99 per step, for the JSON report. */
    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("perSecond", perSecond());
        figures.put("seconds", seconds);
        figures.put("failures", failures.size());
        figures.put("databasePerItem", databasePerItem);
        for (String step : steps) {
            figures.put(step, Map.of("p50Ms", percentileMillis(step, 50), "p95Ms", percentileMillis(step, 95),
                    "p99Ms", percentileMillis(step, 99)));
        }
        return figures;
    }

    /** Writes {@code target/benchmark/<name>-<database>.json}. */
    static void write(String name, Map<String, Object> report) throws Exception {
        Path file = Path.of("target", "benchmark", name + "-" + database() + ".json");
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
        System.out.println("written " + file.toAbsolutePath());
    }

    static String database() {
        return Boolean.getBoolean(PostgresTestDatabase.ENABLED) ? "postgres" : "h2";
    }
}
