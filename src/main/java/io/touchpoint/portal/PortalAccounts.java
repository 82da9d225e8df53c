package io.touchpoint.portal;

import io.touchpoint.calendar.BusinessCalendar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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

    /**
     * Links the account to a company ({@code null}: unlinks it), recording who did it ("automatic" at confirmation).
     * Linking settles a company claim by account number: the claim is cleared.
     */
    public void link(long id, String companyName, String by) {
        if (companyName == null) {
            jdbc.update("UPDATE portal_account SET company_name = NULL, company_linked_by = ?, company_linked_at = NULL "
                    + "WHERE id = ?", by, id);
        } else {
            jdbc.update("UPDATE portal_account SET company_name = ?, company_linked_by = ?, company_linked_at = ?, "
                    + "claimed_account_number = NULL WHERE id = ?", companyName, by, Timestamp.from(now()), id);
        }
    }

    /** Records the account number the owner gave, for customer care to decide on ({@code null}: clears it). */
    void claim(long id, String accountNumber) {
        jdbc.update("UPDATE portal_account SET claimed_account_number = ? WHERE id = ?", accountNumber, id);
    }

    /**
     * Links the account to the company its claimed account number matches, only while that claim is still open (the
     * account unlinked, the number the one staff saw): false when another request settled it first.
     */
    boolean linkClaim(long id, String accountNumber, String companyName, String by) {
        return jdbc.update("""
                UPDATE portal_account SET company_name = ?, company_linked_by = ?, company_linked_at = ?,
                    claimed_account_number = NULL
                WHERE id = ? AND company_name IS NULL AND claimed_account_number = ?""",
                companyName, by, Timestamp.from(now()), id, accountNumber) == 1;
    }

    /** Rejects the account's claim if it is still the number staff saw: false when it was settled already. */
    boolean rejectClaim(long id, String accountNumber) {
        return jdbc.update("UPDATE portal_account SET claimed_account_number = NULL "
                + "WHERE id = ? AND claimed_account_number = ?", id, accountNumber) == 1;
    }

    /** A one-time token; {@code accountNumber} is the one the registration gave (null: none, or not a confirmation). */
    void addToken(String tokenHash, long accountId, Purpose purpose, Instant expiresAt, String accountNumber) {
        jdbc.update("""
                INSERT INTO portal_token (token_hash, account_id, purpose, created_at, expires_at, account_number)
                VALUES (?, ?, ?, ?, ?, ?)""",
                tokenHash, accountId, purpose.name(), Timestamp.from(now()), Timestamp.from(expiresAt), accountNumber);
    }

    /** The account number given with the registration that emailed this token, if any. */
    Optional<String> tokenAccountNumber(String tokenHash) {
        return jdbc.queryForList("SELECT account_number FROM portal_token WHERE token_hash = ?", String.class, tokenHash)
                .stream().filter(Objects::nonNull).findFirst();
    }

    /** The account number of the account's newest open confirmation link (a new confirmation link keeps it). */
    Optional<String> openConfirmationAccountNumber(long accountId) {
        List<String> numbers = jdbc.queryForList("""
                SELECT account_number FROM portal_token
                WHERE account_id = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
                ORDER BY created_at DESC""", String.class, accountId, Purpose.CONFIRM.name(), Timestamp.from(now()));
        return numbers.isEmpty() ? Optional.empty() : Optional.ofNullable(numbers.get(0));
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
                row.getTimestamp("created_at").toInstant(), row.getString("claimed_account_number"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
