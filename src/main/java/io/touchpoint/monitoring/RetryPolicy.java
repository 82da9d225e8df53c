package io.touchpoint.monitoring;

import org.springframework.stereotype.Component;

/**
 * Retry cycles of the steps that call other systems over HTTP in the background, for the models:
 * {@code <camunda:failedJobRetryTimeCycle>${retryPolicy.webhook}</camunda:failedJobRetryTimeCycle>}. When the
 * retries are used up the job becomes an incident in Cockpit, where it can be retried by hand. Emails are no such
 * step: they go through the outbox, which retries on {@code touchpoint.mail.retry-cycle}.
 */
@Component("retryPolicy")
public class RetryPolicy {

    private final MonitoringProperties monitoring;

    public RetryPolicy(MonitoringProperties monitoring) {
        this.monitoring = monitoring;
    }

    /** Calls to other systems' HTTP endpoints: {@code touchpoint.monitoring.retry-cycle}. */
    public String getWebhook() {
        return monitoring.retryCycle();
    }
}
