package io.touchpoint.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With {@code spring.mail.host} set, Spring Boot's mail sender sends for real. Without it, Touchpoint starts
 * the captured mailbox and sends there.
 */
@Configuration
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
class NotificationConfiguration {

    @Bean(destroyMethod = "close")
    CapturedMailbox capturedMailbox(MailProperties settings) {
        return new CapturedMailbox(settings.capture().port());
    }

    @Bean
    JavaMailSender capturedMailSender(CapturedMailbox mailbox, MailProperties settings) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(mailbox.port());
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
        return sender;
    }
}
