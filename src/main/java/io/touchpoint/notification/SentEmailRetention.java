package io.touchpoint.notification;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox from growing without bound (issue 14): a sent email's bodies, calendar invite and attached files
 * are removed once it was sent longer ago than {@code touchpoint.mail.sent-retention} (P90D), at most
 * {@code sent-retention-batch} emails every {@code sent-retention-interval}. The row itself stays, with its
 * recipients, subject, template, customer, Message-ID and sent time: customer care still sees that the email went
 * out, and a step that runs again still finds its Message-ID and does not queue the email a second time (deleting the
 * row would lose both). Emails that are not sent, or failed, keep everything: they may still be sent or retried.
 * <p>
 * Every node runs it; two nodes emptying the same emails at once do the same harmless work (see
 * {@link Outbox#removeSentBodies}).
 */
@Component
public class SentEmailRetention {

    private static final Logger log = LoggerFactory.getLogger(SentEmailRetention.class);

    private final Outbox outbox;
    private final MailProperties settings;
    private final Clock clock;

    @Autowired
    public SentEmailRetention(Outbox outbox, MailProperties settings) {
        this(outbox, settings, Clock.systemUTC());
    }

    SentEmailRetention(Outbox outbox, MailProperties settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Empties the next batch of sent emails past the retention; returns how many it emptied. */
    public int removeExpiredBodies() {
        Instant now = clock.instant();
        int emptied = outbox.removeSentBodies(now.minus(settings.sentRetention()), now, settings.sentRetentionBatch());
        if (emptied > 0) {
            log.info("Removed the bodies and files of {} emails sent more than {} ago", emptied,
                    settings.sentRetention());
        }
        return emptied;
    }

    /** The scheduled run: a failure (the database away for a moment) is logged and the next run tries again. */
    void run() {
        try {
            removeExpiredBodies();
        } catch (RuntimeException e) {
            log.warn("Could not remove the bodies of old sent emails; trying again in {}",
                    settings.sentRetentionInterval(), e);
        }
    }
}
