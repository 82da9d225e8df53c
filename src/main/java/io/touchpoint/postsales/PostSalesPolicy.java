package io.touchpoint.postsales;

import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.journey.CustomerJourneyProcess;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Post-sales rules as the model reads them, e.g. {@code ${postSalesPolicy.hasAccountManager(execution)}}. */
@Component("postSalesPolicy")
public class PostSalesPolicy {

    private final PostSalesProperties properties;
    private final BusinessCalendar calendar;

    public PostSalesPolicy(PostSalesProperties properties, BusinessCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    /**
     * PST-01: the completion letter goes "the same day of or next day after install", not seconds after the completion
     * notice: at the opening of the business day after the install, or, when the services became active later than
     * that, of the business day after today.
     */
    public Date completionLetterAt(Date installAt) {
        Instant now = calendar.now();
        Instant from = installAt == null || installAt.toInstant().isBefore(now) ? now : installAt.toInstant();
        return Date.from(calendar.openingOfNextBusinessDay(from));
    }

    /** PST-06 applies to customers with enough seats for an account relations manager. */
    public boolean hasAccountManager(VariableScope scope) {
        Object seats = scope.getVariable(CustomerJourneyProcess.Vars.SEATS);
        return seats instanceof Number number && number.intValue() >= properties.accountManagerMinSeats();
    }

    /** Timer duration until the first full invoice is out, e.g. P35D. */
    public String getFirstBillReviewAfter() {
        return properties.firstBillReviewAfter().toString();
    }
}
