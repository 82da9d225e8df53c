package io.touchpoint.cluster;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh database for the nodes of a test (named {@code touchpoint_test_...}, so that CI drops one a killed run left
 * behind), and what the tests read from it: the engine's and Touchpoint's tables, as an operator would.
 */
final class ClusterDatabase {

    /** What a node held when it was killed. */
    record Snapshot(List<String> lockedJobs, int claimedEmails, int openedTickets) {
    }

    private final String server;
    private final String name;

    private ClusterDatabase(String server, String name) {
        this.server = server;
        this.name = name;
    }

    static ClusterDatabase create(String host, int port) {
        ClusterDatabase database = new ClusterDatabase("jdbc:postgresql://" + host + ":" + port + "/",
                "touchpoint_test_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8));
        database.admin("CREATE DATABASE " + database.name);
        return database;
    }

    String jdbcUrl() {
        return server + name;
    }

    void drop() {
        try {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (IllegalStateException e) {
            System.err.println("Could not drop " + name + ": " + e.getMessage());
        }
    }

    Snapshot snapshot(long pid) {
        return new Snapshot(strings("SELECT id_ FROM act_ru_job WHERE lock_exp_time_ > now()"),
                count("SELECT COUNT(*) FROM outbox_email WHERE status = 'PENDING' AND claimed_by LIKE ?", pid + "@%"),
                count("SELECT COUNT(*) FROM support_ticket"));
    }

    /** Of these jobs, how many are still there. */
    int remaining(List<String> jobs) {
        return count("SELECT COUNT(*) FROM act_ru_job WHERE id_ = ANY(?)", jobs);
    }

    /** Jobs that could run now: background steps, timers due, failed jobs with retries left. */
    int dueJobs() {
        return count("SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1 "
                + "AND (duedate_ IS NULL OR duedate_ <= now())");
    }

    int unsentEmails() {
        return count("SELECT COUNT(*) FROM outbox_email WHERE status <> 'SENT'");
    }

    List<String> messageIds() {
        return strings("SELECT message_id FROM outbox_email");
    }

    int tickets() {
        return count("SELECT COUNT(*) FROM support_ticket");
    }

    int closed(List<String> numbers) {
        return count("SELECT COUNT(*) FROM support_ticket WHERE status = 'CLOSED' AND ticket_number = ANY(?)", numbers);
    }

    /** Status: how many of the tickets have it. */
    Map<String, Integer> statuses(List<String> numbers) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        query("SELECT status, COUNT(*) FROM support_ticket WHERE ticket_number = ANY(?) GROUP BY status", row -> {
            statuses.put(row.getString(1), row.getInt(2));
        }, numbers);
        return statuses;
    }

    /** Of these tickets, how many had their first-response warning sent (exactly once each: see duplicates). */
    int warned(List<String> numbers) {
        return count("""
                SELECT COUNT(DISTINCT a.proc_inst_id_) FROM act_hi_actinst a JOIN support_ticket t
                    ON t.process_instance_id = a.proc_inst_id_
                WHERE a.act_id_ = 'Task_WarnFirstResponse' AND a.end_time_ IS NOT NULL AND t.ticket_number = ANY(?)""",
                numbers);
    }

    /** Of these quotes, how many journeys run and wait at a user task of their presales. */
    int journeysWaitingInPresales(List<String> quotes) {
        return count("""
                SELECT COUNT(DISTINCT e.business_key_) FROM act_ru_execution e
                    JOIN act_ru_task t ON t.proc_inst_id_ = e.id_
                    JOIN act_re_procdef d ON d.id_ = e.proc_def_id_
                WHERE d.key_ = 'presales' AND e.business_key_ = ANY(?)""", quotes);
    }

    /** Of these business keys, how many process instances wait at the user task. */
    int waitingAt(List<String> businessKeys, String taskKey) {
        return count("""
                SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
                WHERE t.task_def_key_ = ? AND e.business_key_ = ANY(?)""", taskKey, businessKeys);
    }

    /** How many times the activity of the process was completed, in all (history). */
    int activitiesDone(String processKey, String activityId) {
        return count("""
                SELECT COUNT(*) FROM act_hi_actinst a JOIN act_re_procdef d ON d.id_ = a.proc_def_id_
                WHERE d.key_ = ? AND a.act_id_ = ? AND a.end_time_ IS NOT NULL""", processKey, activityId);
    }

    /** Process instances with the business key. */
    int instances(String businessKey) {
        return count("SELECT COUNT(*) FROM act_ru_execution WHERE business_key_ = ? AND parent_id_ IS NULL", businessKey);
    }

    /** A user task of a process instance created more than once (history and runtime), described. */
    List<String> duplicatedUserTasks() {
        List<String> duplicated = strings("""
                SELECT proc_inst_id_ || ' ' || task_def_key_ || ' x' || COUNT(*) FROM act_hi_taskinst
                GROUP BY proc_inst_id_, task_def_key_ HAVING COUNT(*) > 1""");
        duplicated.addAll(strings("""
                SELECT proc_inst_id_ || ' ' || task_def_key_ || ' x' || COUNT(*) || ' (open)' FROM act_ru_task
                GROUP BY proc_inst_id_, task_def_key_ HAVING COUNT(*) > 1"""));
        return duplicated;
    }

    int incidents() {
        return count("SELECT COUNT(*) FROM act_ru_incident");
    }

    int count(String sql, Object... parameters) {
        int[] result = {0};
        query(sql, row -> result[0] = row.getInt(1), parameters);
        return result[0];
    }

    List<String> strings(String sql, Object... parameters) {
        List<String> result = new ArrayList<>();
        query(sql, row -> result.add(row.getString(1)), parameters);
        return result;
    }

    interface Row {
        void read(ResultSet row) throws SQLException;
    }

    void query(String sql, Row each, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Collection<?> values) {
                    Array array = connection.createArrayOf("varchar", values.toArray());
                    statement.setArray(i + 1, array);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(server + "postgres", "postgres", "")) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + server + ": " + e.getMessage(), e);
        }
    }
}
