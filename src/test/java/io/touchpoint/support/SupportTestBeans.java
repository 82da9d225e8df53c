package io.touchpoint.support;

import io.touchpoint.knowledge.KnowledgeBase;
import io.touchpoint.notification.EmailService;
import io.touchpoint.survey.CloseSurveyDelegate;
import io.touchpoint.survey.DispatchSurveyDelegate;
import io.touchpoint.survey.SurveyPolicy;
import io.touchpoint.survey.SurveyService;
import io.touchpoint.survey.SurveySettings;
import io.touchpoint.testing.ProcessTestBeans;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Registers the support beans for the process tests of trouble-ticket.bpmn and service-request.bpmn, built from
 * the real classes on the test engine's database. Surveys go out for real, through the outbox to the SMTP server on
 * {@code smtpPort}.
 */
final class SupportTestBeans {

    /** Warn at 75 %; remind of a question after 2 business days, close after 5; confirm within 3. */
    static final SupportSettings SETTINGS = new SupportSettings("process-test-secret", 75, 2, 5, 3, List.of("ACC-1001"));
    static final String BASE_URL = "https://touchpoint.example";

    final Tickets tickets;
    final TicketLinks links;
    final SupportPolicy policy;
    final KnowledgeBase knowledge;
    final SurveyService surveys;
    final TicketService service;
    final ProcessTestBeans.Mail mail;

    private SupportTestBeans(ProcessEngine engine, ProcessTestBeans beans, int smtpPort) {
        tickets = new Tickets(beans.jdbc);
        links = new TicketLinks(SETTINGS, BASE_URL);
        policy = new SupportPolicy(SETTINGS, beans.calendar);
        knowledge = new KnowledgeBase(beans.jdbc);
        TicketAssignment assignment = new TicketAssignment(engine.getIdentityService(), engine.getTaskService(), tickets);
        SupportDelegates delegates = new SupportDelegates();
        Mocks.register("ticketLinks", links);
        Mocks.register("supportPolicy", policy);
        Mocks.register("registerTicket", delegates.registerTicket(tickets, beans.numbers, policy));
        Mocks.register("assignBySla", delegates.assignBySla(tickets, assignment, policy, beans.calendar));
        Mocks.register("ticketAcknowledged", delegates.ticketAcknowledged(tickets, beans.calendar));
        Mocks.register("ticketReassigned", delegates.ticketReassigned(tickets, assignment));
        Mocks.register("suggestKnowledge", delegates.suggestKnowledge(knowledge));
        Mocks.register("escalateTicket", delegates.escalateTicket(tickets, assignment, engine.getTaskService(),
                engine.getAuthorizationService()));
        Mocks.register("pauseSlaClock", delegates.pauseSlaClock(tickets, policy));
        Mocks.register("resumeSlaClock", delegates.resumeSlaClock(tickets, policy, beans.calendar));
        Mocks.register("recordResolution", delegates.recordResolution(tickets, knowledge, policy, beans.calendar));
        Mocks.register("reopenTicket", delegates.reopenTicket(tickets, policy, beans.calendar));
        Mocks.register("closeTicket", delegates.closeTicket(tickets));
        Mocks.register("noteResolutionWarned", new NoteResolutionWarnedDelegate());

        mail = beans.mail(engine, smtpPort);
        EmailService emails = mail.emails();
        surveys = new SurveyService(beans.jdbc, engine.getRuntimeService(), BASE_URL);
        Mocks.register("surveyPolicy", new SurveyPolicy(new SurveySettings(3, 10), beans.calendar));
        Mocks.register("dispatchSurvey", new DispatchSurveyDelegate(surveys, emails, engine.getIdentityService()));
        Mocks.register("closeSurvey", new CloseSurveyDelegate(surveys));
        service = new TicketService(engine.getRuntimeService(), beans.numbers, tickets, links);
    }

    static SupportTestBeans register(ProcessEngine engine, ProcessTestBeans beans, int smtpPort) {
        return new SupportTestBeans(engine, beans, smtpPort);
    }
}
