package io.touchpoint.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The {@link MailDispatcher} reads the outbox every {@code touchpoint.mail.poll-interval}, for retries and for emails
 * other nodes queued (new emails of this node leave at once); {@link SentEmailRetention} empties old sent emails every
 * {@code touchpoint.mail.sent-retention-interval}.
 */
@Configuration
@EnableScheduling
class MailOutboxConfiguration implements SchedulingConfigurer {

    private final MailDispatcher dispatcher;
    private final SentEmailRetention retention;
    private final MailProperties properties;

    MailOutboxConfiguration(MailDispatcher dispatcher, SentEmailRetention retention, MailProperties properties) {
        this.dispatcher = dispatcher;
        this.retention = retention;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new IntervalTask(dispatcher::wakeUp, properties.pollInterval(), properties.pollInterval()));
        tasks.addFixedDelayTask(new IntervalTask(retention::run, properties.sentRetentionInterval(),
                properties.sentRetentionInterval()));
    }
}
