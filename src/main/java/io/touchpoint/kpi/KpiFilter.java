package io.touchpoint.kpi;

import io.touchpoint.identity.Roles;
import io.touchpoint.web.InvalidFieldException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The filters of the KPI page, the API and the CSV export: the period (whole days in the business time zone, both
 * ends included, at most {@link #MAX_DAYS} days so that every query stays bounded), and optionally a support group
 * and an agent (a user id). Missing dates: the last {@link #DEFAULT_WEEKS} weeks up to today.
 */
public record KpiFilter(LocalDate from, LocalDate to, String group, String agent) {

    static final int MAX_DAYS = 366;
    static final int DEFAULT_WEEKS = 12;
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    /** The filter from the request's parameters, each checked; a bad one is a 400 naming it. */
    static KpiFilter parse(String from, String to, String group, String agent, LocalDate today) {
        LocalDate end = blank(to) ? today : date("to", to);
        LocalDate start = blank(from) ? end.minusWeeks(DEFAULT_WEEKS).plusDays(1) : date("from", from);
        if (start.isAfter(end)) {
            throw new InvalidFieldException("from", "must not be after to (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new InvalidFieldException("to", "the period may be at most " + MAX_DAYS + " days long");
        }
        String groupId = blank(group) ? null : group.trim();
        if (groupId != null && Roles.ALL.stream().noneMatch(role -> role.id().equals(groupId))) {
            throw new InvalidFieldException("group", "is not a group of Touchpoint");
        }
        String agentId = blank(agent) ? null : agent.trim();
        if (agentId != null && !USER_ID.matcher(agentId).matches()) {
            throw new InvalidFieldException("agent", "must be a user id (letters, digits, . _ @ -)");
        }
        return new KpiFilter(start, end, groupId, agentId);
    }

    private static LocalDate date(String field, String value) {
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                throw new InvalidFieldException(field, "must be a date between 2000 and 2100");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a date as yyyy-mm-dd");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Whether the support figures are narrowed to a group or an agent. */
    boolean narrowed() {
        return group != null || agent != null;
    }

    java.time.Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    java.time.Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
