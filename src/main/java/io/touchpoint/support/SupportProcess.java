package io.touchpoint.support;

import java.util.List;

/**
 * The support models (trouble tickets, service requests, account reactivation) and the names they share with Java:
 * process keys, decisions, messages, tasks and variables.
 */
public final class SupportProcess {

    public static final String TROUBLE_RESOURCE = "processes/trouble-ticket.bpmn";
    public static final String SERVICE_REQUEST_RESOURCE = "processes/service-request.bpmn";
    public static final String SLA_RESOURCE = "processes/ticket-sla.dmn";
    /** Which support group's personnel work an employee's project (SUP-13). */
    public static final String EMPLOYEE_PROJECTS_RESOURCE = "processes/employee-project-groups.dmn";
    public static final String REACTIVATION_RESOURCE = "processes/account-reactivation.bpmn";
    public static final String REACTIVATION = "accountReactivation";

    public static final String CUSTOMER_REPLIED = "TicketCustomerReplied";
    public static final String CONFIRMATION = "TicketConfirmation";
    /** The answer to the ticket survey: the survey step names it, SurveyService correlates it by the survey's id. */
    public static final String SURVEY_ANSWERED = "TicketSurveyAnswered";

    public static final String SECOND_LEVEL = "tech-support-l2";
    public static final String SUPERVISORS = "support-supervisor";

    /** The tasks in which an agent works a ticket: escalation and reassignment act on them. */
    public static final List<String> AGENT_TASKS = List.of("UserTask_AcknowledgeTicket", "UserTask_WorkTicket",
            "UserTask_HandleRequest");

    /** Process variables. */
    public static final class Vars {
        public static final String NUMBER = "ticketNumber";
        public static final String KIND = "ticketKind";
        public static final String SUBJECT = "ticketSubject";
        public static final String DESCRIPTION = "description";
        public static final String CATEGORY = "category";
        public static final String PRIORITY = "priority";
        public static final String CUSTOMER_TIER = "customerTier";
        public static final String REQUESTER_TYPE = "requesterType";
        public static final String CONTACT_NAME = "contactName";
        public static final String CONTACT_EMAIL = "contactEmail";
        /** The customer's company, when the email channel knows the sender (SUP-14); the journey's name for it. */
        public static final String COMPANY_NAME = "companyName";
        public static final String ACCOUNT_NUMBER = "accountNumber";
        public static final String CHANNEL = "channel";
        public static final String RECORDED_BY = "recordedBy";
        public static final String SLA = "sla";
        public static final String SUPPORT_GROUP = "supportGroup";
        public static final String WORKING_GROUP = "workingGroup";
        public static final String ASSIGNEE = "assignee";
        public static final String ASSIGNEE_NAME = "assigneeName";
        public static final String FIRST_RESPONSE_MINUTES = "firstResponseMinutes";
        public static final String RESOLUTION_MINUTES = "resolutionMinutes";
        public static final String FIRST_RESPONSE_DUE = "firstResponseDue";
        public static final String FIRST_RESPONSE_WARN_AT = "firstResponseWarnAt";
        public static final String FIRST_RESPONSE_DUE_TEXT = "firstResponseDueText";
        public static final String RESOLUTION_DUE = "resolutionDue";
        public static final String RESOLUTION_WARN_AT = "resolutionWarnAt";
        public static final String RESOLUTION_DUE_TEXT = "resolutionDueText";
        public static final String RESOLUTION_REMAINING_MINUTES = "resolutionRemainingMinutes";
        public static final String RESOLUTION_WARNED = "resolutionWarned";
        public static final String ACKNOWLEDGED = "acknowledged";
        public static final String FIRST_RESPONSE_MET = "firstResponseMet";
        public static final String RESOLUTION_MET = "resolutionMet";
        public static final String ESCALATION_LEVEL = "escalationLevel";
        public static final String REOPEN_COUNT = "reopenCount";
        public static final String WORK_OUTCOME = "workOutcome";
        public static final String QUESTION = "questionToCustomer";
        public static final String CUSTOMER_ANSWER = "customerAnswer";
        public static final String SILENCE_CLOSE_TEXT = "silenceCloseText";
        public static final String RESOLUTION = "resolution";
        public static final String SAVE_AS_ARTICLE = "saveAsArticle";
        public static final String ARTICLE_TITLE = "articleTitle";
        public static final String ARTICLE_SYMPTOMS = "articleSymptoms";
        /** The tags of the article, as typed: separated by commas. */
        public static final String ARTICLE_TAGS = "articleTags";
        public static final String ARTICLE_ID = "knowledgeArticleId";
        public static final String SUGGESTED_ARTICLES = "suggestedArticles";
        public static final String CONFIRMED = "customerConfirmed";
        public static final String CONFIRMATION_COMMENT = "confirmationComment";
        public static final String CONFIRMATION_CLOSE_TEXT = "confirmationCloseText";
        public static final String CLOSED_REASON = "closedReason";
        /** The employee's project (SUP-13), and the support group of its personnel (employee-project-groups.dmn). */
        public static final String PROJECT = "project";
        public static final String PROJECT_GROUP = "projectGroup";
        /** The agent customer care chose when recording the ticket (SUP-04); empty: the least-loaded one. */
        public static final String CHOSEN_AGENT = "chosenAgent";
        /** How the agent relayed the resolution (SUP-08): EMAIL or PHONE; on the phone, the notes and the answer. */
        public static final String RELAY_CHANNEL = "relayChannel";
        public static final String CALL_NOTES = "callNotes";
        public static final String PHONE_ANSWER = "phoneAnswer";

        private Vars() {
        }
    }

    /** The variables of account reactivation (SUP-12) besides the ticket's contact and channel ones. */
    public static final class Reactivation {
        public static final String NUMBER_PREFIX = "R";
        public static final String NUMBER = "reactivationNumber";
        /** When the client last used the account, as they remember it. */
        public static final String LAST_ACTIVE = "lastActive";
        public static final String VERIFICATION = "verificationOutcome";
        public static final String VERIFICATION_NOTES = "verificationNotes";
        /** Why the account is not reactivated, in words for the client (their email says it). */
        public static final String DECLINE_REASON = "declineReason";
        public static final String RESTORE_NOTES = "restoreNotes";
        /** The login the client uses again, which their email gives them. */
        public static final String LOGIN = "portalLogin";

        private Reactivation() {
        }
    }

    private SupportProcess() {
    }
}
