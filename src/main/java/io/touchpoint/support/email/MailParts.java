package io.touchpoint.support.email;

import io.touchpoint.web.Mailbox;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail of the support mailbox read strictly (Jakarta Mail): its sender, subject, text and files, whether it is one
 * that must never open a ticket (an auto-reply, a delivery report, our own notification coming back), and the ticket
 * number its subject carries. A mail Jakarta Mail cannot read (a broken structure or encoding) throws.
 */
public final class MailParts {

    /** Ticket and service request numbers as {@code BusinessNumbers} makes them: T-2026-00042, S-2026-00007. */
    static final Pattern TICKET_NUMBER = Pattern.compile("(?<![A-Za-z0-9])([TS]-\\d{4}-\\d{5})(?![0-9])");
    /** The domain of the Message-IDs of our own emails ({@code <id>@touchpoint}, see the notification outbox). */
    static final String OWN_MESSAGE_ID_DOMAIN = "@touchpoint";
    /** The header our own emails carry (the notification outbox sets it). */
    static final String OWN_HEADER = io.touchpoint.notification.MailDispatcher.NOTIFICATION_HEADER;

    private static final Pattern QUOTE_START = Pattern.compile(
            "(?m)^(On .{1,200} wrote:|-{2,} ?Original Message ?-{2,}|From: .+|_{10,})\\s*$");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    /** A file of the mail. */
    public record File(String name, String contentType, byte[] content) {
    }

    private final MimeMessage message;
    private final String text;
    private final List<File> files;

    private MailParts(MimeMessage message, String text, List<File> files) {
        this.message = message;
        this.text = text;
        this.files = files;
    }

