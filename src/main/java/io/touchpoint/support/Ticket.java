package io.touchpoint.support;

import java.time.Instant;

/** A trouble ticket or service request as the tracking page and the API show it. */
public record Ticket(String number, Kind kind, String processInstanceId, String subject, String category, String priority,
                     String contactName, String contactEmail, String channel, TicketStatus status, String supportGroup,
                     String assignee, Instant firstResponseDue, Instant resolutionDue, int escalationLevel,
                     int reopenCount, Instant createdAt, Instant closedAt) {

    public enum Kind {
        TROUBLE("troubleTicket", "T"),
        SERVICE_REQUEST("serviceRequest", "S");

        private final String processKey;
        private final String numberPrefix;

        Kind(String processKey, String numberPrefix) {
            this.processKey = processKey;
            this.numberPrefix = numberPrefix;
        }

        public String processKey() {
            return processKey;
        }

        public String numberPrefix() {
            return numberPrefix;
        }

        public static Kind ofProcess(String processDefinitionKey) {
            return SERVICE_REQUEST.processKey.equals(processDefinitionKey) ? SERVICE_REQUEST : TROUBLE;
        }
    }

    /** One line of the ticket's timeline. */
    public record Event(Instant at, EventType type, String detail, String actor) {
    }

    public enum EventType {
        RECEIVED, ASSIGNED, REASSIGNED, ACKNOWLEDGED, WAITING, CUSTOMER_REPLIED, COMMENT, ESCALATED, RESOLVED,
        CONFIRMED, REOPENED, CLOSED, ARTICLE_SAVED, CALLED
    }
}
