package io.touchpoint.support;

import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' summary row of each ticket ({@code ticket_kpi}, migration V13): when it was opened, first answered,
 * last resolved and closed, its group and agent, whether each SLA target was met, how often it was escalated and
 * reopened, and the customer's confirmation. Written through {@link Tickets} by the support steps, in the step's own
 * transaction, so the row never disagrees with the ticket; read by the KPI dashboard ({@code kpi.Kpis}) with one
 * range query by creation time.
 *
 * <p>Tickets opened before the table existed get their row once, at start-up ({@link #backfill()}), from their
 * timeline and the engine's history: what the dashboard used to read on every request.
 */
@Repository
public class TicketKpis implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TicketKpis.class);

    private final JdbcTemplate jdbc;

    TicketKpis(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void opened(Ticket ticket, Instant at) {
        jdbc.update("""
                INSERT INTO ticket_kpi (ticket_number, process_instance_id, status, created_at) VALUES (?, ?, ?, ?)""",
                ticket.number(), ticket.processInstanceId(), TicketStatus.RECEIVED.name(), Timestamp.from(at));
    }

    /** A timeline event: the first acknowledgement, the last resolution and each escalation count. */
    void event(String number, Ticket.EventType type, Instant at) {
        switch (type) {
            case ACKNOWLEDGED -> jdbc.update(
                    "UPDATE ticket_kpi SET first_response_at = COALESCE(first_response_at, ?) WHERE ticket_number = ?",
                    Timestamp.from(at), number);
            case RESOLVED -> jdbc.update("UPDATE ticket_kpi SET resolved_at = ? WHERE ticket_number = ?",
                    Timestamp.from(at), number);
            case ESCALATED -> jdbc.update("UPDATE ticket_kpi SET escalations = escalations + 1 WHERE ticket_number = ?",
                    number);
            default -> {
                // the other events do not change a figure
            }
        }
    }

    void status(String number, TicketStatus status) {
        jdbc.update("UPDATE ticket_kpi SET status = ? WHERE ticket_number = ?", status.name(), number);
    }

    void assigned(String number, String group, String assignee) {
        jdbc.update("UPDATE ticket_kpi SET support_group = ?, assignee = ? WHERE ticket_number = ?", group, assignee,
                number);
    }

    void reopened(String number, int reopenCount) {
        jdbc.update("UPDATE ticket_kpi SET reopen_count = ?, status = ? WHERE ticket_number = ?", reopenCount,
                TicketStatus.IN_PROGRESS.name(), number);
    }

    void closed(String number, Instant at) {
        jdbc.update("UPDATE ticket_kpi SET status = ?, closed_at = ? WHERE ticket_number = ?",
                TicketStatus.CLOSED.name(), Timestamp.from(at), number);
    }

    /** KPI-05: whether the first acknowledgement came by its target (a later one, after a reopening, does not count). */
    void firstResponseMet(String number, boolean met) {
        jdbc.update("UPDATE ticket_kpi SET first_response_met = COALESCE(first_response_met, ?) WHERE ticket_number = ?",
                met, number);
    }

    /** KPI-05: whether the (last) resolution came by its target. */
    void resolutionMet(String number, boolean met) {
        jdbc.update("UPDATE ticket_kpi SET resolution_met = ? WHERE ticket_number = ?", met, number);
    }

    /** KPI-06: the customer's (last) answer to the resolution and its comment. */
    void confirmation(String number, boolean confirmed, String comment) {
        String text = comment == null ? "" : comment.trim();
        jdbc.update("UPDATE ticket_kpi SET customer_confirmed = ?, confirmation_comment = ? WHERE ticket_number = ?",
                confirmed, text.length() <= 4000 ? text : text.substring(0, 4000), number);
    }

    @Override
    public void run(ApplicationArguments args) {
        int rows = backfill();
        if (rows > 0) {
            log.info("Summarised {} tickets for the KPI dashboard from their timeline and history", rows);
        }
    }

    /**
     * Gives every ticket without a summary row one, from its timeline (first acknowledgement, last resolution,
     * escalations) and its variables in the engine's history ({@code firstResponseMet}, {@code resolutionMet},
     * {@code customerConfirmed}, {@code confirmationComment}). Returns how many rows it wrote; rows already there are
     * left alone, so it runs at every start-up and does nothing once every ticket has its row.
     */
    @Transactional
    public int backfill() {
        return jdbc.update("""
                INSERT INTO ticket_kpi (ticket_number, process_instance_id, support_group, assignee, status, created_at,
                    first_response_at, resolved_at, closed_at, first_response_met, resolution_met, escalations,
                    reopen_count, customer_confirmed, confirmation_comment)
                SELECT t.ticket_number, t.process_instance_id, t.support_group, t.assignee, t.status, t.created_at,
                    (SELECT MIN(e.occurred_at) FROM support_ticket_event e
                        WHERE e.ticket_number = t.ticket_number AND e.event_type = 'ACKNOWLEDGED'),
                    (SELECT MAX(e.occurred_at) FROM support_ticket_event e
                        WHERE e.ticket_number = t.ticket_number AND e.event_type = 'RESOLVED'),
                    t.closed_at,
                    (SELECT CASE WHEN MAX(v.LONG_) = 1 THEN TRUE WHEN MAX(v.LONG_) = 0 THEN FALSE END
                        FROM ACT_HI_VARINST v WHERE v.PROC_INST_ID_ = t.process_instance_id
                        AND v.NAME_ = 'firstResponseMet'),
                    (SELECT CASE WHEN MAX(v.LONG_) = 1 THEN TRUE WHEN MAX(v.LONG_) = 0 THEN FALSE END
                        FROM ACT_HI_VARINST v WHERE v.PROC_INST_ID_ = t.process_instance_id
                        AND v.NAME_ = 'resolutionMet'),
                    (SELECT COUNT(*) FROM support_ticket_event e
                        WHERE e.ticket_number = t.ticket_number AND e.event_type = 'ESCALATED'),
                    t.reopen_count,
                    (SELECT CASE WHEN MAX(v.LONG_) = 1 THEN TRUE WHEN MAX(v.LONG_) = 0 THEN FALSE END
                        FROM ACT_HI_VARINST v WHERE v.PROC_INST_ID_ = t.process_instance_id
                        AND v.NAME_ = 'customerConfirmed'),
                    (SELECT MAX(v.TEXT_) FROM ACT_HI_VARINST v WHERE v.PROC_INST_ID_ = t.process_instance_id
                        AND v.NAME_ = 'confirmationComment')
                FROM support_ticket t
                WHERE NOT EXISTS (SELECT 1 FROM ticket_kpi k WHERE k.ticket_number = t.ticket_number)""");
    }
}
