package io.touchpoint.support.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code inbound_mail}: each mail of the support mailbox, kept before it is flagged on the server, and
 * what became of it.
 */
@Repository
public class InboundMails {

    private static final String COLUMNS = """
            id, message_key, message_id, sender, sender_name, subject, preview, received_at, size_bytes, status, reason,
            ticket_number, attempts, last_error, handled_at, handled_by""";

    private final JdbcTemplate jdbc;

    public InboundMails(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps a fetched mail as RECEIVED (or NOT_OPENED with {@code reason}); false when a mail with the same key is
     * kept already (fetched before, then not flagged on the server), which changes nothing.
     */
    public boolean keep(String messageKey, String messageId, String sender, String senderName, String subject,
                        Instant receivedAt, long size, byte[] raw, String reason) {
        if (exists(messageKey)) {
            return false;
        }
        try {
            jdbc.update("""
                    INSERT INTO inbound_mail (message_key, message_id, sender, sender_name, subject, received_at,
                        size_bytes, raw_message, status, reason, attempts)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                    messageKey, cut(messageId, 998), cut(sender, 254), cut(senderName, 200), cut(subject, 1000),
                    Timestamp.from(receivedAt), size, raw,
                    (reason == null ? InboundMail.Status.RECEIVED : InboundMail.Status.NOT_OPENED).name(),
                    cut(reason, 2000));
            return true;
        } catch (DuplicateKeyException fetchedByAnotherNode) {
            return false;
        }
    }

    public boolean exists(String messageKey) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbound_mail WHERE message_key = ?", Integer.class,
                messageKey) > 0;
    }

    /** Ids of the mails still to process, oldest first. */
    public List<Long> toProcess(int limit) {
        return jdbc.queryForList("SELECT id FROM inbound_mail WHERE status = 'RECEIVED' ORDER BY id FETCH FIRST "
                + limit + " ROWS ONLY", Long.class);
    }

    public Optional<InboundMail> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + ", raw_message FROM inbound_mail WHERE id = ?",
                (row, n) -> map(row, true), id).stream().findFirst();
    }

    /** The mail, its row locked until the caller's transaction ends: one node, one person processes it at a time. */
    public Optional<InboundMail> lock(long id) {
        return jdbc.query("SELECT " + COLUMNS + ", raw_message FROM inbound_mail WHERE id = ? FOR UPDATE",
                (row, n) -> map(row, true), id).stream().findFirst();
    }

    public Optional<InboundMail> findByMessageKey(String messageKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inbound_mail WHERE message_key = ?",
                (row, n) -> map(row, false), messageKey).stream().findFirst();
    }

    /** The mails customer care decides about first (not opened), then the latest others; without their bytes. */
    public List<InboundMail> latest(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inbound_mail ORDER BY CASE status WHEN 'NOT_OPENED' THEN 0 "
                + "WHEN 'RECEIVED' THEN 1 ELSE 2 END, id DESC FETCH FIRST " + limit + " ROWS ONLY",
                (row, n) -> map(row, false));
    }

    /** What became of a mail; {@code by} is the person who decided, null for the intake itself. */
    public void handled(long id, InboundMail.Status status, String reason, String ticketNumber, Instant at, String by) {
        jdbc.update("""
                UPDATE inbound_mail SET status = ?, reason = ?, ticket_number = ?, handled_at = ?, handled_by = ?
                WHERE id = ?""", status.name(), cut(reason, 2000), ticketNumber, Timestamp.from(at), cut(by, 254), id);
    }

    /** An attempt failed: counted, with its error; after the last one, the mail is kept for customer care. */
    public void failedAttempt(long id, String error, int maxAttempts, Instant at) {
        jdbc.update("UPDATE inbound_mail SET attempts = attempts + 1, last_error = ? WHERE id = ?", cut(error, 2000), id);
        Integer attempts = jdbc.queryForObject("SELECT attempts FROM inbound_mail WHERE id = ?", Integer.class, id);
        if (attempts != null && attempts >= maxAttempts) {
            jdbc.update("""
                    UPDATE inbound_mail SET status = 'NOT_OPENED', handled_at = ?, reason = ?
                    WHERE id = ? AND status = 'RECEIVED'""", Timestamp.from(at),
                    cut("It could not be processed after " + attempts + " attempts: " + error, 2000), id);
        }
    }

    /** The beginning of the mail's text, for customer care's list. */
    public void preview(long id, String text) {
        jdbc.update("UPDATE inbound_mail SET preview = ? WHERE id = ?", cut(text, 300), id);
    }

    /** Keeps a file of the mail with the ticket it opened or joined. */
    public void attach(String ticketNumber, long mailId, MailParts.File file, Instant at) {
        jdbc.update("""
                INSERT INTO support_ticket_attachment (ticket_number, inbound_mail_id, file_name, content_type,
                    size_bytes, content, added_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", ticketNumber, mailId, cut(file.name(), 255),
                cut(file.contentType(), 100), file.content().length, file.content(), Timestamp.from(at));
    }

    public List<TicketFile> files(String ticketNumber) {
        return jdbc.query("""
                SELECT id, ticket_number, inbound_mail_id, file_name, content_type, size_bytes, added_at
                FROM support_ticket_attachment WHERE ticket_number = ? ORDER BY id""",
                (row, n) -> new TicketFile(row.getLong("id"), row.getString("ticket_number"),
                        row.getLong("inbound_mail_id"), row.getString("file_name"), row.getString("content_type"),
                        row.getLong("size_bytes"), row.getTimestamp("added_at").toInstant()), ticketNumber);
    }

    public Optional<byte[]> fileContent(String ticketNumber, long id) {
        return jdbc.query("SELECT content FROM support_ticket_attachment WHERE ticket_number = ? AND id = ?",
                (row, n) -> row.getBytes("content"), ticketNumber, id).stream().findFirst();
    }

    /** A file kept with a ticket, without its bytes. */
    public record TicketFile(long id, String ticketNumber, long mailId, String fileName, String contentType,
                             long sizeBytes, Instant addedAt) {
    }

    private static InboundMail map(ResultSet row, boolean withRaw) throws SQLException {
        Timestamp handled = row.getTimestamp("handled_at");
        return new InboundMail(row.getLong("id"), row.getString("message_key"), row.getString("message_id"),
                row.getString("sender"), row.getString("sender_name"), row.getString("subject"), row.getString("preview"),
                row.getTimestamp("received_at").toInstant(), row.getLong("size_bytes"),
                withRaw ? row.getBytes("raw_message") : null, InboundMail.Status.valueOf(row.getString("status")),
                row.getString("reason"), row.getString("ticket_number"), row.getInt("attempts"),
                row.getString("last_error"), handled == null ? null : handled.toInstant(), row.getString("handled_by"));
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
