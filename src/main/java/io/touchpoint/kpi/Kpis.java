package io.touchpoint.kpi;

import static io.touchpoint.kpi.Series.Rule.AVERAGE;
import static io.touchpoint.kpi.Series.Rule.COUNT;
import static io.touchpoint.kpi.Series.Rule.MEDIAN;
import static io.touchpoint.kpi.Series.Rule.P90;
import static io.touchpoint.kpi.Series.Rule.PERCENT;

import io.touchpoint.calendar.BusinessCalendar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' KPIs (KPI-01 to KPI-07 and the journey's own), computed on demand from Touchpoint's tables and the
 * engine's history tables with plain SQL: set queries per source, each bounded by the period through an index, and
 * the figures (percentiles, shares, weekly series) computed in Java from the rows it returns.
 *
 * <p>The engine's history is read with SQL rather than through {@code HistoryService}: the figures need a variable
 * next to the time of an activity or another instance's variable (the order signed in presales, its activation in
 * provisioning, matched by the quote number), which the history queries can only give one instance at a time.
 * The columns read ({@code ACT_HI_PROCINST}, {@code ACT_HI_VARINST}, {@code ACT_HI_ACTINST},
 * {@code ACT_HI_TASKINST}) are Camunda 7's documented history schema, indexed by the engine on the columns used.
 */
@Service
public class Kpis {

    /** How many comments the report carries at most (the newest); the count says how many there were. */
    static final int MAX_COMMENTS = 200;

    private static final Logger log = LoggerFactory.getLogger(Kpis.class);

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;

