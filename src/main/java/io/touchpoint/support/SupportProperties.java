package io.touchpoint.support;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Support timing and secrets ({@code touchpoint.support.*}). The SLA targets themselves are in
 * {@code processes/ticket-sla.dmn}, where an analyst edits them.
 *
 * @param tokenSecret                         signs the tracking links of tickets (HMAC); blank: a secret generated for this
 *                                            installation (see {@link TrackingTokenSecret}); the prod profile requires one
 * @param warnAtPercent                       the assignee is warned when this share of a target has passed (75)
 * @param answerReminderAfterBusinessDays     the customer is reminded of an unanswered question after this many business days
 * @param silenceCloseAfterBusinessDays       and the ticket is closed after this many business days of silence
 * @param confirmationCloseAfterBusinessDays  a resolved ticket the customer neither confirms nor reopens closes after this
 * @param premiumAccounts                     account numbers of premium customers (the SLA table's customer tier)
 */
@ConfigurationProperties("touchpoint.support")
@Validated
public record SupportProperties(String tokenSecret, int warnAtPercent, int answerReminderAfterBusinessDays,
                              int silenceCloseAfterBusinessDays, int confirmationCloseAfterBusinessDays,
                              List<String> premiumAccounts) {

    public SupportProperties {
        if (warnAtPercent < 1 || warnAtPercent > 99) {
            throw new IllegalArgumentException("touchpoint.support.warn-at-percent must be between 1 and 99");
        }
        if (answerReminderAfterBusinessDays >= silenceCloseAfterBusinessDays) {
            throw new IllegalArgumentException("touchpoint.support.answer-reminder-after-business-days must be less than "
                    + "silence-close-after-business-days");
        }
        if (confirmationCloseAfterBusinessDays < 1) {
            throw new IllegalArgumentException("touchpoint.support.confirmation-close-after-business-days must be at least 1");
        }
        premiumAccounts = premiumAccounts == null ? List.of() : List.copyOf(premiumAccounts);
    }
}
