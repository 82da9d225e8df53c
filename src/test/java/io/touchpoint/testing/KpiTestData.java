package io.touchpoint.testing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tickets, surveys, journeys and visitors with known timings, written where Touchpoint and the engine keep them:
 * the support and survey tables as the support delegates and the survey service write them, and the engine's
 * history tables ({@code ACT_HI_*}) with the rows the journey's steps leave there (a presales outcome, the order's
 * signature time, the quotes-sent end event, the activation date, the welcome call's task, an escalation step).
 */
public final class KpiTestData {

    private final JdbcTemplate jdbc;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private int next;

    public KpiTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private String id(String prefix) {
        return prefix + "-" + run + "-" + (++next);
    }

    /** A ticket of {@code group} worked by {@code agent}; returns its number. */
    public Ticket ticket(String group, String agent, Instant created) {
        String number = "T-K" + run.substring(0, 4) + (++next);
        String processInstance = id("kpi-pi");
        jdbc.update("""
                INSERT INTO support_ticket (ticket_number, kind, process_instance_id, subject, category, priority,
                    contact_name, contact_email, channel, status, support_group, assignee, assigned_at, created_at)
                VALUES (?, 'TROUBLE', ?, 'KPI test', 'OUTAGE', 'P2', 'Ann Lee', 'ann@kpi.example', 'PORTAL',
                    'IN_PROGRESS', ?, ?, ?, ?)""",
                number, processInstance, group, agent, Timestamp.from(created), Timestamp.from(created));
        return new Ticket(number, processInstance, created);
    }

    public final class Ticket {
        public final String number;
        public final String processInstance;
        public final Instant created;

        Ticket(String number, String processInstance, Instant created) {
            this.number = number;
            this.processInstance = processInstance;
            this.created = created;
        }

        public Ticket event(String type, Duration after) {
            jdbc.update("INSERT INTO support_ticket_event (ticket_number, occurred_at, event_type) VALUES (?, ?, ?)",
                    number, Timestamp.from(created.plus(after)), type);
            return this;
        }

        public Ticket acknowledged(Duration after, boolean met) {
            event("ACKNOWLEDGED", after);
            return variable("firstResponseMet", met);
        }

        public Ticket resolved(Duration after, Boolean met) {
            event("RESOLVED", after);
            jdbc.update("UPDATE support_ticket SET status = 'CLOSED', closed_at = ? WHERE ticket_number = ?",
                    Timestamp.from(created.plus(after).plusSeconds(60)), number);
            return met == null ? this : variable("resolutionMet", met);
        }

        public Ticket reopened() {
            jdbc.update("UPDATE support_ticket SET reopen_count = reopen_count + 1 WHERE ticket_number = ?", number);
            return this;
        }

        public Ticket confirmation(boolean confirmed, String comment) {
            variable("customerConfirmed", confirmed);
            jdbc.update("""
                    INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, TEXT_)
                    VALUES (?, 'troubleTicket', ?, ?, 'confirmationComment', 'string', ?)""",
                    id("kpi-var"), processInstance, processInstance, comment);
            return this;
        }

        private Ticket variable(String name, boolean value) {
            jdbc.update("""
                    INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, LONG_)
                    VALUES (?, 'troubleTicket', ?, ?, ?, 'boolean', ?)""",
                    id("kpi-var"), processInstance, processInstance, name, value ? 1L : 0L);
            return this;
        }
    }