    Kpis(JdbcTemplate jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    LocalDate today() {
        return calendar.now().atZone(calendar.zone()).toLocalDate();
    }

    @Transactional(readOnly = true)
    public KpiReport report(KpiFilter filter) {
        ZoneId zone = calendar.zone();
        List<LocalDate> weeks = Series.weeks(filter.from(), filter.to());
        Report report = new Report(filter, weeks, zone);
        timed("tickets", () -> tickets(report));
        timed("surveys answered", () -> surveysAnswered(report));
        timed("surveys sent", () -> surveysSent(report));
        timed("presales", () -> presales(report));
        timed("signatures", () -> signatures(report));
        timed("activations", () -> activations(report));
        timed("welcome calls", () -> welcomeCalls(report));
        timed("journey escalations", () -> journeyEscalations(report));
        timed("visitors", () -> visitors(report));
        return report.build();
    }

    /**
     * Support tickets and service requests created in the period (KPI-02, KPI-05, KPI-06, escalations, reopen rate):
     * one range query on the tickets' summary rows ({@code ticket_kpi}, written by the support steps as they happen),
     * narrowed by group or agent through their own indexes.
     */
    private void tickets(Report report) {
        List<Object> args = report.periodArgs();
        String narrow = (report.filter.group() != null ? " AND k.support_group = ?" : "")
                + (report.filter.agent() != null ? " AND k.assignee = ?" : "");
        if (report.filter.group() != null) {
            args.add(report.filter.group());
        }
        if (report.filter.agent() != null) {
            args.add(report.filter.agent());
        }
        LocalTimes times = new LocalTimes();
        jdbc.query("""
                SELECT k.created_at, k.first_response_at, k.resolved_at,
                    CASE WHEN k.status IN ('RESOLVED', 'CLOSED') THEN 1 ELSE 0 END AS still_resolved,
                    k.first_response_met, k.resolution_met, k.escalations, k.reopen_count, k.confirmation_comment,
                    k.customer_confirmed, k.ticket_number
                FROM ticket_kpi k WHERE k.created_at >= ? AND k.created_at < ?""" + narrow,
                (RowCallbackHandler) row -> ticket(report, times, row), args.toArray());
    }

    /**
     * One ticket's summary row into the figures. The times are read as numbers (epoch nanoseconds) and the durations
     * worked out from them as {@link Duration#toMillis()} would: one row of 100,000 makes no object but its comment.
     */
    private static void ticket(Report report, LocalTimes times, ResultSet row) throws SQLException {
        long created = times.nanos(row, 1);
        long acknowledged = times.nanos(row, 2);
        long resolved = times.nanos(row, 3);
        long at = LocalTimes.millis(created);
        Boolean firstResponseMet = flag(row, 5);
        Boolean resolutionMet = flag(row, 6);
        boolean stillResolved = resolved != LocalTimes.NONE && row.getInt(4) == 1;
        if (acknowledged != LocalTimes.NONE) {
            report.firstResponse.add(at, LocalTimes.millisBetween(created, acknowledged) / 60_000.0);
        }
        if (stillResolved) {
            report.resolution.add(at, LocalTimes.millisBetween(created, resolved) / 60_000.0 / 60);
        }
        if (firstResponseMet != null) {
            report.slaFirstResponse.hit(at, firstResponseMet);
        }
        if (resolutionMet != null && stillResolved) {
            report.slaResolution.hit(at, resolutionMet);
        }
        if (firstResponseMet != null && resolutionMet != null && stillResolved) {
            report.slaBoth.hit(at, firstResponseMet && resolutionMet);
        }
        for (int i = row.getInt(7); i > 0; i--) {
            report.ticketEscalations.add(at, 1);
        }
        if (resolved != LocalTimes.NONE) {
            report.reopenRate.hit(at, row.getInt(8) > 0);
        }
        String comment = row.getString(9);
        if (comment != null && !comment.isBlank() && resolved != LocalTimes.NONE) {
            report.comment(new KpiReport.Comment(LocalTimes.instant(resolved),
                    Boolean.FALSE.equals(flag(row, 10)) ? "Ticket reopened" : "Ticket confirmed", row.getString(11),
                    null, null, comment.trim()));
        }
    }

    /** Surveys answered in the period: agent rating (KPI-03), CSAT (KPI-04), comments (KPI-06). */
    private void surveysAnswered(Report report) {
        StringBuilder sql = new StringBuilder("""
                SELECT s.answered_at, s.satisfaction, s.person_rating, s.answer_comment, s.questionnaire, s.business_key
                FROM survey s""");
        List<Object> args = new ArrayList<>();
        narrowSurveys(report, sql, args);
        sql.append(" AND s.answered_at >= ? AND s.answered_at < ?");
        args.addAll(report.periodArgs());
        LocalTimes times = new LocalTimes();
        jdbc.query(sql.toString(), row -> {
            long answered = times.nanos(row, 1);
            long at = LocalTimes.millis(answered);
            int satisfaction = row.getInt(2);
            boolean satisfactionGiven = !row.wasNull();
            int rating = row.getInt(3);
            boolean ratingGiven = !row.wasNull();
            if (ratingGiven) {
                report.agentRating.add(at, rating);
            }
            if (satisfactionGiven) {
                report.csat.hit(at, satisfaction >= 4);
            }
            String comment = row.getString(4);
            if (comment != null && !comment.isBlank()) {
                report.comment(new KpiReport.Comment(LocalTimes.instant(answered), "Survey: " + row.getString(5),
                        row.getString(6), satisfactionGiven ? satisfaction : null, ratingGiven ? rating : null,
                        comment.trim()));
            }
        }, args.toArray());
    }

    /** Surveys sent in the period, and whether they were answered (survey response rate). */
    private void surveysSent(Report report) {
        StringBuilder sql = new StringBuilder(
                "SELECT s.created_at, CASE WHEN s.answered_at IS NULL THEN 0 ELSE 1 END AS answered FROM survey s");
        List<Object> args = new ArrayList<>();
        narrowSurveys(report, sql, args);
        sql.append(" AND s.created_at >= ? AND s.created_at < ?");
        args.addAll(report.periodArgs());
        LocalTimes times = new LocalTimes();
        jdbc.query(sql.toString(), row -> {
            report.surveyResponse.hit(LocalTimes.millis(times.nanos(row, 1)), row.getInt(2) == 1);
        }, args.toArray());
    }

    /**
     * With a group: the surveys of that group's tickets, each looked up in the tickets' summary rows by its process
     * instance (an index holding both columns answers it alone, V17), so the query stays bounded by the period's
     * surveys; with an agent: the surveys that rate the agent.
     */
    private static void narrowSurveys(Report report, StringBuilder sql, List<Object> args) {
        sql.append(" WHERE 1 = 1");
        if (report.filter.group() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM ticket_kpi k WHERE k.process_instance_id = s.process_instance_id"
                    + " AND k.support_group = ?)");
            args.add(report.filter.group());
        }
        if (report.filter.agent() != null) {
            sql.append(" AND s.rated_user_id = ?");
            args.add(report.filter.agent());
        }
    }

