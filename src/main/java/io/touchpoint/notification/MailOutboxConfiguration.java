package io.touchpoint.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduling, with which the {@link MailDispatcher} polls the outbox. */
@Configuration
@EnableScheduling
class MailOutboxConfiguration {
}
