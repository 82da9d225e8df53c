package io.touchpoint.portal;

import io.touchpoint.calendar.BusinessCalendar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The portal's accounts and their one-time tokens (stored as hashes), in Touchpoint's database. */
@Repository
public class PortalAccounts {

    /** What a one-time token is for. */
    public enum Purpose { CONFIRM, RESET }

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;

    PortalAccounts(JdbcTemplate jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** Addresses are compared without case: stored and looked up in lower case. */
    static String normalized(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public Optional<PortalAccount> byEmail(String email) {
        return jdbc.query("SELECT * FROM portal_account WHERE email = ?", PortalAccounts::map, normalized(email)).stream()
                .findFirst();
    }

    public Optional<PortalAccount> byId(long id) {
        return jdbc.query("SELECT * FROM portal_account WHERE id = ?", PortalAccounts::map, id).stream().findFirst();
    }

    public List<PortalAccount> all() {
        return jdbc.query("SELECT * FROM portal_account ORDER BY email", PortalAccounts::map);
    }

    public List<PortalAccount> ofCompany(String companyName) {
        return jdbc.query("SELECT * FROM portal_account WHERE company_name = ? ORDER BY email", PortalAccounts::map,
                companyName);
    }

    /** A new, unconfirmed account without a password; empty if the address has one already (or got one meanwhile). */
    Optional<Long> create(String email, String displayName) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(connection -> {
                var insert = connection.prepareStatement(
                        "INSERT INTO portal_account (email, display_name, created_at) VALUES (?, ?, ?)", new String[] {"id"});
                insert.setString(1, normalized(email));
                insert.setString(2, displayName.trim());
                insert.setTimestamp(3, Timestamp.from(now()));
                return insert;
            }, key);
        } catch (org.springframework.dao.DuplicateKeyException taken) {
            return Optional.empty();
        }
        return Optional.of(key.getKey().longValue());
    }

    void rename(long id, String displayName) {
        jdbc.update("UPDATE portal_account SET display_name = ? WHERE id = ?", displayName.trim(), id);
    }

    void setPassword(long id, String passwordHash, boolean confirm) {
        if (confirm) {
            jdbc.update("UPDATE portal_account SET password_hash = ?, confirmed_at = COALESCE(confirmed_at, ?) WHERE id = ?",
                    passwordHash, Timestamp.from(now()), id);
        } else {
            jdbc.update("UPDATE portal_account SET password_hash = ? WHERE id = ?", passwordHash, id);
        }
    }

    /** Links the account to a company ({@code null}: unlinks it), recording who did it ("automatic" at confirmation). */
    public void link(long id, String companyName, String by) {
        jdbc.update("UPDATE portal_account SET company_name = ?, company_linked_by = ?, company_linked_at = ? WHERE id = ?",
                companyName, by, companyName == null ? null : Timestamp.from(now()), id);
    }

    void addToken(String tokenHash, long accountId, Purpose purpose, Instant expiresAt) {
        jdbc.update("INSERT INTO portal_token (token_hash, account_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                tokenHash, accountId, purpose.name(), Timestamp.from(now()), Timestamp.from(expiresAt));
    }

    /** The account of an unused, unexpired token for the purpose. */
    Optional<Long> tokenAccount(String tokenHash, Purpose purpose) {
        return jdbc.queryForList("""
                SELECT account_id FROM portal_token
                WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""", Long.class,
                tokenHash, purpose.name(), Timestamp.from(now())).stream().findFirst();
    }

    /** Uses the token up, once: false if another request used it first. */
    boolean useToken(String tokenHash) {
        return jdbc.update("UPDATE portal_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                Timestamp.from(now()), tokenHash) == 1;
    }

    /** Every other open token of the account ends (a new password makes older links useless). */
    void endTokens(long accountId) {
        jdbc.update("UPDATE portal_token SET used_at = ? WHERE account_id = ? AND used_at IS NULL",
                Timestamp.from(now()), accountId);
    }

    Instant now() {
        return calendar.now();
    }

    private static PortalAccount map(ResultSet row, int number) throws SQLException {
        return new PortalAccount(row.getLong("id"), row.getString("email"), row.getString("display_name"),
                row.getString("password_hash"), instant(row.getTimestamp("confirmed_at")), row.getString("company_name"),
                row.getString("company_linked_by"), instant(row.getTimestamp("company_linked_at")),
                row.getTimestamp("created_at").toInstant());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
