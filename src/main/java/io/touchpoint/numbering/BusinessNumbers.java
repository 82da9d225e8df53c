package io.touchpoint.numbering;

import io.touchpoint.calendar.BusinessCalendar;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out readable numbers such as {@code Q-2026-00042} (quotes) and {@code O-2026-00017} (orders),
 * counted per kind and calendar year in the provider's time zone. Each number is taken in a transaction
 * of its own, so no number is handed out twice; a start that fails later leaves a gap, which is harmless.
 */
@Service
public class BusinessNumbers {

    public static final String QUOTE = "Q";
    public static final String ORDER = "O";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final BusinessCalendar calendar;

    public BusinessNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.calendar = calendar;
    }

    public String next(String kind) {
        int year = calendar.now().atZone(calendar.zone()).getYear();
        try {
            return ownTransaction.execute(status -> increment(kind, year));
        } catch (DuplicateKeyException firstOfTheYearTakenConcurrently) {
            return ownTransaction.execute(status -> increment(kind, year));
        }
    }

    private String increment(String kind, int year) {
        int updated = jdbc.update("UPDATE business_number SET last_value = last_value + 1 WHERE kind = ? AND number_year = ?",
                kind, year);
        if (updated == 0) {
            jdbc.update("INSERT INTO business_number (kind, number_year, last_value) VALUES (?, ?, 1)", kind, year);
        }
        Integer value = jdbc.queryForObject("SELECT last_value FROM business_number WHERE kind = ? AND number_year = ?",
                Integer.class, kind, year);
        return "%s-%d-%05d".formatted(kind, year, value);
    }
}