    /**
     * Reads the whole mail: its structure, every part's encoding; throws when any of it is broken (a multipart without
     * its boundary or its end, a bad encoding).
     */
    public static MailParts read(byte[] raw) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(strictSession(), new ByteArrayInputStream(raw));
        List<String> texts = new ArrayList<>();
        List<String> htmls = new ArrayList<>();
        List<File> files = new ArrayList<>();
        walk(message, texts, htmls, files, 0);
        String text = !texts.isEmpty() ? String.join("\n\n", texts)
                : htmls.stream().map(MailParts::htmlToText).reduce((a, b) -> a + "\n\n" + b).orElse("");
        return new MailParts(message, text, List.copyOf(files));
    }

    /** A session of its own: nothing of the application's mail settings. */
    static Session strictSession() {
        return Session.getInstance(new Properties());
    }

    private static void walk(Part part, List<String> texts, List<String> htmls, List<File> files, int depth)
            throws MessagingException, IOException {
        if (depth > 10) {
            throw new MessagingException("parts nested more than 10 deep");
        }
        String fileName = fileName(part);
        if (part.isMimeType("multipart/*")) {
            if (!(part.getContent() instanceof Multipart multipart)) {
                throw new MessagingException("a multipart without parts");
            }
            if (multipart instanceof MimeMultipart mime && multipart.getCount() >= 0 && !mime.isComplete()) {
                throw new MessagingException("a multipart whose end boundary is missing: the mail was cut off");
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, texts, htmls, files, depth + 1);
            }
        } else if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                || part.isMimeType("message/rfc822")) {
            byte[] content;
            try (InputStream in = part.getInputStream()) {
                content = in.readAllBytes();
            }
            String type = part.getContentType() == null ? "application/octet-stream"
                    : part.getContentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
            files.add(new File(fileName != null ? fileName : part.isMimeType("message/rfc822") ? "message.eml"
                    : "attachment-" + (files.size() + 1), type, content));
        } else if (part.isMimeType("text/plain")) {
            texts.add(String.valueOf(part.getContent()));
        } else if (part.isMimeType("text/html")) {
            htmls.add(String.valueOf(part.getContent()));
        } else {
            // another inline part without a name: read it (a broken encoding shows here) and keep it as a file
            byte[] content;
            try (InputStream in = part.getInputStream()) {
                content = in.readAllBytes();
            }
            if (content.length > 0) {
                files.add(new File("part-" + (files.size() + 1), part.getContentType().split(";")[0].trim(), content));
            }
        }
    }

    private static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null) {
            return null;
        }
        try {
            name = MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException keepAsItIs) {
            // the name as written
        }
        // no folders, no control characters: the name is shown and offered as a download
        name = CONTROL.matcher(name.replaceAll(".*[/\\\\]", "")).replaceAll("").trim();
        return name.isEmpty() ? null : name;
    }

    private static String htmlToText(String html) {
        String text = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>|</tr>", "\n");
        text = TAG.matcher(text).replaceAll("");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /** The sender's address when it is one mailbox a ticket can answer, lower case. */
    public Optional<String> senderAddress() {
        return sender().map(address -> address.getAddress().trim()).filter(Mailbox.Validator::isMailbox)
                .map(address -> address.toLowerCase(Locale.ROOT));
    }

    /** The sender's name as the mail gives it, if any. */
    public Optional<String> senderName() {
        return sender().map(InternetAddress::getPersonal).map(name -> CONTROL.matcher(name).replaceAll(" ").strip())
                .filter(name -> !name.isBlank());
    }

    private Optional<InternetAddress> sender() {
        try {
            Address[] from = message.getFrom();
            if (from == null || from.length != 1 || !(from[0] instanceof InternetAddress address)) {
                return Optional.empty();
            }
            return Optional.of(address);
        } catch (MessagingException unreadable) {
            return Optional.empty();
        }
    }

    public String subject() {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject;
        } catch (MessagingException unreadable) {
            return "";
        }
    }

    /** The mail's text, the quoted earlier messages of a reply left out. */
    public String text() {
        return text;
    }

    /** What the customer wrote above the quoted message of a reply. */
    public String replyText() {
        Matcher quote = QUOTE_START.matcher(text);
        String reply = quote.find() ? text.substring(0, quote.start()) : text;
        StringBuilder kept = new StringBuilder();
        for (String line : reply.split("\\R", -1)) {
            if (!line.startsWith(">")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString().strip();
    }

    public List<File> files() {
        return files;
    }

    /** The first ticket number of the subject, if any. */
    public Optional<String> ticketNumber() {
        Matcher number = TICKET_NUMBER.matcher(subject());
        return number.find() ? Optional.of(number.group(1)) : Optional.empty();
    }

    /**
     * Why this mail must not open a ticket nor join one, or empty: an automatic mail (RFC 3834's Auto-Submitted, a
     * Precedence of bulk, junk, list or auto_reply, the X-Autoreply family of headers, Microsoft's
     * X-Auto-Response-Suppress), a delivery or read report, one of our own emails coming back (our header, our
     * Message-ID, our sender address), or a reply to one of our emails that names no ticket.
     */
    public Optional<String> loopReason(Set<String> ownAddresses) throws MessagingException {
        String autoSubmitted = header("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("An automatic mail (Auto-Submitted: " + autoSubmitted.trim() + "), such as an "
                    + "out-of-office reply: it would answer our answer forever.");
        }
        String precedence = header("Precedence");
        if (precedence != null && Set.of("bulk", "junk", "list", "auto_reply")
                .contains(precedence.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("A bulk or automatic mail (Precedence: " + precedence.trim() + ").");
        }
        for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress", "X-Autogenerated")) {
            if (header(name) != null) {
                return Optional.of("An automatic mail (" + name + ": " + header(name).trim() + ").");
            }
        }
        if (message.isMimeType("multipart/report")) {
            return Optional.of("A delivery or read report, not a customer's message.");
        }
        if (header(OWN_HEADER) != null || ownMessageId(header("Message-ID"))) {
            return Optional.of("One of Touchpoint's own emails came back to the support mailbox.");
        }
        Optional<String> sender = senderAddress();
        if (sender.isPresent() && ownAddresses.contains(sender.get())) {
            return Optional.of("Sent from Touchpoint's own address (" + sender.get() + ").");
        }
        if (ticketNumber().isEmpty() && (ownMessageId(header("In-Reply-To")) || ownMessageId(header("References")))) {
            return Optional.of("A reply to one of Touchpoint's emails that names no ticket number in its subject.");
        }
        return Optional.empty();
    }

    private static boolean ownMessageId(String ids) {
        return ids != null && ids.toLowerCase(Locale.ROOT).contains(OWN_MESSAGE_ID_DOMAIN + ">");
    }

    private String header(String name) throws MessagingException {
        String value = message.getHeader(name, ", ");
        return value == null ? null : value;
    }

    /** Text as a ticket takes it: no control characters but line breaks and tabs, at most {@code max} characters. */
    static String clean(String text, int max) {
        String cleaned = CONTROL.matcher(text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n'))
                .replaceAll("").strip();
        return cleaned.length() <= max ? cleaned : cleaned.substring(0, max - 1) + "…";
    }

    /** One line as a ticket takes it: no control or line-break characters, at most {@code max} characters. */
    static String oneLine(String text, int max) {
        String line = (text == null ? "" : text).replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
