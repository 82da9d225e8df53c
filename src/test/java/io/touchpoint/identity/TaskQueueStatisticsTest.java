package io.touchpoint.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.touchpoint.testing.PostgresTestDatabase;
import io.touchpoint.testing.TouchpointSpringTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the planner knows how many authorizations grant READ on tasks, so that an agent's Tasklist queue stays
 * a few index probes per task instead of comparing every task with every authorization (issue 14; the figures are in
 * docs/performance.md, measured by QueueLatencyBenchmark).
 */
@TouchpointSpringTest
class TaskQueueStatisticsTest {

    private static final Pattern ESTIMATED_ROWS = Pattern.compile("rows=(\\d+)");

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void onPostgresOnly() {
        assumeTrue(PostgresTestDatabase.enabled(), "PostgreSQL only: H2 has neither the statistics nor plan caching");
    }

    @Test
    void thePlannerEstimatesTheTaskGrantsFromTheirStatistics() {
        // many task grants, as with thousands of open tickets: a group's and an agent's READ on each task
        jdbc.update("""
                INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, resource_id_, perms_)
                SELECT 'stats-test-' || n, 1, 1, CASE WHEN n % 2 = 0 THEN 'tech-support' END,
                       CASE WHEN n % 2 = 1 THEN 'agent-' || (n % 20) END, 7, 'task-' || n, 2 | 4
                FROM generate_series(1, 4000) AS n""");
        try {
            jdbc.execute("ANALYZE act_ru_authorization"); // what autovacuum does after such a change
            long grants = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_authorization WHERE (perms_ & 2) = 2",
                    Long.class);
            long estimated = estimatedRows("SELECT * FROM act_ru_authorization WHERE (perms_ & 2) = 2");

            assertThat(grants).isGreaterThanOrEqualTo(4000);
            // without the statistics PostgreSQL guesses half a percent of the table (about 20 rows here)
            assertThat(estimated).as("estimated task grants, of %d", grants).isBetween(grants / 2, grants * 2);
        } finally {
            jdbc.update("DELETE FROM act_ru_authorization WHERE id_ LIKE 'stats-test-%'");
        }
    }

    @Test
    void touchpointsConnectionsPlanEveryStatementWithItsValuesAndCompileNothing() {
        // a prepared statement's generic plan would not see the permission bits, and so not use the statistics
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
        // and compile nothing just in time: a task count would spend seconds compiling (docs/performance.md, "JIT")
        assertThat(jdbc.queryForObject("SHOW jit", String.class)).isEqualTo("off");
        assertThat(jdbc.queryForList("SELECT stxname FROM pg_statistic_ext ORDER BY stxname", String.class))
                .contains(TaskQueueStatistics.statisticsName(2), TaskQueueStatistics.statisticsName(64));
    }

    private long estimatedRows(String query) {
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN " + query, String.class));
        Matcher rows = ESTIMATED_ROWS.matcher(plan);
        assertThat(rows.find()).as(plan).isTrue();
        return Long.parseLong(rows.group(1));
    }
}
