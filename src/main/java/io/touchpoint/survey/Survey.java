package io.touchpoint.survey;

import java.time.Instant;

/** A satisfaction survey sent to a customer, with its answer once it comes. */
public record Survey(String id, String questionnaire, String processInstanceId, String businessKey,
                     String recipientEmail, String ratedUserId, String ratedUserName, String answerMessage,
                     Status status, Instant createdAt, Instant answeredAt, Integer satisfaction, Integer personRating,
                     String comment) {

    public enum Status { OPEN, ANSWERED, EXPIRED }
}
