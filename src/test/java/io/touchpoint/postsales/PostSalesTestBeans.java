package io.touchpoint.postsales;

import io.touchpoint.outage.OutageList;
import io.touchpoint.survey.SurveyProperties;
import io.touchpoint.survey.SurveyService;
import io.touchpoint.testing.ProcessTestBeans;
import java.time.Period;

/**
 * Post-sales' settings in process tests, and the beans those tests drive directly: the application's own, from
 * {@link ProcessTestBeans}. Surveys are sent for real, through the outbox and the test's SMTP server, when the test
 * calls {@code mail.sendQueued()}.
 */
public final class PostSalesTestBeans {

    public static final PostSalesProperties SETTINGS = new PostSalesProperties(20, Period.ofDays(35));
    public static final SurveyProperties SURVEYS = new SurveyProperties(3, 10);

    public final SurveyService surveys;
    public final OutageList outageList;
    public final ProcessTestBeans.Mail mail;

    public PostSalesTestBeans(ProcessTestBeans beans) {
        surveys = beans.get(SurveyService.class);
        outageList = beans.get(OutageList.class);
        mail = beans.mail;
    }
}
