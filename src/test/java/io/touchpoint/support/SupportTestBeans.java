package io.touchpoint.support;

import io.touchpoint.support.email.MailIntakeProperties;
import io.touchpoint.knowledge.KnowledgeBase;
import io.touchpoint.survey.SurveyProperties;
import io.touchpoint.survey.SurveyService;
import io.touchpoint.testing.ProcessTestBeans;
import java.util.List;

/**
 * The support settings of the process tests of trouble-ticket.bpmn and service-request.bpmn, and the support beans
 * those tests drive directly. The beans are the application's own, from {@link ProcessTestBeans}; surveys go out for
 * real, through the outbox to the test's SMTP server.
 */
final class SupportTestBeans {

    /** Warn at 75 %; remind of a question after 2 business days, close after 5; confirm within 3. */
    static final SupportProperties SETTINGS = new SupportProperties("process-test-secret", 75, 2, 5, 3, List.of("ACC-1001"));
    /** Surveys: a reminder after 3 business days, closed unanswered after 10. */
    static final SurveyProperties SURVEYS = new SurveyProperties(3, 10);
    /** The support mailbox (SUP-14): not polled in process tests; tests hand kept mails to its intake. */
    static final MailIntakeProperties MAIL_INTAKE = new MailIntakeProperties(false, "imap", null, 0, null, null, null,
            null, null, 0, null, null, null);

    final Tickets tickets;
    final TicketLinks links;
    final KnowledgeBase knowledge;
    final SurveyService surveys;
    final TicketService service;
    final ProcessTestBeans.Mail mail;

    SupportTestBeans(ProcessTestBeans beans) {
        tickets = beans.get(Tickets.class);
        links = beans.get(TicketLinks.class);
        knowledge = beans.get(KnowledgeBase.class);
        surveys = beans.get(SurveyService.class);
        service = beans.get(TicketService.class);
        mail = beans.mail;
    }
}
