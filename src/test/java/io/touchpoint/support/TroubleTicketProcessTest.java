package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;
import static io.touchpoint.testing.ProcessTestBeans.newYork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.touchpoint.knowledge.Article;
import io.touchpoint.knowledge.NewArticle;
import io.touchpoint.support.email.InboundMail;
import io.touchpoint.support.email.InboundMails;
import io.touchpoint.support.email.MailIntake;
import io.touchpoint.survey.SurveyAnswer;
import io.touchpoint.survey.SurveyService;
import io.touchpoint.testing.AsyncSteps;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.ProcessTestBeans;
import io.touchpoint.testing.ProcessTestSupport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A trouble ticket's journey (processes/trouble-ticket.bpmn with ticket-sla.dmn): acknowledged at once, assigned
 * by SLA to the least-loaded agent, warned and escalated when late, paused while the customer owes an answer,
 * resolved with the knowledge base, relayed by email or phone, confirmed or reopened, closed after silence, and
 * rated; an employee's request goes urgently to the personnel of their project; customer care may choose the agent.
 */
@Deployment(resources = {SupportProcess.TROUBLE_RESOURCE, SupportProcess.SLA_RESOURCE,
        SupportProcess.EMPLOYEE_PROJECTS_RESOURCE})
class TroubleTicketProcessTest {

    @RegisterExtension
    @Order(1)
    static ProcessEngineCoverageExtension engine = ProcessTestSupport.engine().build();

    @RegisterExtension
    @Order(2)
    static ProcessTestSupport processTests = new ProcessTestSupport();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** Monday 30 November 2026, 09:00 in New York: an hour into the business day. */
    static final Instant MONDAY_NINE = Instant.parse("2026-11-30T14:00:00Z");

    ProcessTestBeans beans;
    SupportTestBeans support;

