package io.touchpoint.notification;

import org.springframework.stereotype.Component;

/**
 * Retry cycles of steps that talk to the outside world, for the models:
 * {@code <camunda:failedJobRetryTimeCycle>${retryPolicy.email}</camunda:failedJobRetryTimeCycle>}.
 * When the retries are used up the job becomes an incident in Cockpit, where it can be retried by hand.
 */
@Component("retryPolicy")
public class RetryPolicy {

    private final MailSettings mail;
    private final String webhook;

    public RetryPolicy(MailSettings mail,
                       @org.springframework.beans.factory.annotation.Value("${touchpoint.monitoring.retry-cycle:R10/PT5M}")
                       String webhook) {
        this.mail = mail;
        this.webhook = webhook;
    }

    /** Email steps: {@code touchpoint.mail.retry-cycle}. */
    public String getEmail() {
        return mail.retryCycle();
    }

    /** Calls to other systems' HTTP endpoints: {@code touchpoint.monitoring.retry-cycle}. */
    public String getWebhook() {
        return webhook;
    }
}
