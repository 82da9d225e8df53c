package io.touchpoint.presales;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
 * @param signatureUrl           link to the e-signature provider; {orderNumber} is replaced
 * @param paymentUrl             link to the card payment page; {orderNumber} is replaced
 */
@ConfigurationProperties("touchpoint.presales")
public record PresalesProperties(Period quoteValidity, Period quoteReminderBefore, int discoveryMeetingMinSeats,
                                 int maxQuoteRevisions,
                                 String signatureReminderCycle, Duration signatureFollowUpAfter,
                                 String signatureUrl, String paymentUrl) {

    public PresalesProperties {
        if (!quoteReminderBefore.minus(quoteValidity).isNegative()) {
            throw new IllegalArgumentException(
                    "touchpoint.presales.quote-reminder-before must be shorter than quote-validity");
        }
        if (maxQuoteRevisions < 0) {
            throw new IllegalArgumentException("touchpoint.presales.max-quote-revisions must not be negative");
        }
    }
}
