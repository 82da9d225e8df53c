package io.touchpoint.support;

import io.touchpoint.calendar.BusinessCalendar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tickets table and each ticket's timeline. Written by the support delegates in the process's transaction,
 * so a ticket's row never disagrees with its process; read by the tracking page and the API. Each change that moves
 * a managers' figure also updates the ticket's summary row ({@link TicketKpis}) in the same transaction.
 */
@Repository
public class Tickets {

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;
    private final TicketKpis kpis;

    public Tickets(JdbcTemplate jdbc, BusinessCalendar calendar, TicketKpis kpis) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.kpis = kpis;
    }

    /** Registers a new ticket; a second call for the same number changes nothing. */
    public void register(Ticket ticket) {
        if (find(ticket.number()).isPresent()) {
            return;
        }
        Instant now = now();
        jdbc.update("""
                INSERT INTO support_ticket (ticket_number, kind, process_instance_id, subject, category, priority,
                    contact_name, contact_email, channel, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                ticket.number(), ticket.kind().name(), ticket.processInstanceId(), ticket.subject(), ticket.category(),
                ticket.priority(), ticket.contactName(), ticket.contactEmail(), ticket.channel(),
                TicketStatus.RECEIVED.name(), Timestamp.from(now));
        kpis.opened(ticket, now);
    }

    public Optional<Ticket> find(String number) {
        return jdbc.query("SELECT * FROM support_ticket WHERE ticket_number = ?", Tickets::map, number).stream().findFirst();
    }

    /** The tickets and service requests whose contact is one of the addresses (any case), newest first. */
    public List<Ticket> ofContacts(Collection<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        return new NamedParameterJdbcTemplate(jdbc).query(
                "SELECT * FROM support_ticket WHERE LOWER(contact_email) IN (:emails) ORDER BY created_at DESC, ticket_number DESC",
                Map.of("emails", emails.stream().map(email -> email.trim().toLowerCase(java.util.Locale.ROOT)).toList()),
                Tickets::map);
    }

    /**
     * The ticket, its row locked until the caller's transaction ends ({@code SELECT ... FOR UPDATE}): whoever changes
     * the ticket at the same time (another answer, the process updating its status) waits, and then reads what the
     * first one left.
     */
    public Optional<Ticket> lock(String number) {
        return jdbc.query("SELECT * FROM support_ticket WHERE ticket_number = ? FOR UPDATE", Tickets::map, number)
                .stream().findFirst();
    }

    public void record(String number, Ticket.EventType type, String detail, String actor) {
        Instant now = now();
        jdbc.update("INSERT INTO support_ticket_event (ticket_number, occurred_at, event_type, detail, actor) VALUES (?, ?, ?, ?, ?)",
                number, Timestamp.from(now), type.name(), detail == null ? null : abbreviate(detail, 2000), actor);
        kpis.event(number, type, now);
    }

    public List<Ticket.Event> timeline(String number) {
        return jdbc.query("SELECT * FROM support_ticket_event WHERE ticket_number = ? ORDER BY id",
                (row, i) -> new Ticket.Event(row.getTimestamp("occurred_at").toInstant(),
                        Ticket.EventType.valueOf(row.getString("event_type")), row.getString("detail"), row.getString("actor")),
                number);
    }

    public void status(String number, TicketStatus status) {
        jdbc.update("UPDATE support_ticket SET status = ? WHERE ticket_number = ?", status.name(), number);
        kpis.status(number, status);
    }

    public void assigned(String number, String group, String assignee) {
        jdbc.update("UPDATE support_ticket SET support_group = ?, assignee = ?, assigned_at = ? WHERE ticket_number = ?",
                group, assignee, Timestamp.from(now()), number);
        kpis.assigned(number, group, assignee);
    }

    public void due(String number, Instant firstResponseDue, Instant resolutionDue) {
        jdbc.update("UPDATE support_ticket SET first_response_due = ?, resolution_due = ? WHERE ticket_number = ?",
                timestamp(firstResponseDue), timestamp(resolutionDue), number);
    }

    public void escalated(String number, int level) {
        jdbc.update("UPDATE support_ticket SET escalation_level = ? WHERE ticket_number = ?", level, number);
    }

    public void reopened(String number, int reopenCount) {
        jdbc.update("UPDATE support_ticket SET reopen_count = ?, status = ? WHERE ticket_number = ?", reopenCount,
                TicketStatus.IN_PROGRESS.name(), number);
        kpis.reopened(number, reopenCount);
    }

    public void closed(String number) {
        Instant now = now();
        jdbc.update("UPDATE support_ticket SET status = ?, closed_at = ? WHERE ticket_number = ?",
                TicketStatus.CLOSED.name(), Timestamp.from(now), number);
        kpis.closed(number, now);
    }

    /** KPI-05: whether the first response met its target (kept with the ticket's summary for the dashboard). */
    public void firstResponseMet(String number, boolean met) {
        kpis.firstResponseMet(number, met);
    }

    /** KPI-05: whether the resolution met its target. */
    public void resolutionMet(String number, boolean met) {
        kpis.resolutionMet(number, met);
    }

    /** KPI-06: the customer's answer to the resolution (fixed or not) and its comment. */
    public void confirmation(String number, boolean confirmed, String comment) {
        kpis.confirmation(number, confirmed, comment);
    }

    /** When each of {@code users} was last given a ticket; users never given one are absent. */
    public Map<String, Instant> lastAssigned(Collection<String> users) {
        Map<String, Instant> last = new HashMap<>();
        if (users.isEmpty()) {
            return last;
        }
        new NamedParameterJdbcTemplate(jdbc).query(
                "SELECT assignee, MAX(assigned_at) AS last_at FROM support_ticket WHERE assignee IN (:users) GROUP BY assignee",
                Map.of("users", users), row -> {
                    Timestamp at = row.getTimestamp("last_at");
                    if (at != null) {
                        last.put(row.getString("assignee"), at.toInstant());
                    }
                });
        return last;
    }

    private static Ticket map(ResultSet row, int number) throws SQLException {
        return new Ticket(row.getString("ticket_number"), Ticket.Kind.valueOf(row.getString("kind")),
                row.getString("process_instance_id"), row.getString("subject"), row.getString("category"),
                row.getString("priority"), row.getString("contact_name"), row.getString("contact_email"),
                row.getString("channel"), TicketStatus.valueOf(row.getString("status")), row.getString("support_group"),
                row.getString("assignee"), instant(row.getTimestamp("first_response_due")),
                instant(row.getTimestamp("resolution_due")), row.getInt("escalation_level"), row.getInt("reopen_count"),
                row.getTimestamp("created_at").toInstant(), instant(row.getTimestamp("closed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private Instant now() {
        return calendar.now();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
