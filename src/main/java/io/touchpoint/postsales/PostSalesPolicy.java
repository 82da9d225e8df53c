package io.touchpoint.postsales;

import io.touchpoint.journey.CustomerJourneyProcess;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Post-sales rules as the model reads them, e.g. {@code ${postSalesPolicy.hasAccountManager(execution)}}. */
@Component("postSalesPolicy")
public class PostSalesPolicy {

    private final PostSalesProperties properties;

    public PostSalesPolicy(PostSalesProperties properties) {
        this.properties = properties;
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