    /** Presales instances that ended in the period, and how (KPI-01: conversion rate). */
    private void presales(Report report) {
        jdbc.query("""
                SELECT p.END_TIME_ AS ended_at, v.TEXT_ AS outcome
                FROM ACT_HI_PROCINST p
                JOIN ACT_HI_VARINST v ON v.PROC_INST_ID_ = p.ID_ AND v.NAME_ = 'presalesOutcome'
                WHERE p.END_TIME_ >= ? AND p.END_TIME_ < ? AND p.PROC_DEF_KEY_ = 'presales'""",
                row -> {
                    report.conversion.hit(instant(row, "ended_at"), "WON".equals(row.getString("outcome")));
                }, report.periodArgs().toArray());
    }

    /** Orders signed in the period, from the first time the quotes were sent (quote-to-signature time). */
    private void signatures(Report report) {
        jdbc.query("""
                SELECT s.LONG_ AS signed_at,
                  (SELECT MIN(a.END_TIME_) FROM ACT_HI_ACTINST a
                    WHERE a.PROC_INST_ID_ = s.PROC_INST_ID_ AND a.ACT_ID_ = 'EndEvent_QuotesSent') AS quotes_sent_at
                FROM ACT_HI_VARINST s
                WHERE s.NAME_ = 'orderSignedAt' AND s.VAR_TYPE_ = 'date' AND s.PROC_DEF_KEY_ = 'presales'
                  AND s.LONG_ >= ? AND s.LONG_ < ?""",
                row -> {
                    Instant signed = Instant.ofEpochMilli(row.getLong("signed_at"));
                    Instant sent = instant(row, "quotes_sent_at");
                    if (sent != null) {
                        report.quoteToSignature.add(signed, days(sent, signed));
                    }
                }, report.periodMillis());
    }

    /** Services activated in the period, from the order's signature (matched by the quote number). */
    private void activations(Report report) {
        jdbc.query("""
                SELECT a.LONG_ AS activated_at, s.LONG_ AS signed_at
                FROM ACT_HI_VARINST a
                JOIN ACT_HI_PROCINST p ON p.ID_ = a.PROC_INST_ID_
                JOIN ACT_HI_PROCINST ps ON ps.BUSINESS_KEY_ = p.BUSINESS_KEY_ AND ps.PROC_DEF_KEY_ = 'presales'
                JOIN ACT_HI_VARINST s ON s.PROC_INST_ID_ = ps.ID_ AND s.NAME_ = 'orderSignedAt' AND s.VAR_TYPE_ = 'date'
                WHERE a.NAME_ = 'activationDate' AND a.VAR_TYPE_ = 'date' AND a.PROC_DEF_KEY_ = 'provisioning'
                  AND a.LONG_ >= ? AND a.LONG_ < ?""",
                row -> {
                    Instant activated = Instant.ofEpochMilli(row.getLong("activated_at"));
                    report.signatureToActivation.add(activated,
                            days(Instant.ofEpochMilli(row.getLong("signed_at")), activated));
                }, report.periodMillis());
    }

    /** Welcome calls scheduled in the period (PRV-02), on time when done by the task's due date. */
    private void welcomeCalls(Report report) {
        jdbc.query("""
                SELECT t.END_TIME_ AS ended_at, t.DUE_DATE_ AS due_at
                FROM ACT_HI_TASKINST t
                WHERE t.END_TIME_ >= ? AND t.END_TIME_ < ? AND t.TASK_DEF_KEY_ = 'Task_ScheduleWelcomeCall'
                  AND t.PROC_DEF_KEY_ = 'provisioning' AND t.DELETE_REASON_ = 'completed'""",
                row -> {
                    Instant ended = instant(row, "ended_at");
                    Instant due = instant(row, "due_at");
                    report.welcomeCallsOnTime.hit(ended, due == null || !ended.isAfter(due));
                }, report.periodArgs().toArray());
    }