    @BeforeEach
    void setUp() {
        ProcessEngine processEngine = engine.getProcessEngine();
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(MONDAY_NINE));
        beans = ProcessTestBeans.registerSendingTo(smtp.getSmtp().getPort(), processEngine, SupportTestBeans.SETTINGS,
                SupportTestBeans.SURVEYS, SupportTestBeans.MAIL_INTAKE);
        support = new SupportTestBeans(beans);
        ProcessTestBeans.person(processEngine, "tim", "Tim", "Samuel", "tech-support");
        ProcessTestBeans.person(processEngine, "terrence", "Terrence", "Hank", "tech-support");
        ProcessTestBeans.person(processEngine, "lars", "Lars", "Berg", SupportProcess.SECOND_LEVEL);
        ProcessTestBeans.person(processEngine, "sue", "Sue", "Park", SupportProcess.SUPERVISORS);
        ProcessTestBeans.person(processEngine, "kim", "Kim", "John", "customer-care");
    }

    @Test
    void phoneTicketIsAcknowledgedResolvedWithTheKnowledgeBaseConfirmedAndRated() throws Exception {
        long known = support.knowledge.create(new NewArticle("Desk phones lose registration after a router reboot",
                "Phones show 'No service' after the office router restarts", "Reboot the phones after the router",
                "OUTAGE", List.of("phones", "registration"), null), "tim");

        // customer care records a phone call with the start form: no number yet
        // the start form leaves the channel, the requester type and the account empty unless Kim chooses
        Map<String, Object> fromTheForm = ticketVariables("P2", "OUTAGE", null).withoutNumber().recordedBy("kim").build();
        fromTheForm.remove(REQUESTER_TYPE);
        fromTheForm.remove(ACCOUNT_NUMBER);
        ProcessInstance ticket = runtimeService().startProcessInstanceByKey("troubleTicket", fromTheForm);
        String number = (String) runtimeService().getVariable(ticket.getId(), NUMBER);
        assertThat(number).matches("T-2026-\\d{5}");
        assertThat(ticket.getBusinessKey()).as("the number is the business key").isEqualTo(number);

        // the acknowledgement is queued in the transaction that registers the ticket, and leaves right after it
        assertThat(ticket).hasPassed("Task_SendAcknowledgement");
        assertThat(beans.emails.sent()).singleElement().satisfies(email -> {
            assertThat(email.template()).isEqualTo("ticket-received");
            assertThat(email.to()).isEqualTo("ann@acme.example");
            assertThat(email.subject()).isEqualTo("We received your ticket " + number + ": Phones down at the front desk");
        });

        // P2 outage for a standard customer: first response in 2 business hours, resolution in 8 (ticket-sla.dmn)
        Task acknowledge = task("UserTask_AcknowledgeTicket", ticket);
        String agent = acknowledge.getAssignee();
        assertThat(agent).isIn("tim", "terrence");
        assertThat(acknowledge).hasCandidateGroupAssociated("tech-support").hasDueDate(newYork("2026-11-30T11:00"));
        assertThat(ticket).variables().containsEntry(SUPPORT_GROUP, "tech-support")
                .containsEntry(FIRST_RESPONSE_MINUTES, 120).containsEntry(RESOLUTION_MINUTES, 480)
                .containsEntry(FIRST_RESPONSE_WARN_AT, newYork("2026-11-30T10:30"))
                .containsEntry(RESOLUTION_DUE, newYork("2026-11-30T17:00"))
                .containsEntry(RESOLUTION_WARN_AT, newYork("2026-11-30T15:00"))
                .containsEntry(FIRST_RESPONSE_DUE_TEXT, "Mon 30 Nov 2026, 11:00 EST")
                .containsEntry(CUSTOMER_TIER, "STANDARD").containsEntry(CHANNEL, "PHONE")
                .containsEntry(REQUESTER_TYPE, "CUSTOMER");
        assertThat(support.tickets.find(number).orElseThrow().status()).isEqualTo(TicketStatus.ASSIGNED);

        later(Duration.ofMinutes(20));
        complete(acknowledge, withVariables("acknowledgementNote", "Calling the customer now"));
        assertThat(ticket).variables().containsEntry(ACKNOWLEDGED, true).containsEntry(FIRST_RESPONSE_MET, true);

        // the work task lists the matching article
        Task work = task("UserTask_WorkTicket", ticket);
        assertThat(work).isAssignedTo(agent).hasDueDate(newYork("2026-11-30T17:00"));
        assertThat((String) runtimeService().getVariable(ticket.getId(), SUGGESTED_ARTICLES))
                .startsWith("- [#" + known + " Desk phones lose registration after a router reboot](/kb/" + known + "): ")
                .contains("Reboot the phones after the router");

        later(Duration.ofHours(2));
        complete(work, withVariables(WORK_OUTCOME, "RESOLVED",
                RESOLUTION, "The router firmware update broke SIP ALG. We turned SIP ALG off; phones registered again.",
                SAVE_AS_ARTICLE, true, ARTICLE_TITLE, "Phones down after a router firmware update",
                ARTICLE_SYMPTOMS, "All desk phones show No service after the router updated itself",
                ARTICLE_TAGS, " SIP ALG, router firmware,, Desk phones "));
        long articleId = ((Number) runtimeService().getVariable(ticket.getId(), ARTICLE_ID)).longValue();
        Article saved = support.knowledge.find(articleId).orElseThrow();
        assertThat(saved.sourceTicket()).isEqualTo(number);
        assertThat(saved.workaround()).contains("SIP ALG");
        assertThat(saved.tags()).as("the tags the agent typed").containsExactly("sip alg", "router firmware", "desk phones");
        assertThat(ticket).variables().containsEntry(RESOLUTION_MET, true)
                .containsEntry(CONFIRMATION_CLOSE_TEXT, "Thu 3 Dec 2026, 17:00 EST");

        AsyncSteps.runDue();
        assertThat(beans.emails.templates()).containsExactly("ticket-received", "ticket-resolved");
        assertThat(ticket).isWaitingAt("ReceiveTask_Confirmation");
        String token = support.links.token(number);
        assertThat(support.service.confirm(number, token, true, "All phones work")).isEqualTo(TicketService.Outcome.DONE);

        // closed, then the survey rates the agent
        assertThat(support.tickets.find(number).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket).variables().containsEntry(CLOSED_REASON, "CONFIRMED");
        AsyncSteps.runDue();
        MimeMessage survey = support.mail.received(smtp, ticket.getId(), "How did we do on ticket " + number);
        assertThat(GreenMailUtil.getBody(survey)).contains(agent.equals("tim") ? "Tim Samuel" : "Terrence Hank");
        String surveyId = (String) runtimeService().getVariable(ticket.getId(), SurveyService.SURVEY_ID);
        assertThat(support.surveys.answer(surveyId, new SurveyAnswer(surveyToken(survey), 5, 5, "Fixed in two hours")))
                .isEqualTo(SurveyService.Outcome.ANSWERED);
        assertThat(ticket).isEnded().hasPassed("EndEvent_TicketClosed").hasNotPassed("Task_CloseSurvey");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(ticket.getId())
                .variableName("surveyPersonRating").singleResult().getValue()).isEqualTo(5);

        assertThat(timeline(number)).containsExactly(Ticket.EventType.RECEIVED, Ticket.EventType.ASSIGNED,
                Ticket.EventType.ACKNOWLEDGED, Ticket.EventType.RESOLVED, Ticket.EventType.ARTICLE_SAVED,
                Ticket.EventType.CONFIRMED, Ticket.EventType.CLOSED);
        assertThat(support.tickets.timeline(number).get(0).actor()).isEqualTo("kim");
    }

    @Test
    void lateFirstResponseWarnsTheAgentThenEscalatesToTheSupervisorAndTellsTheCustomer() {
        ProcessInstance ticket = openTicket("P2", "OUTAGE", "");
        String number = number(ticket);
        String agent = task("UserTask_AcknowledgeTicket", ticket).getAssignee();

        // 75 % of two business hours: 10:30
        Job warning = job("BoundaryEvent_FirstResponseWarning", ticket);
        assertThat(warning.getDuedate()).isEqualTo(newYork("2026-11-30T10:30"));
        ClockUtil.setCurrentTime(warning.getDuedate());
        execute(warning);
        AsyncSteps.runDue();
        assertThat(beans.emails.sent()).filteredOn(e -> e.template().equals("ticket-sla-warning")).singleElement()
                .satisfies(email -> {
                    assertThat(email.to()).isEqualTo(agent + "@touchpoint.example");
                    assertThat(email.subject()).isEqualTo("Ticket " + number + ": first response due Mon 30 Nov 2026, 11:00 EST");
                });

        // 11:00 and still not acknowledged: level 1
        Job breach = job("BoundaryEvent_FirstResponseBreached", ticket);
        ClockUtil.setCurrentTime(breach.getDuedate());
        execute(breach);
        AsyncSteps.runDue();
        assertThat(ticket).variables().containsEntry(ESCALATION_LEVEL, 1);
        assertThat(beans.emails.sent()).filteredOn(e -> e.template().equals("ticket-escalated")).singleElement()
                .satisfies(email -> assertThat(email.to()).isEqualTo("ann@acme.example"));
        Task review = task("UserTask_ReviewLateFirstResponse", ticket);
        assertThat(review).hasCandidateGroup(SupportProcess.SUPERVISORS);
        Task acknowledge = task("UserTask_AcknowledgeTicket", ticket);
        assertThat(acknowledge.getPriority()).isEqualTo(80);
        assertThat(support.tickets.find(number).orElseThrow().escalationLevel()).isEqualTo(1);

        complete(review, withVariables("supervisorNote", "Called " + agent + ", who is on it"));
        later(Duration.ofMinutes(10));
        complete(acknowledge);
        assertThat(ticket).variables().containsEntry(FIRST_RESPONSE_MET, false);
        assertThat(ticket).hasPassed("EndEvent_LateResponseReviewed", "EndEvent_FirstResponseWarned")
                .isWaitingAt("UserTask_WorkTicket");
        assertThat(timeline(number)).containsSubsequence(Ticket.EventType.ASSIGNED, Ticket.EventType.ESCALATED,
                Ticket.EventType.ACKNOWLEDGED);
    }

    @Test
    void theSupervisorsReviewDoesNotHoldTheTicketUp() {
        ProcessInstance ticket = openTicket("P2", "OUTAGE", "");
        Job breach = job("BoundaryEvent_FirstResponseBreached", ticket);
        ClockUtil.setCurrentTime(breach.getDuedate());
        execute(breach);
        AsyncSteps.runDue();

        // the agent acknowledges and resolves while the supervisor has not looked yet
        complete(task("UserTask_AcknowledgeTicket", ticket));
        complete(task("UserTask_WorkTicket", ticket), withVariables(WORK_OUTCOME, "RESOLVED", RESOLUTION, "Power-cycled the ONT."));
        AsyncSteps.runDue();

        assertThat(ticket).isWaitingAt("ReceiveTask_Confirmation", "UserTask_ReviewLateFirstResponse");
        // the warning was due before the breach, so it went out too
        assertThat(beans.emails.templates()).containsExactlyInAnyOrder("ticket-received", "ticket-sla-warning",
                "ticket-escalated", "ticket-resolved");
        complete(task("UserTask_ReviewLateFirstResponse", ticket), withVariables("supervisorNote", "Resolved meanwhile"));
        assertThat(ticket).isWaitingAt("ReceiveTask_Confirmation");
    }

    @Test
    void lateResolutionWarnsOnceThenMovesTheTicketToSecondLevel() {
        ProcessInstance ticket = openTicket("P2", "DEGRADED_SERVICE", "");
        String number = number(ticket);
        complete(task("UserTask_AcknowledgeTicket", ticket));
        Task work = task("UserTask_WorkTicket", ticket);

        Job warning = job("BoundaryEvent_ResolutionWarning", ticket);
        assertThat(warning.getDuedate()).isEqualTo(newYork("2026-11-30T15:00"));
        ClockUtil.setCurrentTime(warning.getDuedate());
        execute(warning);
        AsyncSteps.runDue();
        assertThat(ticket).hasPassed("Task_WarnResolution").variables().containsEntry(RESOLUTION_WARNED, true);

        Job breach = job("BoundaryEvent_ResolutionBreached", ticket);
        assertThat(breach.getDuedate()).isEqualTo(newYork("2026-11-30T17:00"));
        ClockUtil.setCurrentTime(breach.getDuedate());
        execute(breach);
        AsyncSteps.runDue();

        // the same task, now second level's: handed to Lars, raised, and the customer told
        Task moved = task("UserTask_WorkTicket", ticket);
        assertThat(moved.getId()).isEqualTo(work.getId());
        assertThat(moved).isAssignedTo("lars");
        // two levels up at once (from the engine's default 50): raised twice, to the highest (TaskPriorities)
        assertThat(moved.getPriority()).isEqualTo(100);
        assertThat(candidateGroups(moved)).containsExactly(SupportProcess.SECOND_LEVEL);
        assertThat(ticket).variables().containsEntry(WORKING_GROUP, SupportProcess.SECOND_LEVEL)
                .containsEntry(ASSIGNEE, "lars").containsEntry(ASSIGNEE_NAME, "Lars Berg").containsEntry(ESCALATION_LEVEL, 2);
        assertThat(beans.emails.templates()).containsSubsequence("ticket-sla-warning", "ticket-escalated");
        assertThat(support.tickets.find(number).orElseThrow().assignee()).isEqualTo("lars");
        assertThat(timeline(number)).containsSubsequence(Ticket.EventType.REASSIGNED, Ticket.EventType.ESCALATED);

        later(Duration.ofHours(1));
        complete(moved, withVariables(WORK_OUTCOME, "RESOLVED", RESOLUTION, "Replaced the faulty SFP module."));
        assertThat(ticket).variables().containsEntry(RESOLUTION_MET, false);
        AsyncSteps.runDue();
        assertThat(ticket).isWaitingAt("ReceiveTask_Confirmation");
    }

    @Test
    void waitingForTheCustomerPausesTheClockWhichResumesWithTheTimeThatWasLeft() {
        ProcessInstance ticket = openTicket("P2", "EQUIPMENT", "");
        String number = number(ticket);
        complete(task("UserTask_AcknowledgeTicket", ticket));

        // Monday 13:00: four of the eight business hours are left when the agent asks
        ClockUtil.setCurrentTime(newYork("2026-11-30T13:00"));
        complete(task("UserTask_WorkTicket", ticket), withVariables(WORK_OUTCOME, "NEED_INFO",
                QUESTION, "Which model is the phone that does not boot?"));
        assertThat(ticket).variables().containsEntry(RESOLUTION_REMAINING_MINUTES, 240)
                .containsEntry(SILENCE_CLOSE_TEXT, "Mon 7 Dec 2026, 17:00 EST");
        Ticket waiting = support.tickets.find(number).orElseThrow();
        assertThat(waiting.status()).isEqualTo(TicketStatus.WAITING_FOR_CUSTOMER);
        assertThat(waiting.resolutionDue()).as("no resolution due time while the clock is paused").isNull();
        AsyncSteps.runDue();
        assertThat(beans.emails.templates()).endsWith("ticket-question");
        assertThat(ticket).isWaitingAt("ReceiveTask_CustomerAnswer");
        assertThat(jobs(ticket)).as("no SLA timer runs while paused").extracting(Job::getDuedate)
                .containsExactlyInAnyOrder(newYork("2026-12-02T17:00"), newYork("2026-12-07T17:00"));

        // Wednesday 17:00: reminded
        Job reminder = job("BoundaryEvent_AnswerReminderDue", ticket);
        ClockUtil.setCurrentTime(reminder.getDuedate());
        execute(reminder);
        AsyncSteps.runDue();
        assertThat(beans.emails.templates()).endsWith("ticket-question-reminder");
        assertThat(ticket).isWaitingAt("ReceiveTask_CustomerAnswer");

        // Thursday 10:00 the customer answers on the tracking page: due at 14:00, warned at 12:00
        ClockUtil.setCurrentTime(newYork("2026-12-03T10:00"));
        assertThat(support.service.comment(number, support.links.token(number), "A Yealink T54W, serial 8021"))
                .isEqualTo(TicketService.Outcome.DONE);
        assertThat(ticket).variables().containsEntry(CUSTOMER_ANSWER, "A Yealink T54W, serial 8021")
                .containsEntry(RESOLUTION_DUE, newYork("2026-12-03T14:00"))
                .containsEntry(RESOLUTION_WARN_AT, newYork("2026-12-03T12:00"));
        Task again = task("UserTask_WorkTicket", ticket);
        assertThat(again).isAssignedTo((String) runtimeService().getVariable(ticket.getId(), ASSIGNEE))
                .hasDueDate(newYork("2026-12-03T14:00"));
        assertThat(ticket).hasPassed("Task_ResumeSlaClock").hasNotPassed("EndEvent_WarningNotRepeated");
        assertThat(job("BoundaryEvent_ResolutionBreached", ticket).getDuedate()).isEqualTo(newYork("2026-12-03T14:00"));
        assertThat(support.tickets.find(number).orElseThrow().status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(timeline(number)).containsSubsequence(Ticket.EventType.WAITING, Ticket.EventType.CUSTOMER_REPLIED);
    }

    @Test
    void aTicketAlreadyWarnedAndEscalatedIsNotWarnedOrEscalatedAgainAfterThePause() {
        ProcessInstance ticket = openTicket("P2", "ACCESS", "");
        complete(task("UserTask_AcknowledgeTicket", ticket));
        for (String timer : List.of("BoundaryEvent_ResolutionWarning", "BoundaryEvent_ResolutionBreached")) {
            Job job = job(timer, ticket);
            ClockUtil.setCurrentTime(job.getDuedate());
            execute(job);
            AsyncSteps.runDue();
        }
        beans.emails.clear();

        // after the breach, second level asks; no time is left when the customer answers
        later(Duration.ofMinutes(30));
        complete(task("UserTask_WorkTicket", ticket), withVariables(WORK_OUTCOME, "NEED_INFO", QUESTION, "Which user?"));
        assertThat(ticket).variables().containsEntry(RESOLUTION_REMAINING_MINUTES, 0);
        AsyncSteps.runDue();
        ClockUtil.setCurrentTime(newYork("2026-12-01T09:00"));
        runtimeService().createMessageCorrelation(SupportProcess.CUSTOMER_REPLIED).processInstanceId(ticket.getId())
                .setVariable(CUSTOMER_ANSWER, "Ann's login").correlate();
        AsyncSteps.runDue(); // both timers are due at once

        assertThat(ticket).hasPassed("EndEvent_WarningNotRepeated", "EndEvent_SecondLevelAlready")
                .isWaitingAt("UserTask_WorkTicket");
        assertThat(beans.emails.templates()).as("no second warning, no second escalation").containsExactly("ticket-question");
        assertThat(ticket).variables().containsEntry(ESCALATION_LEVEL, 2);
    }

    @Test
    void aCustomerWhoStaysSilentHasTheTicketClosed() {
        ProcessInstance ticket = openTicket("P3", "ACCESS", "");
        String number = number(ticket);
        complete(task("UserTask_AcknowledgeTicket", ticket));
        complete(task("UserTask_WorkTicket", ticket), withVariables(WORK_OUTCOME, "NEED_INFO", QUESTION, "Which portal user?"));
        AsyncSteps.runDue();

        Job silence = job("BoundaryEvent_CustomerSilent", ticket);
        assertThat(silence.getDuedate()).isEqualTo(newYork("2026-12-07T17:00"));
        ClockUtil.setCurrentTime(silence.getDuedate());
        execute(silence);
        AsyncSteps.runDue();

        assertThat(ticket).isEnded().hasPassed("EndEvent_ClosedForSilence").hasNotPassed("Task_SendSurvey");
        assertThat(beans.emails.templates()).endsWith("ticket-closed-no-reply");
        assertThat(support.tickets.find(number).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(support.service.comment(number, support.links.token(number), "Sorry, I was away"))
                .isEqualTo(TicketService.Outcome.NOT_WAITING);
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(ticket.getId())
                .variableName(CLOSED_REASON).singleResult().getValue()).isEqualTo("NO_REPLY");
    }

    @Test
    void aReopenedTicketGoesBackToTheSameAgentCountedAndEscalatedThenClosesWhenTheCustomerIsSilent() {
        ProcessInstance ticket = openTicket("P1", "OUTAGE", "ACC-1001");
        String number = number(ticket);
        // premium P1: 30 minutes to respond
        assertThat(ticket).variables().containsEntry(CUSTOMER_TIER, "PREMIUM").containsEntry(FIRST_RESPONSE_MINUTES, 30);
        complete(task("UserTask_AcknowledgeTicket", ticket));
        String agent = task("UserTask_WorkTicket", ticket).getAssignee();
        complete(task("UserTask_WorkTicket", ticket), withVariables(WORK_OUTCOME, "RESOLVED", RESOLUTION, "Restarted the SBC."));
        AsyncSteps.runDue();

        later(Duration.ofHours(1));
        assertThat(support.service.confirm(number, support.links.token(number), false, "Calls still drop"))
                .isEqualTo(TicketService.Outcome.DONE);
        AsyncSteps.runDue();
        assertThat(beans.emails.sent()).filteredOn(e -> e.template().equals("ticket-reopened")).singleElement()
                .satisfies(email -> assertThat(email.to()).isEqualTo("sue@touchpoint.example"));
        Task again = task("UserTask_WorkTicket", ticket);
        assertThat(again).isAssignedTo(agent);
        assertThat(ticket).variables().containsEntry(REOPEN_COUNT, 1).containsEntry(ESCALATION_LEVEL, 1)
                .containsEntry(RESOLUTION_DUE, newYork("2026-11-30T14:00"));
        assertThat(ticket).hasPassed("Task_ReopenTicket");
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(ticket.getId())
                .taskDefinitionKey("UserTask_AcknowledgeTicket").count()).as("not acknowledged twice").isEqualTo(1);
        Ticket reopened = support.tickets.find(number).orElseThrow();
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.status()).isEqualTo(TicketStatus.IN_PROGRESS);

        complete(again, withVariables(WORK_OUTCOME, "RESOLVED", RESOLUTION, "Replaced the SBC's power supply."));
        AsyncSteps.runDue();
        assertThat(support.service.comment(number, support.links.token(number), "Thanks"))
                .isEqualTo(TicketService.Outcome.NOT_WAITING);

        // no answer within three business days: closed, surveyed, survey closed unanswered
        Job timeout = job("BoundaryEvent_ConfirmationTimeout", ticket);
        assertThat(timeout.getDuedate()).isEqualTo(newYork("2026-12-03T17:00"));
        ClockUtil.setCurrentTime(timeout.getDuedate());
        execute(timeout);
        AsyncSteps.runDue();
        assertThat(ticket).variables().containsEntry(CLOSED_REASON, "NO_CONFIRMATION");
        Job surveyClose = job("BoundaryEvent_SurveyCloseDue", ticket);
        ClockUtil.setCurrentTime(surveyClose.getDuedate());
        execute(surveyClose);
        assertThat(ticket).isEnded().hasPassed("Task_CloseSurvey", "EndEvent_TicketClosed");
        assertThat(timeline(number)).containsSubsequence(Ticket.EventType.RESOLVED, Ticket.EventType.REOPENED,
                Ticket.EventType.ESCALATED, Ticket.EventType.RESOLVED, Ticket.EventType.CLOSED);
    }

    @Test
    void customerCareReassignsATicketInTasklist() {
        ProcessInstance ticket = openTicket("P3", "EQUIPMENT", "");
        String number = number(ticket);
        Task acknowledge = task("UserTask_AcknowledgeTicket", ticket);
        String other = acknowledge.getAssignee().equals("tim") ? "terrence" : "tim";

        taskService().setAssignee(acknowledge.getId(), other);

        assertThat(ticket).variables().containsEntry(ASSIGNEE, other);
        assertThat(support.tickets.find(number).orElseThrow().assignee()).isEqualTo(other);
        assertThat(support.tickets.timeline(number)).last().satisfies(event -> {
            assertThat(event.type()).isEqualTo(Ticket.EventType.REASSIGNED);
            assertThat(event.detail()).isEqualTo("Reassigned to " + (other.equals("tim") ? "Tim Samuel" : "Terrence Hank"));
        });
        complete(task("UserTask_AcknowledgeTicket", ticket));
        assertThat(task("UserTask_WorkTicket", ticket)).isAssignedTo(other);
    }

    @Test
    void assignmentBalancesTheLoadAcrossTheGroupAndTakesTiesInTurn() {
        ProcessEngine processEngine = engine.getProcessEngine();
        ProcessTestBeans.person(processEngine, "tara", "Tara", "Moss", "tech-support");
        try {
            Map<String, Integer> load = new HashMap<>();
            List<String> firstRound = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                later(Duration.ofMinutes(1));
                ProcessInstance ticket = openTicket("P4", "EQUIPMENT", "");
                String agent = task("UserTask_AcknowledgeTicket", ticket).getAssignee();
                load.merge(agent, 1, Integer::sum);
                if (i < 3) {
                    firstRound.add(agent);
                }
            }
            assertThat(firstRound).as("ties go round in turn").containsExactlyInAnyOrder("tim", "terrence", "tara");
            assertThat(load).containsOnlyKeys("tim", "terrence", "tara").allSatisfy((agent, tickets) ->
                    assertThat(tickets).as(agent).isEqualTo(2));

            // tara finishes one: the next ticket is hers
            Task taras = taskService().createTaskQuery().taskAssignee("tara").list().get(0);
            taskService().complete(taras.getId());
            later(Duration.ofMinutes(1));
            ProcessInstance next = openTicket("P4", "EQUIPMENT", "");
            assertThat(task("UserTask_AcknowledgeTicket", next)).isAssignedTo("tara");
        } finally {
            processEngine.getIdentityService().deleteMembership("tara", "tech-support");
        }
    }

    @Test
    void anEmployeesRequestIsTreatedUrgentlyByThePersonnelOfTheirProjectWithTheReplyThatMeasuresWillBeTaken() {
        // Austin cannot log in to his work profile since the security update: he emails the admin office
        String number = beans.numbers.next("T");
        ProcessInstance ticket = runtimeService().startProcessInstanceByKey("troubleTicket", number,
                ticketVariables("P3", "ACCESS", "").number(number).channel("EMAIL").employee("core-network").build());
        AsyncSteps.runDue();

        // the project table gives the core network's personnel, second level; rule 6 of the SLA table: urgent
        Task acknowledge = task("UserTask_AcknowledgeTicket", ticket);
        assertThat(acknowledge).isAssignedTo("lars").hasCandidateGroupAssociated(SupportProcess.SECOND_LEVEL)
                .hasDueDate(newYork("2026-11-30T10:00"));
        assertThat(ticket).hasPassed("BusinessRuleTask_DecideProjectGroup").variables()
                .containsEntry(PROJECT, "CORE-NETWORK").containsEntry(PROJECT_GROUP, SupportProcess.SECOND_LEVEL)
                .containsEntry(FIRST_RESPONSE_MINUTES, 60).containsEntry(RESOLUTION_MINUTES, 480);

        // the reply that appropriate measures will be taken, instead of the customers' acknowledgement
        assertThat(beans.emails.sent()).singleElement().satisfies(email -> {
            assertThat(email.template()).isEqualTo("employee-request-received");
            assertThat(email.to()).isEqualTo("austin@touchpoint.example");
            assertThat(email.subject()).isEqualTo("Your request " + number + ": appropriate measures will be taken");
        });
        Map<String, Object> model = new HashMap<>(runtimeService().getVariables(ticket.getId()));
        model.put("trackingLink", support.links.tracking(number));
        assertThat(support.mail.emails().renderText("employee-request-received", model)).contains(
                "Appropriate measures will be taken", "assigned to your project (CORE-NETWORK)", "treated urgently",
                "Lars Berg takes care of it", "We respond by: Mon 30 Nov 2026, 10:00 EST", support.links.tracking(number));
        assertThat(support.tickets.timeline(number)).extracting(Ticket.Event::detail).contains("Assigned to Lars Berg");

        // an employee of a project the table does not list: first-level tech support, as urgently
        ProcessInstance other = runtimeService().startProcessInstanceByKey("troubleTicket",
                ticketVariables("P4", "EQUIPMENT", "").employee("OTHER").build());
        assertThat(task("UserTask_AcknowledgeTicket", other).getAssignee()).isIn("tim", "terrence");
        assertThat(other).variables().containsEntry(PROJECT_GROUP, "tech-support").containsEntry(FIRST_RESPONSE_MINUTES, 60);

        complete(acknowledge);
        assertThat(task("UserTask_WorkTicket", ticket)).isAssignedTo("lars");
    }

    @Test
    void customerCareChoosesTheAgentWhenRecordingAndTheSlaTablesGroupStays() {
        // the automatic proposal: the least-loaded agent gets the first ticket
        ProcessInstance first = openTicket("P3", "EQUIPMENT", "");
        String busy = task("UserTask_AcknowledgeTicket", first).getAssignee();

        // Kim gives the next one to the same agent, who knows the customer, although the other has less work
        String number = beans.numbers.next("T");
        ProcessInstance chosen = runtimeService().startProcessInstanceByKey("troubleTicket", number,
                ticketVariables("P3", "EQUIPMENT", "").number(number).recordedBy("kim").chosenAgent(busy).build());
        Task acknowledge = task("UserTask_AcknowledgeTicket", chosen);
        assertThat(acknowledge).isAssignedTo(busy).hasCandidateGroupAssociated("tech-support");
        assertThat(support.tickets.timeline(number)).filteredOn(event -> event.type() == Ticket.EventType.ASSIGNED)
                .singleElement().satisfies(event -> {
                    assertThat(event.detail()).isEqualTo("Assigned to " + (busy.equals("tim") ? "Tim Samuel" : "Terrence Hank")
                            + " by customer care");
                    assertThat(event.actor()).isEqualTo("kim");
                });

        // an agent outside the ticket's group is refused: the start fails (Tasklist shows the message), no ticket runs
        String refused = beans.numbers.next("T");
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("troubleTicket", refused,
                ticketVariables("P3", "EQUIPMENT", "").number(refused).recordedBy("kim").chosenAgent("lars").build()))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("chosenAgent lars is no member of tech-support");
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(refused).count()).isZero();
    }

    @Test
    void aResolutionConfirmedOnThePhoneClosesTheTicketWithoutTheConfirmationEmail() {
        ProcessInstance ticket = openTicket("P2", "EQUIPMENT", "");
        String number = number(ticket);
        complete(task("UserTask_AcknowledgeTicket", ticket));
        beans.emails.clear();

        complete(task("UserTask_WorkTicket", ticket), withVariables(WORK_OUTCOME, "RESOLVED",
                RESOLUTION, "Replaced the handset's power supply.", RELAY_CHANNEL, "PHONE",
                CALL_NOTES, "Called Ann at 11:40, she tried two calls", PHONE_ANSWER, "CONFIRMED"));
        AsyncSteps.runDue();

        assertThat(ticket).hasPassed("Task_RecordPhoneRelay", "Task_CloseTicket").hasNotPassed("Task_SendResolution")
                .isWaitingAt("ReceiveTask_SurveyAnswered").variables().containsEntry(CLOSED_REASON, "CONFIRMED");
        assertThat(beans.emails.templates()).as("no confirmation email").isEmpty();
        assertThat(support.tickets.find(number).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(support.tickets.timeline(number)).extracting(Ticket.Event::type).containsSubsequence(
                Ticket.EventType.RESOLVED, Ticket.EventType.CALLED, Ticket.EventType.CONFIRMED, Ticket.EventType.CLOSED);
        assertThat(support.tickets.timeline(number)).extracting(Ticket.Event::detail)
                .contains("You confirmed the fix on the phone").noneMatch(detail -> detail != null && detail.contains("11:40"));
    }

    @Test
    void notFixedOnThePhoneReopensTheTicketAndNoAnswerYetSendsTheConfirmationEmail() {
        ProcessInstance ticket = openTicket("P2", "EQUIPMENT", "");
        String number = number(ticket);
        complete(task("UserTask_AcknowledgeTicket", ticket));
        String agent = task("UserTask_WorkTicket", ticket).getAssignee();

        complete(task("UserTask_WorkTicket", ticket), withVariables(WORK_OUTCOME, "RESOLVED",
                RESOLUTION, "Reset the handset.", RELAY_CHANNEL, "PHONE", CALL_NOTES, "Ann: still no dial tone",
                PHONE_ANSWER, "NOT_FIXED"));
        AsyncSteps.runDue();

        // the reopen path: back to the same agent, counted, the supervisor told, the work form's answers cleared
        assertThat(ticket).hasPassed("Task_ReopenTicket").hasNotPassed("Task_SendResolution").variables()
                .containsEntry(REOPEN_COUNT, 1).containsEntry(ESCALATION_LEVEL, 1).containsEntry(RELAY_CHANNEL, null)
                .containsEntry(PHONE_ANSWER, null);
        assertThat(beans.emails.templates()).endsWith("ticket-reopened").doesNotContain("ticket-resolved");
        Task again = task("UserTask_WorkTicket", ticket);
        assertThat(again).isAssignedTo(agent);
        assertThat(support.tickets.timeline(number)).last().satisfies(event ->
                assertThat(event.type()).isEqualTo(Ticket.EventType.ESCALATED));
        assertThat(support.tickets.timeline(number)).extracting(Ticket.Event::detail)
                .contains("Reopened (1 time): not fixed yet, you told us on the phone");

        // the second fix is explained on the phone, and the customer wants to test it first
        complete(again, withVariables(WORK_OUTCOME, "RESOLVED", RESOLUTION, "Replaced the handset.",
                RELAY_CHANNEL, "PHONE", CALL_NOTES, "Ann will test after lunch", PHONE_ANSWER, "NO_ANSWER_YET"));
        AsyncSteps.runDue();
        assertThat(ticket).isWaitingAt("ReceiveTask_Confirmation");
        assertThat(beans.emails.templates()).endsWith("ticket-resolved");
        assertThat(support.service.confirm(number, support.links.token(number), true, "Works"))
                .isEqualTo(TicketService.Outcome.DONE);
        assertThat(ticket).variables().containsEntry(CLOSED_REASON, "CONFIRMED");
    }

    // -----------------------------------------------------------------------------------------------------------

    ProcessInstance openTicket(String priority, String category, String account) {
        String number = beans.numbers.next("T");
        ProcessInstance ticket = runtimeService().startProcessInstanceByKey("troubleTicket", number,
                ticketVariables(priority, category, account).number(number).channel("PORTAL").build());
        AsyncSteps.runDue();
        return ticket;
    }

    static String number(ProcessInstance ticket) {
        return (String) runtimeService().getVariable(ticket.getId(), NUMBER);
    }

    /** SUP-14: the email channel drives the ticket, through the intake of the support mailbox (IMAP: EmailIntakeTest). */
    @Test
    void anEmailToTheSupportMailboxOpensATicketAndTheCustomersEmailedAnswerResumesIt() throws Exception {
        MailIntake intake = beans.get(MailIntake.class);
        InboundMails inbound = beans.get(InboundMails.class);
        String ann = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";

        InboundMail first = keep(inbound, ann, "Desk phone does not boot", "The phone at reception shows a black screen.");
        assertThat(intake.process(first.id())).isTrue();
        InboundMail opened = inbound.find(first.id()).orElseThrow();
        assertThat(opened.status()).isEqualTo(InboundMail.Status.TICKET_OPENED);
        String number = opened.ticketNumber();
        ProcessInstance ticket = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult();
        assertThat(ticket).hasPassed("StartEvent_TicketReported", "Task_RegisterTicket", "Task_SendAcknowledgement");
        assertThat(ticket).variables().containsEntry(CHANNEL, "EMAIL").containsEntry(CONTACT_EMAIL, ann)
                .containsEntry(SUBJECT, "Desk phone does not boot").containsEntry(CATEGORY, "DEGRADED_SERVICE")
                .containsEntry(PRIORITY, "P3");
        assertThat(beans.emails.sent()).last().satisfies(email -> {
            assertThat(email.template()).isEqualTo("ticket-received");
            assertThat(email.to()).isEqualTo(ann);
        });

        complete(task("UserTask_AcknowledgeTicket", ticket));
        complete(task("UserTask_WorkTicket", ticket), withVariables(WORK_OUTCOME, "NEED_INFO",
                QUESTION, "Which model is the phone?"));
        AsyncSteps.runDue();
        assertThat(ticket).isWaitingAt("ReceiveTask_CustomerAnswer");

        // the customer answers the question's email; the quoted question is left out
        InboundMail answer = keep(inbound, ann, "Re: Ticket " + number + ": we need your answer",
                "A Yealink T54W.\n\nOn Mon, 30 Nov 2026 Touchpoint wrote:\n> Which model is the phone?");
        assertThat(intake.process(answer.id())).isTrue();
        assertThat(inbound.find(answer.id()).orElseThrow().status()).isEqualTo(InboundMail.Status.ADDED_TO_TICKET);
        assertThat(ticket).hasPassed("ReceiveTask_CustomerAnswer", "Task_ResumeSlaClock");
        assertThat(ticket).variables().containsEntry(CUSTOMER_ANSWER, "A Yealink T54W.");
        assertThat(task("UserTask_WorkTicket", ticket)).isNotNull();
        assertThat(timeline(number)).containsSubsequence(Ticket.EventType.WAITING, Ticket.EventType.CUSTOMER_REPLIED);
    }

    /** A mail as the mailbox poller keeps it. */
    static InboundMail keep(InboundMails inbound, String from, String subject, String text) throws Exception {
        jakarta.mail.internet.MimeMessage mail = new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()));
        mail.setFrom(new jakarta.mail.internet.InternetAddress(from));
        mail.setRecipients(jakarta.mail.Message.RecipientType.TO, "support@touchpoint.example");
        mail.setSubject(subject);
        mail.setText(text, "UTF-8");
        mail.saveChanges();
        String messageId = "<" + UUID.randomUUID() + "@acme.example>";
        mail.setHeader("Message-ID", messageId);
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        mail.writeTo(raw);
        assertThat(inbound.keep(messageId, messageId, from, null, subject, ClockUtil.getCurrentTime().toInstant(),
                raw.size(), raw.toByteArray(), null)).isTrue();
        return inbound.findByMessageKey(messageId).orElseThrow();
    }

    static void later(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    }

    List<Ticket.EventType> timeline(String number) {
        return support.tickets.timeline(number).stream().map(Ticket.Event::type).toList();
    }

    static List<Job> jobs(ProcessInstance ticket) {
        return managementService().createJobQuery().processInstanceId(ticket.getId()).list();
    }

    static List<String> candidateGroups(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId)
                .collect(Collectors.toList());
    }

    static String surveyToken(MimeMessage email) {
        String body = Mails.text(email);
        Matcher token = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(token.find()).as("a survey link in the email").isTrue();
        return token.group(1);
    }

    static TicketVariables ticketVariables(String priority, String category, String account) {
        return new TicketVariables(priority, category, account);
    }

    /** The variables the API or the Tasklist start form give a ticket. */
    static final class TicketVariables {
        private final Map<String, Object> values = new HashMap<>();

        TicketVariables(String priority, String category, String account) {
            values.put(SUBJECT, "Phones down at the front desk");
            values.put(DESCRIPTION, "Since this morning the desk phones show No service; the router restarted at 7.");
            values.put(CATEGORY, category);
            values.put(PRIORITY, priority);
            values.put(CONTACT_NAME, "Ann Lee");
            values.put(CONTACT_EMAIL, "ann@acme.example");
            values.put(ACCOUNT_NUMBER, account);
            values.put(REQUESTER_TYPE, "CUSTOMER");
        }

        TicketVariables number(String number) {
            values.put(NUMBER, number);
            return this;
        }

        TicketVariables withoutNumber() {
            values.remove(NUMBER);
            return this;
        }

        TicketVariables channel(String channel) {
            values.put(CHANNEL, channel);
            return this;
        }

        /** Austin, an employee of {@code project}. */
        TicketVariables employee(String project) {
            values.put(REQUESTER_TYPE, "EMPLOYEE");
            values.put(PROJECT, project);
            values.put(CONTACT_NAME, "Austin Coy");
            values.put(CONTACT_EMAIL, "austin@touchpoint.example");
            values.put(SUBJECT, "Cannot log in to my work profile");
            return this;
        }

        TicketVariables chosenAgent(String agent) {
            values.put(CHOSEN_AGENT, agent);
            return this;
        }

        TicketVariables recordedBy(String user) {
            values.put(RECORDED_BY, user);
            return this;
        }

        Map<String, Object> build() {
            return values;
        }
    }
}
