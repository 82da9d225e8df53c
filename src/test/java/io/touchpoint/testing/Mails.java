package io.touchpoint.testing;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Reading received emails in tests, which find their own emails by Message-ID, subject or recipient. */
public final class Mails {

    private Mails() {
    }

    /** The Message-ID header, angle brackets included, as the outbox sends it: {@code <id@touchpoint>}. */
    public static String messageId(MimeMessage message) {
        try {
            return String.valueOf(message.getMessageID());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