    /** The journey's escalations to the sales managers: a late welcome call, a late follow-up. */
    private void journeyEscalations(Report report) {
        jdbc.query("""
                SELECT a.END_TIME_ AS ended_at FROM ACT_HI_ACTINST a
                WHERE a.END_TIME_ >= ? AND a.END_TIME_ < ?
                  AND a.ACT_ID_ IN ('Task_EscalateLateWelcomeCall', 'Task_EscalateLateFollowUp')""",
                row -> {
                    report.journeyEscalations.add(instant(row, "ended_at"), 1);
                }, report.periodArgs().toArray());
    }

    /** KPI-07: new visitors of the quote page and the portal, and those of them who sent a quote request. */
    private void visitors(Report report) {
        jdbc.query("""
                SELECT first_page, first_seen_at, quote_requested_at FROM kpi_visitor
                WHERE first_seen_at >= ? AND first_seen_at < ?""",
                row -> {
                    Instant seen = instant(row, "first_seen_at");
                    if (Visitors.QUOTE_PAGE.equals(row.getString("first_page"))) {
                        report.quoteVisitors.add(seen, 1);
                    } else {
                        report.portalVisitors.add(seen, 1);
                    }
                    boolean requested = row.getTimestamp("quote_requested_at") != null;
                    if (requested) {
                        report.visitorsRequested.add(seen, 1);
                    }
                    report.visitorConversion.hit(seen, requested);
                }, report.periodArgs().toArray());
    }

