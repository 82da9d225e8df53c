package io.touchpoint.portal;

import io.touchpoint.journey.Catalog;
import io.touchpoint.journey.CustomerJourney;
import io.touchpoint.journey.QuoteRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo customer, created at start-up while {@code touchpoint.demo.enabled} is true, so that a newcomer can log in
 * to the portal at once: a company with a quote request (its customer journey, waiting for the sales rep's
 * introduction) and the portal account of its contact, confirmed, linked to the company, with the demo password.
 * Idempotent: a company that has a journey gets no second one, and an existing account is left as it is.
 */
@Component
@ConditionalOnProperty(name = "touchpoint.demo.enabled", havingValue = "true")
class PortalDemoCustomer {

    static final String COMPANY = "Harbor Dental Group";
    static final String CONTACT = "Olivia Hart";
    static final String EMAIL = "olivia@harbor-dental.example";

    private static final Logger log = LoggerFactory.getLogger(PortalDemoCustomer.class);

    private final PortalAccounts accounts;
    private final CompanyDirectory directory;
    private final CustomerJourney journeys;
    private final String password;

    PortalDemoCustomer(PortalAccounts accounts, CompanyDirectory directory, CustomerJourney journeys,
                       PortalDemoProperties demo) {
        this.accounts = accounts;
        this.directory = directory;
        this.journeys = journeys;
        this.password = demo.password();
    }

    /** After the demo staff (order 2): the journey's first task goes to the demo sales reps. */
    @EventListener
    @Order(3)
    public void onReady(ApplicationReadyEvent ready) {
        if (directory.journeys(COMPANY).isEmpty()) {
            String quote = journeys.start(new QuoteRequest(COMPANY, CONTACT, EMAIL, "+1 555 010 0142", 12,
                    List.of(Catalog.Service.HOSTED_VOICE, Catalog.Service.FIBER_INTERNET), null, "Old Telco",
                    "Two offices; our old PBX is out of support."));
            log.info("Demo customer {}: quote {}", COMPANY, quote);
        }
        if (accounts.byEmail(EMAIL).isEmpty()) {
            accounts.create(EMAIL, CONTACT).ifPresent(id -> {
                accounts.setPassword(id, PortalRegistration.PASSWORDS.encode(password), true);
                accounts.link(id, COMPANY, "demo data");
            });
            log.info("Demo customer's portal login: {} (password from touchpoint.demo.password)", EMAIL);
        }
    }
}
