package io.touchpoint.outage;

import io.touchpoint.calendar.BusinessCalendar;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The outage notification list (PST-04): the customers told when service is down. One entry per email address;
 * adding an address twice keeps one entry.
 */
@Service
public class OutageList {

    public record Subscriber(String email, String companyName, String orderNumber, Instant addedAt) {
    }

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;
    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

    public OutageList(JdbcTemplate jdbc, org.springframework.transaction.PlatformTransactionManager transactions,
                      BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Adds the address in a transaction of its own, so that a concurrent add of the same address (which loses on
     * the primary key) does not abort the caller's transaction.
     *
     * @return true when the address was new
     */
    public boolean add(String email, String companyName, String orderNumber) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("The outage list needs an email address");
        }
        String address = email.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> insert(address, companyName, orderNumber)));
        } catch (org.springframework.dao.DuplicateKeyException addedConcurrently) {
            return false;
        }
    }

    private boolean insert(String address, String companyName, String orderNumber) {
        return jdbc.update("""
                INSERT INTO outage_subscriber (email, company_name, order_number, added_at)
                SELECT ?, ?, ?, ? FROM (SELECT 1 AS one) AS single_row
                WHERE NOT EXISTS (SELECT 1 FROM outage_subscriber WHERE email = ?)""",
                address, companyName, orderNumber, Timestamp.from(calendar.now()), address) == 1;
    }

    public List<Subscriber> subscribers() {
        return jdbc.query("SELECT * FROM outage_subscriber ORDER BY company_name, email", (row, n) -> new Subscriber(
                row.getString("email"), row.getString("company_name"), row.getString("order_number"),
                row.getTimestamp("added_at").toInstant()));
    }
}
