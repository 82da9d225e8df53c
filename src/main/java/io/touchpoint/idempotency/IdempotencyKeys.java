package io.touchpoint.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table of idempotency keys and the answers given to them. */
@Repository
class IdempotencyKeys {

    /** The first answer to a key; {@code status} is null while the request that claimed the key is running. */
    record Answer(String requestHash, Integer status, String contentType, String location, String body) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for a request; throws DuplicateKeyException when it is taken (or waits while it is in flight). */
    void claim(String key, String endpoint, String requestHash, Instant now, Instant expiresAt) {
        jdbc.update("""
                INSERT INTO idempotency_key (idempotency_key, endpoint, request_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""", key, endpoint, requestHash, Timestamp.from(now), Timestamp.from(expiresAt));
    }

    void answer(String key, String endpoint, int status, String contentType, String location, String body) {
        jdbc.update("""
                UPDATE idempotency_key SET response_status = ?, response_type = ?, response_location = ?, response_body = ?
                WHERE idempotency_key = ? AND endpoint = ?""", status, contentType, location, body, key, endpoint);
    }

    Optional<Answer> find(String key, String endpoint, Instant now) {
        return jdbc.query("""
                SELECT request_hash, response_status, response_type, response_location, response_body FROM idempotency_key
                WHERE idempotency_key = ? AND endpoint = ? AND expires_at > ?""",
                (row, i) -> new Answer(row.getString(1), (Integer) row.getObject(2), row.getString(3), row.getString(4),
                        row.getString(5)), key, endpoint, Timestamp.from(now)).stream().findFirst();
    }

    /** Forgets the keys that have expired. */
    int deleteExpired(Instant now) {
        return jdbc.update("DELETE FROM idempotency_key WHERE expires_at <= ?", Timestamp.from(now));
    }
}
