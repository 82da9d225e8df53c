package io.touchpoint.postsales;

import io.touchpoint.escalation.EscalateTaskDelegate;
import io.touchpoint.identity.People;
import io.touchpoint.notification.EmailService;
import io.touchpoint.outage.AddToOutageListDelegate;
import io.touchpoint.outage.OutageList;
import io.touchpoint.survey.CloseSurveyDelegate;
import io.touchpoint.survey.DispatchSurveyDelegate;
import io.touchpoint.survey.SurveyPolicy;
import io.touchpoint.survey.SurveyProperties;
import io.touchpoint.survey.SurveyService;
import io.touchpoint.testing.ProcessTestBeans;
import java.time.Period;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Registers post-sales' own beans for process tests. Surveys are sent for real, through the outbox and the SMTP
 * server on {@code smtpPort} (a GreenMail of the test), when the test calls {@code mail.sendQueued()}.
 */
public final class PostSalesTestBeans {

    public static final PostSalesProperties SETTINGS = new PostSalesProperties(20, Period.ofDays(35));
    public static final SurveyProperties SURVEYS = new SurveyProperties(3, 10);

    public final SurveyService surveys;
    public final OutageList outageList;
    public final ProcessTestBeans.Mail mail;

    private PostSalesTestBeans(ProcessEngine engine, ProcessTestBeans beans, int smtpPort) {
        mail = beans.mail(engine, smtpPort);
        EmailService emails = mail.emails();
        surveys = new SurveyService(beans.jdbc, engine.getRuntimeService(), ProcessTestBeans.touchpoint("https://touchpoint.example"),
                beans.calendar);
        outageList = new OutageList(beans.jdbc,
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(beans.jdbc.getDataSource()), beans.calendar);
        People people = new People(engine.getIdentityService(), engine.getTaskService());
        Mocks.register("postSalesPolicy", new PostSalesPolicy(SETTINGS));
        Mocks.register("postSalesIntake", new PostSalesIntakeListener(beans.calendar));
        Mocks.register("surveyPolicy", new SurveyPolicy(SURVEYS, beans.calendar));
        Mocks.register("dispatchSurvey", new DispatchSurveyDelegate(surveys, emails, people));
        Mocks.register("closeSurvey", new CloseSurveyDelegate(surveys));
        Mocks.register("remindSurvey", new io.touchpoint.survey.RemindSurveyDelegate(surveys, emails));
        Mocks.register("addToOutageList", new AddToOutageListDelegate(outageList));
        Mocks.register("draftPresidentNote", new DraftPresidentNoteDelegate(emails));
        Mocks.register("assignAccountManager", new AssignAccountManagerDelegate(people));
        Mocks.register("escalateTask", new EscalateTaskDelegate(engine.getTaskService()));
        Mocks.register("salesRepOwnership", new io.touchpoint.presales.SalesRepOwnership());
    }

    public static PostSalesTestBeans register(ProcessEngine engine, ProcessTestBeans beans, int smtpPort) {
        return new PostSalesTestBeans(engine, beans, smtpPort);
    }
}
