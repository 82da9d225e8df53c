package io.touchpoint.survey;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Survey timing in business days ({@code touchpoint.survey.*}), as the models read it through {@link SurveyPolicy}.
 *
 * @param reminderAfterBusinessDays an unanswered survey is reminded this many business days after it was sent
 * @param closeAfterBusinessDays    and closed unanswered this many business days after it was sent
 */
@ConfigurationProperties("touchpoint.survey")
@Validated
public record SurveyProperties(@Min(1) int reminderAfterBusinessDays, @Min(1) int closeAfterBusinessDays) {

    public SurveyProperties {
        if (reminderAfterBusinessDays >= closeAfterBusinessDays) {
            throw new IllegalArgumentException("touchpoint.survey.reminder-after-business-days must be less than "
                    + "close-after-business-days");
        }
    }
}
