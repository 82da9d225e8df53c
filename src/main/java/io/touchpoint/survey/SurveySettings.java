package io.touchpoint.survey;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Survey timing in business days, as the models read it ({@code ${surveySettings.reminderAfterBusinessDays}}).
 *
 * @param reminderAfterBusinessDays an unanswered survey is reminded this many business days after it was sent
 * @param closeAfterBusinessDays    and closed unanswered this many business days after it was sent
 */
@ConfigurationProperties("touchpoint.survey")
public record SurveySettings(int reminderAfterBusinessDays, int closeAfterBusinessDays) {

    public SurveySettings {
        if (reminderAfterBusinessDays >= closeAfterBusinessDays) {
            throw new IllegalArgumentException("touchpoint.survey.reminder-after-business-days must be less than "
                    + "close-after-business-days");
        }
    }
}
