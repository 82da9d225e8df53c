package io.touchpoint.presales;

import io.touchpoint.testing.ProcessTestBeans;
import java.time.Duration;
import java.time.Period;
import org.camunda.bpm.engine.test.mock.Mocks;

/** Registers presales' own beans for process tests, with test settings (30-day quotes, 3 revisions, ...). */
public final class PresalesTestBeans {

    public static final PresalesProperties SETTINGS = new PresalesProperties(Period.ofDays(30), Period.ofDays(5), 20, 3,
            "R3/P2D", Duration.ofDays(7), "https://sign.example/{orderNumber}", "https://pay.example/{orderNumber}");

    private PresalesTestBeans() {
    }

    public static void register(ProcessTestBeans beans) {
        PresalesPolicy policy = new PresalesPolicy(SETTINGS, beans.calendar);
        Mocks.register("presalesPolicy", policy);
        Mocks.register("quoteIntake", new QuoteIntakeListener(new io.touchpoint.journey.JourneyIntakeListener(beans.numbers)));
        Mocks.register("createOrder", new CreateOrderDelegate(beans.numbers, policy));
        Mocks.register("recordOutcome", new RecordOutcomeDelegate(beans.calendar));
        Mocks.register("salesRepOwnership", new SalesRepOwnership());
        Mocks.register("startQuoteRevision", new StartQuoteRevisionDelegate());
    }
}
