package io.touchpoint.survey;

import io.touchpoint.calendar.BusinessCalendar;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Survey timing for the models, in business days counted from when the survey was sent:
 * {@code ${surveyPolicy.reminderAt()}} and {@code ${surveyPolicy.closeAt()}}, the timers of the wait for the answer.
 */
@Component("surveyPolicy")
public class SurveyPolicy {

    private final SurveyProperties settings;
    private final BusinessCalendar calendar;

    public SurveyPolicy(SurveyProperties settings, BusinessCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    public Date reminderAt() {
        return calendar.businessDaysFromNow(settings.reminderAfterBusinessDays());
    }

    public Date closeAt() {
        return calendar.businessDaysFromNow(settings.closeAfterBusinessDays());
    }
}
