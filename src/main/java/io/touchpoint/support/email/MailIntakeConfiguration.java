package io.touchpoint.support.email;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Polls the support mailbox every {@code touchpoint.support.mail-intake.poll-interval} when
 * {@code touchpoint.support.mail-intake.enabled} is true (it is off by default).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "touchpoint.support.mail-intake.enabled", havingValue = "true")
class MailIntakeConfiguration implements SchedulingConfigurer {

    private final MailboxPoller poller;
    private final MailIntakeProperties settings;

    MailIntakeConfiguration(MailboxPoller poller, MailIntakeProperties settings) {
        this.poller = poller;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new IntervalTask(poller::poll, settings.pollInterval(), settings.pollInterval()));
    }
}
