package io.touchpoint.survey;

import io.touchpoint.TouchpointProperties;
import io.touchpoint.calendar.BusinessCalendar;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Surveys: created with an unguessable token (only its hash is stored), answered once through the page or the
 * API, which tells the waiting process; closed unanswered when the process gives up waiting.
 */
@Service
public class SurveyService {

    /** The process variable holding the survey a process waits for; answers correlate by it. */
    public static final String SURVEY_ID = "surveyId";
    /** The variables an answer brings to the waiting process. */
    public static final String SATISFACTION = "surveySatisfaction";
    public static final String PERSON_RATING = "surveyPersonRating";
    public static final String COMMENT = "surveyComment";
    public static final String ANSWERED_AT = "surveyAnsweredAt";

    public enum Outcome { ANSWERED, NOT_FOUND, ALREADY_ANSWERED, CLOSED }

    public record NewSurvey(String id, String token, String link) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final String baseUrl;
    private final BusinessCalendar calendar;

    public SurveyService(JdbcTemplate jdbc, RuntimeService runtime, TouchpointProperties touchpoint,
                         BusinessCalendar calendar) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.baseUrl = touchpoint.baseUrl();
    }

    public NewSurvey create(String questionnaire, String processInstanceId, String businessKey, String recipientEmail,
                            String ratedUserId, String ratedUserName, String answerMessage) {
        String id = UUID.randomUUID().toString();
        String token = newToken();
        jdbc.update("""
                INSERT INTO survey (id, token_hash, questionnaire, process_instance_id, business_key, recipient_email,
                                    rated_user_id, rated_user_name, answer_message, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""",
                id, hash(token), questionnaire, processInstanceId, businessKey, recipientEmail, ratedUserId,
                ratedUserName, answerMessage, Timestamp.from(now()));
        return new NewSurvey(id, token, link(id, token));
    }

    /**
     * A second link to an open survey, for the reminder: the first link stays valid too. The process holds no
     * token, so a reminder cannot repeat the first one.
     */
    public NewSurvey reminderLink(String id) {
        String token = newToken();
        jdbc.update("UPDATE survey SET reminder_token_hash = ? WHERE id = ?", hash(token), id);
        return new NewSurvey(id, token, link(id, token));
    }

    private String link(String id, String token) {
        return baseUrl + "/survey/" + id + "?token=" + token;
    }

    /**
     * A link of its own for the customer portal to the open survey of a ticket or order (its business key): the
     * emailed links stay valid; the portal's previous link stops working. Empty when no survey of it is open.
     */
    public Optional<NewSurvey> portalLink(String businessKey) {
        List<String> open = jdbc.queryForList("SELECT id FROM survey WHERE business_key = ? AND status = 'OPEN' "
                + "ORDER BY created_at DESC", String.class, businessKey);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        String token = newToken();
        jdbc.update("UPDATE survey SET portal_token_hash = ? WHERE id = ?", hash(token), open.get(0));
        return Optional.of(new NewSurvey(open.get(0), token, link(open.get(0), token)));
    }

    private static String newToken() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The survey, when the token is its own; empty for an unknown survey and for a wrong token alike. */
    public Optional<Survey> find(String id, String token) {
        if (id == null || token == null) {
            return Optional.empty();
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT token_hash, reminder_token_hash, portal_token_hash FROM survey WHERE id = ?", id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = hash(token).getBytes(StandardCharsets.US_ASCII);
        boolean first = matches(given, rows.get(0).get("token_hash"));
        boolean reminder = matches(given, rows.get(0).get("reminder_token_hash"));
        boolean portal = matches(given, rows.get(0).get("portal_token_hash"));
        return first || reminder || portal ? Optional.of(load(id)) : Optional.empty();
    }

    /** Records the answer and tells the waiting process; a second answer or a closed survey changes nothing. */
    @Transactional
    public Outcome answer(String id, SurveyAnswer answer) {
        Optional<Survey> survey = find(id, answer.token());
        if (survey.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        if (survey.get().status() == Survey.Status.ANSWERED) {
            return Outcome.ALREADY_ANSWERED;
        }
        boolean waited = runtime.createExecutionQuery().messageEventSubscriptionName(survey.get().answerMessage())
                .processVariableValueEquals(SURVEY_ID, id).count() > 0;
        if (!waited) {
            return Outcome.CLOSED;
        }
        int updated = jdbc.update("""
                UPDATE survey SET status = 'ANSWERED', answered_at = ?, satisfaction = ?, person_rating = ?,
                                  answer_comment = ?
                WHERE id = ? AND status = 'OPEN'""",
                Timestamp.from(now()), answer.satisfaction(), answer.personRating(), answer.comment(), id);
        if (updated == 0) {
            return survey.get().status() == Survey.Status.ANSWERED ? Outcome.ALREADY_ANSWERED : Outcome.CLOSED;
        }
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put(SATISFACTION, answer.satisfaction());
        variables.put(PERSON_RATING, answer.personRating());
        variables.put(COMMENT, answer.comment() == null ? "" : answer.comment());
        variables.put(ANSWERED_AT, java.util.Date.from(now()));
        runtime.createMessageCorrelation(survey.get().answerMessage())
                .processInstanceVariableEquals(SURVEY_ID, id)
                .setVariables(variables)
                .correlateWithResult();
        return Outcome.ANSWERED;
    }

    /** Closes an unanswered survey: its link then says so. */
    public void close(String id) {
        jdbc.update("UPDATE survey SET status = 'EXPIRED' WHERE id = ? AND status = 'OPEN'", id);
    }

    private static boolean matches(byte[] given, Object storedHash) {
        return storedHash != null && MessageDigest.isEqual(given, storedHash.toString().getBytes(StandardCharsets.US_ASCII));
    }

    public Survey load(String id) {
        return jdbc.queryForObject("SELECT * FROM survey WHERE id = ?", SurveyService::map, id);
    }

    private static Survey map(ResultSet row, int number) throws SQLException {
        return new Survey(row.getString("id"), row.getString("questionnaire"), row.getString("process_instance_id"),
                row.getString("business_key"), row.getString("recipient_email"), row.getString("rated_user_id"),
                row.getString("rated_user_name"), row.getString("answer_message"),
                Survey.Status.valueOf(row.getString("status")), instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("answered_at")), (Integer) row.getObject("satisfaction", Integer.class),
                (Integer) row.getObject("person_rating", Integer.class), row.getString("answer_comment"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private Instant now() {
        return calendar.now();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
