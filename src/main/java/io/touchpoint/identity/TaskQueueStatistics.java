package io.touchpoint.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps an agent's Tasklist queues fast on PostgreSQL as the open tickets grow (issue 14, queue latency).
 * <p>
 * Every task query of a person joins the tasks with their authorizations on {@code PERMS_ & 2} (READ on the task) and
 * {@code PERMS_ & 64} (READ_TASK on the process definition). PostgreSQL keeps no statistics on such expressions and
 * guesses a few dozen matching rows where there are as many as the group has tasks; it then compares each of the
 * agent's tasks with each of the group's authorizations, which grows with the square of the queue (1.7 s for a group
 * queue at 10,000 open tickets, over a minute for a task count at 100,000; docs/performance.md). Statistics on the two
 * expressions give the planner the right count, and it probes the authorization index per task instead.
 * <p>
 * They need the engine's tables, which the engine creates after Flyway has run, so they are made here, once the engine
 * is built, and only where missing; nodes starting together may race for them, and the loser carries on. The
 * statistics are filled by the next {@code ANALYZE}: autovacuum's, or, on an installation that already has many
 * authorizations, the one made here right after creating them.
 * The planner uses them with the values of a statement only: the PostgreSQL connections of Touchpoint therefore plan
 * every execution with its values ({@code plan_cache_mode = force_custom_plan}, see application-postgres.yaml).
 * Other databases, and PostgreSQL before 14 (no statistics on expressions), are left as they are, with a warning for
 * the latter.
 */
@Component
class TaskQueueStatistics implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(TaskQueueStatistics.class);

    /** The permission bits the task query checks: READ (2) on tasks, READ_TASK (64) on process definitions. */
    static final List<Integer> CHECKED_PERMISSIONS = List.of(2, 64);

    /** The name of the statistics object for one permission bit. */
    static String statisticsName(int permission) {
        return "touchpoint_authorization_perms_" + permission;
    }

    /** From this many authorizations on, the table is analyzed when the statistics are made. */
    static final int REPRESENTATIVE_ROWS = 1000;

    private final ProcessEngineConfiguration configuration;
    private final String tablePrefix;

    /** The engine is built, its tables made, before this bean: it needs the engine. */
    TaskQueueStatistics(ProcessEngine engine, @Value("${camunda.bpm.database.table-prefix:}") String tablePrefix) {
        this.configuration = engine.getProcessEngineConfiguration();
        this.tablePrefix = tablePrefix;
    }

    @Override
    public void afterPropertiesSet() {
        DataSource dataSource = configuration.getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            if (connection.getMetaData().getDatabaseMajorVersion() < 14) {
                LOG.warn("PostgreSQL {} has no statistics on expressions: an agent's Tasklist queries slow down with the"
                        + " square of the open tasks (PostgreSQL 14 or later avoids that)",
                        connection.getMetaData().getDatabaseProductVersion());
                return;
            }
            String table = tablePrefix + "act_ru_authorization";
            boolean created = false;
            for (int permission : CHECKED_PERMISSIONS) {
                created |= create(connection, statisticsName(permission), "(perms_ & " + permission + ")", table);
            }
            if (created && representative(connection, table)) {
                try (Statement sql = connection.createStatement()) {
                    sql.execute("ANALYZE " + table);
                }
            }
        } catch (SQLException e) {
            // a slow queue is no reason to refuse to start; the warning says what is missing
            LOG.warn("Could not make the statistics for the task queues on {}: {}", "act_ru_authorization",
                    e.getMessage());
        }
    }

    private static boolean create(Connection connection, String name, String expression, String table)
            throws SQLException {
        if (exists(connection, name)) {
            return false;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE STATISTICS IF NOT EXISTS " + name + " ON " + expression + " FROM " + table);
            LOG.info("Created the statistics {} on {} of {} for the planner of Tasklist's queries", name, expression,
                    table);
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) || "42710".equals(e.getSQLState())) {
                return false; // another node made it in the same instant
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Whether the table already holds enough authorizations to analyze it now: an installation that upgrades. A new
     * one has a few dozen, mostly administrators' grants, unlike the task grants to come; statistics taken from those
     * mislead the planner far more than none (a group queue ran for minutes on 10,000 tickets loaded on top of them
     * with autovacuum off), so there autovacuum fills them once the table has grown by 50 rows.
     */
    private static boolean representative(Connection connection, String table) throws SQLException {
        try (Statement sql = connection.createStatement();
             var rows = sql.executeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM " + table + " LIMIT "
                     + REPRESENTATIVE_ROWS + ") AS sample")) {
            return rows.next() && rows.getLong(1) >= REPRESENTATIVE_ROWS;
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (var query = connection.prepareStatement(
                "SELECT 1 FROM pg_statistic_ext WHERE stxname = ? AND pg_statistics_obj_is_visible(oid)")) {
            query.setString(1, name);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
