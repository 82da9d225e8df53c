package io.touchpoint.kpi;

import io.touchpoint.calendar.BusinessCalendar;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * KPI-07: the quote page's and the portal's new visitors, each known only by a random id in a first-party cookie
 * (no address, no user agent, nothing about the person), and whether the visitor then sent a quote request.
 */
@Repository
class Visitors {

    static final String QUOTE_PAGE = "QUOTE";
    static final String PORTAL = "PORTAL";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;

    Visitors(JdbcTemplate jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** A new visitor's first visit of {@code page}; returns the id for the cookie. */
    String arrived(String page) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO kpi_visitor (visitor_id, first_page, first_seen_at) VALUES (?, ?, ?)", id, page,
                Timestamp.from(calendar.now()));
        return id;
    }

    /** The visitor sent a quote request: counted once, however many they send. */
    void requestedQuote(String id) {
        if (id != null && ID.matcher(id).matches()) {
            jdbc.update("UPDATE kpi_visitor SET quote_requested_at = ? WHERE visitor_id = ? AND quote_requested_at IS NULL",
                    Timestamp.from(calendar.now()), id);
        }
    }

    static boolean wellFormed(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
