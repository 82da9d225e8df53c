package io.touchpoint.testing;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.base.GreenMailOperations;
import io.touchpoint.notification.Outbox;
import io.touchpoint.notification.OutboxEmail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reading received emails in tests, which find their own emails: by the Message-ID that the outbox gave the email of
 * their process instance, never by "the first message" or a subject alone (other tests' processes send to the same
 * SMTP server, and their emails may arrive late: a retry, a cached test context).
 */
public final class Mails {

    private Mails() {
    }

    /**
     * The newest email of the process instance whose subject starts so, once the SMTP server has received it; fails
     * after 30 seconds.
     */
    public static MimeMessage awaitReceived(GreenMailOperations smtp, Outbox outbox, String processInstanceId,
                                            String subjectStart) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> received(smtp, outbox, processInstanceId, subjectStart)
                .orElse(null), message -> message != null);
    }

    /** The newest email of the process instance whose subject starts so, if the SMTP server has received it. */
    public static Optional<MimeMessage> received(GreenMailOperations smtp, Outbox outbox, String processInstanceId,
                                                 String subjectStart) {
        Optional<OutboxEmail> queued = outbox.ofProcessInstance(processInstanceId).stream()
                .filter(email -> email.subject().startsWith(subjectStart)).reduce((first, second) -> second);
        return queued.flatMap(email -> Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> messageId(message).equals("<" + email.messageId() + ">")).findFirst());
    }

    /** The Message-ID header, angle brackets included, as the outbox sends it: {@code <id@touchpoint>}. */
    public static String messageId(MimeMessage message) {
        try {
            return String.valueOf(message.getMessageID());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The email's plain-text part as the customer's mail program shows it: decoded (quoted-printable, base64) by
     * Jakarta Mail, so a long link is one line again.
     */
    public static String text(MimeMessage message) {
        try {
            String text = text((Part) message);
            if (text == null) {
                throw new AssertionError("the email " + messageId(message) + " has no text/plain part");
            }
            return text;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /**
     * The bytes of the attached file of that name, which must be one attachment of that MIME type (e.g.
     * {@code application/pdf}).
     */
    public static byte[] attachment(MimeMessage message, String fileName, String mimeType) {
        try {
            java.util.List<Part> found = new java.util.ArrayList<>();
            attachments(message, fileName, found);
            if (found.size() != 1) {
                throw new AssertionError("the email " + messageId(message) + " has " + found.size() + " attachments named "
                        + fileName);
            }
            Part part = found.get(0);
            if (!part.isMimeType(mimeType) || !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                throw new AssertionError(fileName + " is attached as " + part.getContentType() + ", "
                        + part.getDisposition() + ", not as an attachment of type " + mimeType);
            }
            return part.getInputStream().readAllBytes();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file names of the email's attachments, in their order. */
    public static java.util.List<String> attachmentNames(MimeMessage message) {
        try {
            java.util.List<Part> found = new java.util.ArrayList<>();
            attachments(message, null, found);
            java.util.List<String> names = new java.util.ArrayList<>();
            for (Part part : found) {
                names.add(part.getFileName());
            }
            return names;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void attachments(Part part, String fileName, java.util.List<Part> found)
            throws MessagingException, IOException {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                attachments(multipart.getBodyPart(i), fileName, found);
            }
        } else if (part.getFileName() != null && (fileName == null || fileName.equals(part.getFileName()))) {
            found.add(part);
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