    /** Runs one source's queries; at DEBUG, logs how long they took (what to look at when the page gets slow). */
    private static void timed(String source, Runnable queries) {
        long start = System.nanoTime();
        queries.run();
        if (log.isDebugEnabled()) {
            log.debug("KPI source {}: {} ms", source, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Boolean flag(ResultSet row, int column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    private static Boolean flag(ResultSet row, String column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    private static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }


    private static double minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 60_000.0;
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 86_400_000.0;
    }

    /** The measurements of one report while its queries run. */
    private static final class Report {

        final KpiFilter filter;
        final List<LocalDate> weeks;
        final ZoneId zone;
        final Series firstResponse;
        final Series resolution;
        final Series agentRating;
        final Series csat;
        final Series slaFirstResponse;
        final Series slaResolution;
        final Series slaBoth;
        final Series conversion;
        final Series quoteToSignature;
        final Series welcomeCallsOnTime;
        final Series signatureToActivation;
        final Series ticketEscalations;
        final Series journeyEscalations;
        final Series reopenRate;
        final Series surveyResponse;
        final Series quoteVisitors;
        final Series portalVisitors;
        final Series visitorsRequested;
        final Series visitorConversion;
        final List<KpiReport.Comment> comments = new ArrayList<>();

        Report(KpiFilter filter, List<LocalDate> weeks, ZoneId zone) {
            this.filter = filter;
            this.weeks = weeks;
            this.zone = zone;
            firstResponse = percentiles();
            resolution = percentiles();
            agentRating = series();
            csat = series();
            slaFirstResponse = series();
            slaResolution = series();
            slaBoth = series();
            conversion = series();
            quoteToSignature = percentiles();
            welcomeCallsOnTime = series();
            signatureToActivation = percentiles();
            ticketEscalations = series();
            journeyEscalations = series();
            reopenRate = series();
            surveyResponse = series();
            quoteVisitors = series();
            portalVisitors = series();
            visitorsRequested = series();
            visitorConversion = series();
        }

        private Series series() {
            return new Series(weeks, zone);
        }

        private Series percentiles() {
            return new Series(weeks, zone, true);
        }

        List<Object> periodArgs() {
            List<Object> args = new ArrayList<>();
            args.add(Timestamp.from(filter.start(zone)));
            args.add(Timestamp.from(filter.end(zone)));
            return args;
        }

        Object[] periodMillis() {
            return new Object[] {filter.start(zone).toEpochMilli(), filter.end(zone).toEpochMilli()};
        }

        void comment(KpiReport.Comment comment) {
            if (!comment.at().isBefore(filter.start(zone)) && comment.at().isBefore(filter.end(zone))) {
                comments.add(comment);
            }
        }

        KpiReport build() {
            boolean n = filter.narrowed();
            List<KpiReport.Figure> figures = List.of(
                    conversion.figure("conversionRate", "KPI-01", "Conversion rate", "%", PERCENT, false,
                            "Quote requests decided in the period that became signed orders (presales WON)"),
                    firstResponse.figure("firstResponseMedian", "KPI-02", "First response, median", "minutes",
                            MEDIAN, n, "From the ticket's creation to the agent's acknowledgement"),
                    firstResponse.figure("firstResponseP90", "KPI-02", "First response, 90th percentile", "minutes",
                            P90, n, "9 of 10 tickets were acknowledged within this time"),
                    resolution.figure("resolutionMedian", "KPI-02", "Resolution, median", "hours", MEDIAN, n,
                            "From the ticket's creation to its (last) resolution"),
                    resolution.figure("resolutionP90", "KPI-02", "Resolution, 90th percentile", "hours", P90, n,
                            "9 of 10 tickets were resolved within this time"),
                    agentRating.figure("agentRating", "KPI-03", "Agent rating", "of 5", AVERAGE, n,
                            "Average rating of the person in the surveys answered in the period"),
                    csat.figure("csat", "KPI-04", "Customer satisfaction (CSAT)", "%", PERCENT, n,
                            "Survey answers with satisfaction 4 or 5 of 5"),
                    slaBoth.figure("slaCompliance", "KPI-05", "SLA compliance", "%", PERCENT, n,
                            "Resolved tickets that met both the first-response and the resolution target"),
                    slaFirstResponse.figure("slaFirstResponse", "KPI-05", "First-response target met", "%", PERCENT,
                            n, "Acknowledged tickets that met the first-response target"),
                    slaResolution.figure("slaResolution", "KPI-05", "Resolution target met", "%", PERCENT, n,
                            "Resolved tickets that met the resolution target"),
                    quoteVisitors.figure("newVisitorsQuotePage", "KPI-07", "New visitors, quote page", "visitors",
                            COUNT, false, "Browsers that opened the quote page as their first page"),
                    portalVisitors.figure("newVisitorsPortal", "KPI-07", "New visitors, portal", "visitors", COUNT,
                            false, "Browsers that opened the customer portal as their first page"),
                    visitorsRequested.figure("visitorsQuoteRequests", "KPI-07", "New visitors who requested a quote",
                            "visitors", COUNT, false, "New visitors of the period who then sent a quote request"),
                    visitorConversion.figure("visitorConversion", "KPI-07", "New visitors to quote requests", "%",
                            PERCENT, false, "Share of the new visitors who sent a quote request"),
                    quoteToSignature.figure("quoteToSignatureMedian", "journey", "Quote to signature, median", "days",
                            MEDIAN, false, "From the quotes first sent to the agent to the order signed"),
                    quoteToSignature.figure("quoteToSignatureP90", "journey", "Quote to signature, 90th percentile",
                            "days", P90, false, "9 of 10 signed orders were signed within this time"),
                    welcomeCallsOnTime.figure("welcomeCallsOnTime", "journey", "Welcome calls scheduled on time", "%",
                            PERCENT, false, "Welcome calls scheduled by their due date (PRV-02: 2 business days)"),
                    signatureToActivation.figure("signatureToActivationMedian", "journey",
                            "Signature to activation, median", "days", MEDIAN, false,
                            "From the order signed to the services active (PRV-16)"),
                    signatureToActivation.figure("signatureToActivationP90", "journey",
                            "Signature to activation, 90th percentile", "days", P90, false,
                            "9 of 10 activations came within this time of the signature"),
                    ticketEscalations.figure("ticketEscalations", "journey", "Ticket escalations", "escalations",
                            COUNT, n, "Escalations of tickets created in the period (late response or resolution,"
                                    + " reopening)"),
                    journeyEscalations.figure("journeyEscalations", "journey", "Journey escalations", "escalations",
                            COUNT, false, "Late welcome calls and follow-ups escalated to the sales managers"),
                    reopenRate.figure("reopenRate", "journey", "Reopen rate", "%", PERCENT, n,
                            "Resolved tickets that the customer reopened at least once"),
                    surveyResponse.figure("surveyResponseRate", "journey", "Survey response rate", "%", PERCENT, n,
                            "Surveys sent in the period that were answered"));
            List<KpiReport.Comment> newest = comments.stream()
                    .sorted(Comparator.comparing(KpiReport.Comment::at).reversed()).limit(MAX_COMMENTS).toList();
            return new KpiReport(filter.from(), filter.to(), filter.group(), filter.agent(), zone.getId(), weeks,
                    figures, comments.size(), newest);
        }
    }
}
