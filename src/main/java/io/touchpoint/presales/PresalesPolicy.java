package io.touchpoint.presales;

import static io.touchpoint.journey.CustomerJourneyProcess.Vars.*;
import static io.touchpoint.presales.PresalesProcess.Vars.*;

import io.touchpoint.calendar.BusinessCalendar;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriTemplate;

/**
 * Presales timing and limits as the model reads them, e.g. {@code ${presalesPolicy.quoteValidity}} on the
 * quote's expiry timer. All values come from {@link PresalesProperties}.
 */
@Component("presalesPolicy")
public class PresalesPolicy {

    private final PresalesProperties properties;
    private final BusinessCalendar calendar;

    public PresalesPolicy(PresalesProperties properties, BusinessCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    /** Timer duration: the quote expires this long after it is presented, e.g. P30D. */
    public String getQuoteValidity() {
        return properties.quoteValidity().toString();
    }

    /** Timer duration: the agent is reminded this long after the quote is presented, e.g. P25D. */
    public String getQuoteReminderAfter() {
        return properties.quoteValidity().minus(properties.quoteReminderBefore()).normalized().toString();
    }

    /** Due date of the customer's decision: when the quote presented now expires. */
    public Date quoteDecisionDue() {
        return Date.from(calendar.now().atOffset(ZoneOffset.UTC).plus(properties.quoteValidity()).toInstant());
    }

    public int getMaxQuoteRevisions() {
        return properties.maxQuoteRevisions();
    }

    /**
     * PRE-03: a discovery meeting "can be set" for customers with at least
     * {@code touchpoint.presales.discovery-meeting-min-seats} seats; the agent decides (variable
     * {@code discoveryMeetingWanted}): {@code ${presalesPolicy.discoveryMeetingSet(execution)}}.
     */
    public boolean discoveryMeetingSet(VariableScope scope) {
        return Boolean.TRUE.equals(scope.getVariable(PresalesProcess.Vars.DISCOVERY_MEETING_WANTED))
                && scope.getVariable(SEATS) instanceof Number seats && seats.intValue() >= getDiscoveryMeetingMinSeats();
    }

    /** From how many seats the agent is offered a discovery meeting. */
    public int getDiscoveryMeetingMinSeats() {
        return properties.discoveryMeetingMinSeats();
    }

    /**
     * Whether the customer may ask for changes once more: {@code ${presalesPolicy.mayReviseAgain(execution)}}; beyond
     * {@code touchpoint.presales.max-quote-revisions} the quote is closed as declined.
     */
    public boolean mayReviseAgain(VariableScope scope) {
        Object revision = scope.getVariable(QUOTE_REVISION);
        return (revision instanceof Number number ? number.intValue() : 0) < properties.maxQuoteRevisions();
    }

    public String getSignatureReminderCycle() {
        return properties.signatureReminderCycle();
    }

    public String getSignatureFollowUpAfter() {
        return properties.signatureFollowUpAfter().toString();
    }

    public String signatureLink(String orderNumber) {
        return link(properties.signatureUrl(), orderNumber);
    }

    public String paymentLink(String orderNumber) {
        return link(properties.paymentUrl(), orderNumber);
    }

    private static String link(String template, String orderNumber) {
        return new UriTemplate(template).expand(Map.of("orderNumber", orderNumber)).toString();
    }
}
