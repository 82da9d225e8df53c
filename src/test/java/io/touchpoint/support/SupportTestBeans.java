package io.touchpoint.support;

import io.touchpoint.identity.People;
import io.touchpoint.knowledge.KnowledgeBase;
import io.touchpoint.notification.EmailService;
import io.touchpoint.survey.CloseSurveyDelegate;
import io.touchpoint.survey.DispatchSurveyDelegate;
import io.touchpoint.survey.SurveyPolicy;
import io.touchpoint.survey.SurveyProperties;
import io.touchpoint.survey.SurveyService;
import io.touchpoint.testing.ProcessTestBeans;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Registers the support beans for the process tests of trouble-ticket.bpmn, service-request.bpmn and
 * account-reactivation.bpmn, built from
 * the real classes on the test engine's database. Surveys go out for real, through the outbox to the SMTP server on
 * {@code smtpPort}.
 */
final class SupportTestBeans {

    /** Warn at 75 %; remind of a question after 2 business days, close after 5; confirm within 3. */
    static final SupportProperties SETTINGS = new SupportProperties("process-test-secret", 75, 2, 5, 3, List.of("ACC-1001"));
    static final String BASE_URL = "https://touchpoint.example";

    final Tickets tickets;
    final TicketLinks links;
    final SupportPolicy policy;
    final KnowledgeBase knowledge;
    final SurveyService surveys;
    final TicketService service;
    final ProcessTestBeans.Mail mail;

    private SupportTestBeans(ProcessEngine engine, ProcessTestBeans beans, int smtpPort) {
        tickets = new Tickets(beans.jdbc, beans.calendar);
        links = new TicketLinks(SETTINGS, BASE_URL);
        policy = new SupportPolicy(SETTINGS, beans.calendar);
        knowledge = new KnowledgeBase(beans.jdbc, beans.calendar);
        TimelineTexts texts = new TimelineTexts();
        TicketAssignment assignment = new TicketAssignment(new People(engine.getIdentityService(),
                engine.getTaskService()), tickets, texts);
        Mocks.register("ticketLinks", links);
        Mocks.register("supportPolicy", policy);
        Mocks.register("ticketRecipients", new TicketRecipients(engine.getIdentityService(),
                new io.touchpoint.notification.Recipients(engine.getIdentityService(), ProcessTestBeans.MAIL)));
        Mocks.register("registerTicket", new RegisterTicketDelegate(tickets, beans.numbers, policy, texts));
        Mocks.register("assignBySla", new AssignBySlaDelegate(tickets, assignment, policy, beans.calendar, texts));
        Mocks.register("ticketAcknowledged", new TicketAcknowledgedListener(tickets, beans.calendar, texts));
        Mocks.register("ticketReassigned", new TicketReassignedListener(tickets, assignment, texts));
        Mocks.register("suggestKnowledge", new SuggestKnowledgeListener(knowledge, texts));
        Mocks.register("escalateTicket", new EscalateTicketDelegate(new TicketEscalation(tickets, assignment,
                engine.getTaskService(), texts)));
        Mocks.register("pauseSlaClock", new PauseSlaClockDelegate(tickets, policy, texts));
        Mocks.register("resumeSlaClock", new ResumeSlaClockDelegate(tickets, policy, beans.calendar));
        Mocks.register("recordResolution", new RecordResolutionDelegate(tickets, knowledge, policy, beans.calendar, texts));
        Mocks.register("reopenTicket", new ReopenTicketDelegate(tickets, policy, beans.calendar, texts));
        Mocks.register("closeTicket", new CloseTicketDelegate(tickets, texts));
        Mocks.register("noteResolutionWarned", new NoteResolutionWarnedDelegate());
        Mocks.register("recordPhoneRelay", new RecordPhoneRelayDelegate(tickets, texts));
        Mocks.register("registerReactivation", new RegisterReactivationDelegate(beans.numbers));

        mail = beans.mail(engine, smtpPort);
        EmailService emails = mail.emails();
        surveys = new SurveyService(beans.jdbc, engine.getRuntimeService(), ProcessTestBeans.touchpoint(BASE_URL),
                beans.calendar);
        Mocks.register("surveyPolicy", new SurveyPolicy(new SurveyProperties(3, 10), beans.calendar));
        Mocks.register("dispatchSurvey", new DispatchSurveyDelegate(surveys, emails, new People(engine.getIdentityService(), engine.getTaskService())));
        Mocks.register("closeSurvey", new CloseSurveyDelegate(surveys));
        service = new TicketService(engine.getRuntimeService(), beans.numbers, tickets, links, texts);
    }

    static SupportTestBeans register(ProcessEngine engine, ProcessTestBeans beans, int smtpPort) {
        return new SupportTestBeans(engine, beans, smtpPort);
    }
}
