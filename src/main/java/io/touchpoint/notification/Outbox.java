package io.touchpoint.notification;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The table {@code outbox_email}. Rows are added in the caller's transaction (a process step's), so an email
 * exists exactly when the step that sent it committed. The dispatcher claims a due row before it sends it, with a
 * conditional update that only one node of a cluster can win, and records the outcome.
 */
@Repository
public class Outbox {

    private static final String PENDING = OutboxEmail.Status.PENDING.name();
    private static final String SENT = OutboxEmail.Status.SENT.name();
    private static final String FAILED = OutboxEmail.Status.FAILED.name();

    private final JdbcTemplate jdbc;

    public Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds an email (PENDING, or FAILED when it could not be prepared) and returns its id. */
    long add(OutboxEmail email) {
        return add(email, List.of());
    }

    /** Adds an email with the files it is sent with, stored beside it, and returns its id. */
    long add(OutboxEmail email, List<Attachment> attachments) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_email (message_id, process_instance_id, business_key, customer, template,
                        recipients_to, recipients_cc, subject, body_html, body_text, attachments, calendar_invite, status,
                        attempts, next_attempt_at, last_error, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""", new String[] {"id"});
            int i = 0;
            insert.setString(++i, email.messageId());
            insert.setString(++i, email.processInstanceId());
            insert.setString(++i, abbreviate(email.businessKey(), 255));
            insert.setString(++i, abbreviate(email.customer(), 255));
            insert.setString(++i, email.template());
            insert.setString(++i, abbreviate(email.to() == null ? "" : email.to(), 4000));
            insert.setString(++i, abbreviate(email.cc(), 4000));
            insert.setString(++i, abbreviate(email.subject() == null ? "" : email.subject(), 1000));
            insert.setString(++i, email.html());
            insert.setString(++i, email.text());
            insert.setString(++i, email.attachments());
            insert.setString(++i, email.calendarInvite());
            insert.setString(++i, email.status().name());
            insert.setTimestamp(++i, Timestamp.from(email.nextAttemptAt()));
            insert.setString(++i, abbreviate(email.lastError(), 2000));
            insert.setTimestamp(++i, Timestamp.from(email.createdAt()));
            return insert;
        }, key);
        long id = key.getKey().longValue();
        for (int i = 0; i < attachments.size(); i++) {
            Attachment file = attachments.get(i);
            jdbc.update("""
                    INSERT INTO outbox_attachment (outbox_email_id, sort_order, file_name, content_type, content)
                    VALUES (?, ?, ?, ?, ?)""", id, i, file.fileName(), file.contentType(), file.content());
        }
        return id;
    }

    /** The files stored with an email, in the order its step gave them; none for an email queued without. */
    List<Attachment> attachments(long id) {
        return jdbc.query("""
                SELECT file_name, content_type, content FROM outbox_attachment WHERE outbox_email_id = ?
                ORDER BY sort_order""", (row, number) -> new Attachment(row.getString("file_name"),
                row.getString("content_type"), row.getBytes("content")), id);
    }

    boolean exists(String messageId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_email WHERE message_id = ?", Integer.class, messageId) > 0;
    }

    public Optional<OutboxEmail> find(long id) {
        return jdbc.query("SELECT * FROM outbox_email WHERE id = ?", Outbox::map, id).stream().findFirst();
    }

    public Optional<OutboxEmail> findByMessageId(String messageId) {
        return jdbc.query("SELECT * FROM outbox_email WHERE message_id = ?", Outbox::map, messageId).stream().findFirst();
    }

    /** The emails of a process instance, oldest first. */
    public List<OutboxEmail> ofProcessInstance(String processInstanceId) {
        return jdbc.query("SELECT * FROM outbox_email WHERE process_instance_id = ? ORDER BY id", Outbox::map,
                processInstanceId);
    }

    /** The newest emails: the ones not sent first (FAILED, then PENDING), then the sent ones. */
    public List<OutboxEmail> latest(int limit) {
        return jdbc.query("""
                SELECT * FROM outbox_email
                ORDER BY CASE status WHEN 'FAILED' THEN 0 WHEN 'PENDING' THEN 1 ELSE 2 END, id DESC
                FETCH FIRST %d ROWS ONLY""".formatted(limit), Outbox::map);
    }

    /** Ids of pending emails due at {@code now} that no node holds, oldest first. */
    List<Long> due(Instant now, int limit) {
        Timestamp at = Timestamp.from(now);
        return jdbc.queryForList("""
                SELECT id FROM outbox_email
                WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
                ORDER BY next_attempt_at, id
                FETCH FIRST %d ROWS ONLY""".formatted(limit), Long.class, at, at);
    }

    /**
     * Claims a due email for {@code node} until {@code until}: true for exactly one of several nodes trying at once
     * (the update is conditional on nobody holding it); a claim that ran out (a node died sending) can be taken over.
     */
    boolean claim(long id, String node, Instant now, Instant until) {
        Timestamp at = Timestamp.from(now);
        return jdbc.update("""
                UPDATE outbox_email SET claimed_by = ?, claimed_until = ?
                WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)""",
                node, Timestamp.from(until), id, at, at) == 1;
    }

    /** Lets go of a claimed email without an attempt: it is due again for any node. */
    void release(long id, String node) {
        jdbc.update("UPDATE outbox_email SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                id, node);
    }

    /** The mail server accepted the email: one short statement of its own, before the next email of the batch leaves. */
    void sent(long id, String node, Instant now) {
        jdbc.update("""
                UPDATE outbox_email SET status = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL,
                    claimed_by = NULL, claimed_until = NULL
                WHERE id = ? AND claimed_by = ?""", SENT, Timestamp.from(now), id, node);
    }

    /** One more attempt failed; the next one at {@code next}. */
    void retryLater(long id, String node, Instant next, String error) {
        jdbc.update("""
                UPDATE outbox_email SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
                    claimed_by = NULL, claimed_until = NULL
                WHERE id = ? AND claimed_by = ?""", Timestamp.from(next), abbreviate(error, 2000), id, node);
    }

    /** The last attempt failed, or the email cannot be delivered at all; the incident about it, if any. */
    void failed(long id, String node, String error, String incidentId) {
        jdbc.update("""
                UPDATE outbox_email SET status = ?, attempts = attempts + 1, last_error = ?, incident_id = ?,
                    claimed_by = NULL, claimed_until = NULL
                WHERE id = ? AND claimed_by = ?""", FAILED, abbreviate(error, 2000), incidentId, id, node);
    }

    /**
     * Removes the bodies, calendar invites and stored files of at most {@code limit} emails SENT before
     * {@code sentBefore}, oldest first, and returns how many it emptied. The rows stay (recipients, subject, Message-ID,
     * sent time). Unsent and failed emails are never touched. Safe on several nodes at once: each statement only
     * touches SENT emails not yet emptied, so a second node doing the same batch finds nothing left to do.
     */
    int removeSentBodies(Instant sentBefore, Instant now, int limit) {
        List<Long> ids = jdbc.queryForList("""
                SELECT id FROM outbox_email
                WHERE status = 'SENT' AND body_removed_at IS NULL AND sent_at < ?
                ORDER BY sent_at, id
                FETCH FIRST %d ROWS ONLY""".formatted(limit), Long.class, Timestamp.from(sentBefore));
        if (ids.isEmpty()) {
            return 0;
        }
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        jdbc.update("""
                DELETE FROM outbox_attachment WHERE outbox_email_id IN (
                    SELECT id FROM outbox_email WHERE status = 'SENT' AND id IN (%s))""".formatted(in), ids.toArray());
        List<Object> arguments = new ArrayList<>();
        arguments.add(Timestamp.from(now));
        arguments.addAll(ids);
        return jdbc.update("""
                UPDATE outbox_email SET body_html = NULL, body_text = NULL, calendar_invite = NULL, body_removed_at = ?
                WHERE status = 'SENT' AND body_removed_at IS NULL AND id IN (%s)""".formatted(in), arguments.toArray());
    }

    void incident(long id, String incidentId) {
        jdbc.update("UPDATE outbox_email SET incident_id = ? WHERE id = ?", incidentId, id);
    }

    /** A failed email back in the queue, as new: true when it was FAILED and had been prepared. */
    boolean retry(long id, Instant now) {
        return jdbc.update("""
                UPDATE outbox_email SET status = ?, attempts = 0, next_attempt_at = ?, claimed_by = NULL,
                    claimed_until = NULL
                WHERE id = ? AND status = ? AND body_text IS NOT NULL""", PENDING, Timestamp.from(now), id, FAILED) == 1;
    }

    private static OutboxEmail map(ResultSet row, int number) throws SQLException {
        return new OutboxEmail(row.getLong("id"), row.getString("message_id"), row.getString("process_instance_id"),
                row.getString("business_key"), row.getString("customer"), row.getString("template"),
                row.getString("recipients_to"), row.getString("recipients_cc"), row.getString("subject"),
                row.getString("body_html"), row.getString("body_text"), row.getString("attachments"),
                row.getString("calendar_invite"), OutboxEmail.Status.valueOf(row.getString("status")),
                row.getInt("attempts"), instant(row.getTimestamp("next_attempt_at")), row.getString("last_error"),
                row.getString("incident_id"), instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("sent_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
