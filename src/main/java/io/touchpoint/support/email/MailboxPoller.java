package io.touchpoint.support.email;

import io.touchpoint.calendar.BusinessCalendar;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the support mailbox over IMAP (Jakarta Mail, the Eclipse Angus implementation that Spring Boot's mail
 * starter brings) every {@code touchpoint.support.mail-intake.poll-interval}, when the intake is enabled. Each mail
 * not yet flagged \Seen is read without marking it (BODY.PEEK), kept in {@code inbound_mail} in a transaction of its
 * own, and only then flagged \Seen on the server; nothing is deleted there. A mail kept before (same Message-ID, or
 * the same bytes when it has none) is only flagged. A mail larger than {@code max-size} is not downloaded: its
 * headers are kept, with the reason. Then the kept mails are processed ({@link MailIntake}). While the server cannot
 * be reached, nothing is flagged and the next poll tries again; processing of kept mails goes on.
 */
@Component
public class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    private static final int BATCH = 50;

    private final InboundMails mails;
    private final MailIntake intake;
    private final MailIntakeProperties settings;
    private final BusinessCalendar calendar;
    private final TransactionTemplate transaction;
    private final ReentrantLock polling = new ReentrantLock();
    private volatile Status status = new Status(null, null, null);

    /** How the last reads of the mailbox went, for customer care's page: when it last worked, and the last error. */
    public record Status(Instant lastRead, Instant lastFailure, String lastError) {

        /** Whether the last read failed. */
        public boolean failing() {
            return lastFailure != null && (lastRead == null || lastFailure.isAfter(lastRead));
        }
    }

    public MailboxPoller(InboundMails mails, MailIntake intake, MailIntakeProperties settings,
                         BusinessCalendar calendar, PlatformTransactionManager transactions) {
        this.mails = mails;
        this.intake = intake;
        this.settings = settings;
        this.calendar = calendar;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** One poll: fetch what is new, then process what is kept; one poll at a time. */
    public void poll() {
        if (!polling.tryLock()) {
            return;
        }
        try {
            try {
                fetch();
                status = new Status(calendar.now(), status.lastFailure(), status.lastError());
            } catch (MessagingException | RuntimeException unreachable) {
                status = new Status(status.lastRead(), calendar.now(), unreachable.getMessage() == null
                        ? unreachable.getClass().getSimpleName() : unreachable.getMessage());
                log.warn("Could not read the support mailbox {}://{}@{}:{}/{}, trying again in {}: {}",
                        settings.protocol(), settings.username(), settings.host(), settings.port(), settings.folder(),
                        settings.pollInterval(), unreachable.getMessage());
            }
            intake.processAll();
        } finally {
            polling.unlock();
        }
    }

    public Status status() {
        return status;
    }

    /** Keeps each unseen mail of the folder, then flags it \Seen; returns how many were newly kept. */
    public int fetch() throws MessagingException {
        Store store = session().getStore(settings.protocol());
        if (settings.port() > 0) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
        } else {
            store.connect(settings.host(), settings.username(), settings.password());
        }
        int kept = 0;
        try {
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (Message message : Arrays.copyOf(unseen, Math.min(unseen.length, BATCH))) {
                    if (keep((MimeMessage) message)) {
                        kept++;
                    }
                    message.setFlag(Flags.Flag.SEEN, true); // only once it is kept
                }
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
        return kept;
    }

    private boolean keep(MimeMessage message) throws MessagingException {
        long limit = settings.maxSize().toBytes();
        int announced = message.getSize();
        String messageId = header(message, "Message-ID");
        String sender = sender(message);
        String senderName = senderName(message);
        String subject = subject(message);
        Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : calendar.now();
        if (announced > limit) {
            String headers = headers(message);
            return store(key(messageId, headers.getBytes(StandardCharsets.UTF_8)), messageId, sender, senderName,
                    subject, received, announced, null, tooLarge(announced, limit));
        }
        byte[] raw;
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(announced, 1024))) {
            message.writeTo(bytes);
            raw = bytes.toByteArray();
        } catch (IOException | MessagingException unreadable) {
            String headers = headers(message);
            return store(key(messageId, headers.getBytes(StandardCharsets.UTF_8)), messageId, sender, senderName,
                    subject, received, Math.max(announced, 0), headers.getBytes(StandardCharsets.UTF_8),
                    "Unreadable: the server could not give its content (" + unreadable.getMessage() + "). Only its "
                            + "headers were kept; the mail stays in the mailbox, flagged as seen.");
        }
        if (raw.length > limit) {
            return store(key(messageId, raw), messageId, sender, senderName, subject, received, raw.length, null,
                    tooLarge(raw.length, limit));
        }
        return store(key(messageId, raw), messageId, sender, senderName, subject, received, raw.length, raw, null);
    }

    private boolean store(String key, String messageId, String sender, String senderName, String subject,
                          Instant received, long size, byte[] raw, String reason) {
        return Boolean.TRUE.equals(transaction.execute(status -> mails.keep(key, messageId, sender, senderName,
                subject, received, size, raw, reason)));
    }

    private String tooLarge(long size, long limit) {
        return "Larger (" + (size / 1024) + " KB) than the limit of " + (limit / 1024) + " KB "
                + "(touchpoint.support.mail-intake.max-size): only its headers were kept; the mail stays in the "
                + "mailbox, flagged as seen.";
    }

    /** The Message-ID, or, for a mail without one, a digest of its bytes: the same mail is kept once. */
    static String key(String messageId, byte[] content) {
        if (messageId != null && !messageId.isBlank() && messageId.length() <= 255) {
            return messageId.trim();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(messageId != null && !messageId.isBlank()
                    ? messageId.trim().getBytes(StandardCharsets.UTF_8) : content);
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Session session() {
        Properties properties = new Properties();
        String protocol = settings.protocol();
        String timeout = Long.toString(settings.timeout().toMillis());
        properties.setProperty("mail.store.protocol", protocol);
        properties.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        properties.setProperty("mail." + protocol + ".timeout", timeout);
        properties.setProperty("mail." + protocol + ".writetimeout", timeout);
        // read without setting \Seen: the mail is flagged only once it is kept
        properties.setProperty("mail." + protocol + ".peek", "true");
        if (protocol.equals("imaps")) {
            properties.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        return Session.getInstance(properties);
    }

    private static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, null);
            return value == null ? null : value.trim();
        } catch (MessagingException unreadable) {
            return null;
        }
    }

    private static String headers(MimeMessage message) {
        StringBuilder text = new StringBuilder();
        try {
            for (var header : Collections.list(message.getAllHeaders())) {
                text.append(header.getName()).append(": ").append(header.getValue()).append("\r\n");
            }
        } catch (MessagingException unreadable) {
            text.append("(the headers could not be read: ").append(unreadable.getMessage()).append(")");
        }
        return text.toString();
    }

    private static String sender(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            return from != null && from.length > 0 && from[0] instanceof InternetAddress address ? address.getAddress()
                    : header(message, "From");
        } catch (MessagingException unreadable) {
            return header(message, "From");
        }
    }

    private static String senderName(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            return from != null && from.length > 0 && from[0] instanceof InternetAddress address ? address.getPersonal()
                    : null;
        } catch (MessagingException unreadable) {
            return null;
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException unreadable) {
            return header(message, "Subject");
        }
    }
}