    /** A survey sent at {@code sent}, answered at {@code answered} (or not: null) with the ratings and comment. */
    public void survey(String questionnaire, String processInstance, String businessKey, String ratedUser, Instant sent,
                Instant answered, Integer satisfaction, Integer rating, String comment) {
        jdbc.update("""
                INSERT INTO survey (id, token_hash, questionnaire, process_instance_id, business_key, recipient_email,
                    rated_user_id, rated_user_name, answer_message, status, created_at, answered_at, satisfaction,
                    person_rating, answer_comment)
                VALUES (?, 'x', ?, ?, ?, 'ann@kpi.example', ?, ?, 'SurveyAnswered', ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID().toString(), questionnaire, processInstance, businessKey, ratedUser, ratedUser,
                answered == null ? "OPEN" : "ANSWERED", Timestamp.from(sent),
                answered == null ? null : Timestamp.from(answered), satisfaction, rating, comment);
    }

    /**
     * A quote's presales (quotes sent, decided, and when won the order signed) and, when {@code activated} is given,
     * its provisioning (services active). Returns the quote number.
     */
    public String journey(Instant quotesSent, Instant decided, boolean won, Instant signed, Instant activated) {
        String quote = "Q-K" + run + "-" + (++next);
        String presales = id("kpi-presales");
        processInstance(presales, "presales", quote, quotesSent.minus(Duration.ofDays(1)), decided);
        jdbc.update("""
                INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_ID_, PROC_DEF_KEY_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_,
                    ACT_TYPE_, START_TIME_, END_TIME_)
                VALUES (?, 'presales:1:kpi', 'presales', ?, ?, 'EndEvent_QuotesSent', 'noneEndEvent', ?, ?)""",
                id("kpi-act"), presales, presales, Timestamp.from(quotesSent), Timestamp.from(quotesSent));
        variable(presales, "presales", "presalesOutcome", "string", won ? "WON" : "LOST", null);
        if (signed != null) {
            variable(presales, "presales", "orderSignedAt", "date", null, signed.toEpochMilli());
        }
        if (activated != null) {
            String provisioning = id("kpi-provisioning");
            processInstance(provisioning, "provisioning", quote, signed, activated);
            variable(provisioning, "provisioning", "activationDate", "date", null, activated.toEpochMilli());
        }
        return quote;
    }

    /** Client Services' "Schedule the welcome call", due at {@code due} and done at {@code done}. */
    public void welcomeCallScheduled(Instant due, Instant done) {
        String instance = id("kpi-provisioning");
        jdbc.update("""
                INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, PROC_INST_ID_,
                    EXECUTION_ID_, NAME_, START_TIME_, END_TIME_, DUE_DATE_, DELETE_REASON_)
                VALUES (?, 'Task_ScheduleWelcomeCall', 'provisioning', 'provisioning:1:kpi', ?, ?,
                    'Schedule the welcome call', ?, ?, ?, 'completed')""",
                id("kpi-task"), instance, instance, Timestamp.from(done.minus(Duration.ofHours(20))),
                Timestamp.from(done), Timestamp.from(due));
    }

    /** A late welcome call escalated to the sales managers. */
    public void welcomeCallEscalated(Instant at) {
        String instance = id("kpi-provisioning");
        jdbc.update("""
                INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_ID_, PROC_DEF_KEY_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_,
                    ACT_TYPE_, START_TIME_, END_TIME_)
                VALUES (?, 'provisioning:1:kpi', 'provisioning', ?, ?, 'Task_EscalateLateWelcomeCall', 'serviceTask',
                    ?, ?)""",
                id("kpi-act"), instance, instance, Timestamp.from(at), Timestamp.from(at));
    }

    public void visitor(String page, Instant firstSeen, Instant quoteRequested) {
        jdbc.update("INSERT INTO kpi_visitor (visitor_id, first_page, first_seen_at, quote_requested_at) VALUES (?, ?, ?, ?)",
                UUID.randomUUID().toString(), page, Timestamp.from(firstSeen),
                quoteRequested == null ? null : Timestamp.from(quoteRequested));
    }

    private void processInstance(String id, String key, String businessKey, Instant start, Instant end) {
        jdbc.update("""
                INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,
                    END_TIME_, STATE_)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'COMPLETED')""",
                id, id, businessKey, key, key + ":1:kpi", Timestamp.from(start), end == null ? null : Timestamp.from(end));
    }

    private void variable(String processInstance, String key, String name, String type, String text, Long number) {
        jdbc.update("""
                INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, TEXT_, LONG_)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                id("kpi-var"), key, processInstance, processInstance, name, type, text, number);
    }
}
