package io.touchpoint.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One connection to the mail server for a batch of the outbox, opened for its first message and opened again when it
 * breaks: the messages go one at a time, so that the dispatcher knows of each that the server took it (and records so)
 * before the next one leaves. The connection settings are those of Spring Boot's mail sender ({@code spring.mail.*}),
 * or of the captured mailbox; any other {@link JavaMailSender} sends each message on its own.
 */
final class SmtpConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnection.class);

    /** The mail server cannot be reached or refuses the login: the messages after this one would fail alike. */
    static final class Unreachable extends Exception {

        Unreachable(Exception cause) {
            super(EmailService.reason(cause), cause);
        }
    }

    private final JavaMailSender sender;
    private Transport transport;

    SmtpConnection(JavaMailSender sender) {
        this.sender = sender;
    }

    /**
     * Sends one message and returns once the server has accepted it.
     *
     * @throws Unreachable        when no connection could be made (the messages after it need not be tried now)
     * @throws MessagingException when the server did not accept this message (a refused recipient, the connection
     *                            broke while it was sent)
     */
    void send(MimeMessage message) throws Unreachable, MessagingException {
        if (!(sender instanceof JavaMailSenderImpl smtp)) {
            try {
                sender.send(message);
            } catch (MailException failed) {
                throw new MessagingException(EmailService.reason(failed), failed);
            }
            return;
        }
        if (transport == null || !transport.isConnected()) {
            close();
            transport = connect(smtp);
        }
        // as JavaMailSenderImpl does: a sent date, the headers saved, and the Message-ID kept (saving replaces it)
        String messageId = message.getMessageID();
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
        Address[] recipients = message.getAllRecipients();
        transport.sendMessage(message, recipients == null ? new Address[0] : recipients);
    }

    private static Transport connect(JavaMailSenderImpl smtp) throws Unreachable {
        String username = smtp.getUsername();
        String password = smtp.getPassword();
        if ("".equals(username)) { // an empty placeholder: no login
            username = null;
            password = "".equals(password) ? null : password;
        }
        String protocol = smtp.getProtocol() != null ? smtp.getProtocol()
                : smtp.getSession().getProperty("mail.transport.protocol");
        try {
            Transport connection = smtp.getSession().getTransport(protocol == null ? "smtp" : protocol);
            connection.connect(smtp.getHost(), smtp.getPort(), username, password);
            return connection;
        } catch (MessagingException | RuntimeException unreachable) {
            throw new Unreachable(unreachable);
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                log.debug("Closing the connection to the mail server failed", e);
            }
            transport = null;
        }
    }
}
