package io.touchpoint.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Retry cycles of the steps that talk to other systems in the background, for the models:
 * {@code <camunda:failedJobRetryTimeCycle>${retryPolicy.webhook}</camunda:failedJobRetryTimeCycle>}. When the
 * retries are used up the job becomes an incident in Cockpit, where it can be retried by hand. Emails are no such
 * step: they go through the outbox, which retries on {@code touchpoint.mail.retry-cycle} (see {@link MailDispatcher}).
 */
@Component("retryPolicy")
public class RetryPolicy {

    private final String webhook;

    public RetryPolicy(@Value("${touchpoint.monitoring.retry-cycle:R10/PT5M}") String webhook) {
        this.webhook = webhook;
    }

    /** Calls to other systems' HTTP endpoints: {@code touchpoint.monitoring.retry-cycle}. */
    public String getWebhook() {
        return webhook;
    }
}
