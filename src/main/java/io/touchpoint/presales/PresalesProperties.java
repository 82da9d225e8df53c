package io.touchpoint.presales;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Presales settings.
 *
 * @param quoteValidity          how long a quote stays valid for the customer's decision (calendar days)
 * @param quoteReminderBefore    how long before the quote expires the agent is reminded
 * @param discoveryMeetingMinSeats customers with at least this many seats get a discovery meeting (PRE-03)
 * @param maxQuoteRevisions      how many times the customer may ask for changes before the quote is closed
 * @param signatureReminderCycle reminders to the customer while the order waits for signature and payment
 *                               (ISO 8601 repeating interval, e.g. R3/P2D)
 * @param signatureFollowUpAfter when the agent gets a follow-up task for an order still unsigned or unpaid
 * @param signatureUrl           link to the e-signature provider; a URI template: {orderNumber} becomes the order's number
 * @param paymentUrl             link to the card payment page, a URI template as signatureUrl
 */
@ConfigurationProperties("touchpoint.presales")
@Validated
public record PresalesProperties(@NotNull Period quoteValidity, @NotNull Period quoteReminderBefore,
                                 @Min(1) int discoveryMeetingMinSeats, @Min(0) int maxQuoteRevisions,
                                 @NotBlank String signatureReminderCycle, @NotNull Duration signatureFollowUpAfter,
                                 @NotBlank String signatureUrl, @NotBlank String paymentUrl) {

    public PresalesProperties {
        if (quoteReminderBefore != null && quoteValidity != null
                && !quoteReminderBefore.minus(quoteValidity).isNegative()) {
            throw new IllegalArgumentException(
                    "touchpoint.presales.quote-reminder-before must be shorter than quote-validity");
        }
    }
}
