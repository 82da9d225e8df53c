package io.touchpoint.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email from its HTML and plain-text templates, with its calendar invite (organized by
 * {@code touchpoint.mail.from}, the recipients invited), and puts it in the outbox in the caller's transaction: the
 * step that sends an email only writes a row, and the {@link MailDispatcher} delivers it after the commit. Nothing
 * here talks to SMTP, so a mail server that is down never fails or slows the step.
 * <p>
 * An email that cannot be prepared (a template that does not render, no recipient, an address that is not one)
 * does not fail the step either: it is stored as FAILED with the reason, and an incident on the process instance
 * names it at once.
 */
@Service
public class EmailService {

    private final Outbox outbox;
    private final MailProperties settings;
    private final DeliveryIncidents incidents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TemplateEngine templates = mailTemplateEngine();

    @Autowired
    public EmailService(Outbox outbox, MailProperties settings, DeliveryIncidents incidents, ApplicationEventPublisher events) {
        this(outbox, settings, incidents, events, Clock.systemUTC());
    }

    EmailService(Outbox outbox, MailProperties settings, DeliveryIncidents incidents, ApplicationEventPublisher events,
                 Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    /** Renders a plain-text template of {@code mail/} (e.g. a draft that a person edits before it is sent). */
    public String renderText(String template, Map<String, Object> model) {
        return templates.process(template + ".txt", new Context(Locale.US, model)).strip();
    }

    /**
     * Queues the email: rendered now, sent after the caller's transaction commits. A second email with the same
     * Message-ID is the same email and is not queued again.
     */
    public void send(Email email) {
        String messageId = messageId(email);
        if (outbox.exists(messageId)) {
            return;
        }
        Instant now = clock.instant();
        OutboxEmail row;
        try {
            addresses(email.to(), "recipient");
            addresses(email.cc(), "recipient in copy");
            Context context = new Context(Locale.US, email.model());
            String html = templates.process(email.template() + ".html", context);
            String text = templates.process(email.template() + ".txt", context);
            String invite = email.invite() == null ? null : CalendarInvites.request(
                    email.invite().titledIfUntitled(email.subject()), settings.from(), email.to(), email.cc());
            row = row(email, messageId, html, text, invite, OutboxEmail.Status.PENDING, null, now);
        } catch (RuntimeException cannotPrepare) {
            undeliverable(email, messageId, reason(cannotPrepare), now);
            return;
        }
        long id = outbox.add(row, email.attachments());
        events.publishEvent(new EmailQueued(id));
    }

    /**
     * Records an email that its step could not even put together (an unknown guide, an unreadable invite setting):
     * FAILED, with an incident on its process instance; the step goes on.
     */
    public void undeliverable(Email email, String reason) {
        String messageId = messageId(email);
        if (!outbox.exists(messageId)) {
            undeliverable(email, messageId, reason, clock.instant());
        }
    }

    private void undeliverable(Email email, String messageId, String reason, Instant now) {
        OutboxEmail failed = row(email, messageId, null, null, null, OutboxEmail.Status.FAILED, reason, now);
        long id = outbox.add(failed);
        incidents.raiseBeforeCommit(outbox.find(id).orElseThrow(), reason, "It was not sent and cannot be retried as "
                + "it is: fix the email step, its mail template (src/main/resources/mail/" + email.template()
                + ".html and .txt) or the address it uses, then contact the customer; resolve this incident when done.");
    }

    /**
     * The addresses, parsed strictly (one mailbox each, RFC 822): what the mail server would refuse is refused here.
     *
     * @throws IllegalArgumentException naming the address that is not one, or when there is no recipient at all
     */
    static List<InternetAddress> addresses(List<String> values, String role) {
        List<InternetAddress> parsed = new ArrayList<>();
        for (String value : values) {
            try {
                parsed.add(new InternetAddress(value.trim(), true));
            } catch (AddressException notAnAddress) {
                throw new IllegalArgumentException("the " + role + " '" + value + "' is not an email address ("
                        + notAnAddress.getMessage() + ")", notAnAddress);
            }
        }
        if (parsed.isEmpty() && role.equals("recipient")) {
            throw new IllegalArgumentException("it has no recipient");
        }
        return parsed;
    }

    private OutboxEmail row(Email email, String messageId, String html, String text, String invite,
                            OutboxEmail.Status status, String error, Instant now) {
        Email.Origin origin = email.origin();
        return new OutboxEmail(0, messageId, origin == null ? null : origin.processInstanceId(),
                origin == null ? null : origin.businessKey(), origin == null ? null : origin.customer(),
                email.template(), OutboxEmail.join(email.to()), OutboxEmail.join(email.cc()), email.subject(), html,
                text, OutboxEmail.join(email.attachments().stream().map(Attachment::fileName).toList()), invite,
                status, 0, now, error, null, now, null);
    }

    /** The Message-ID without angle brackets: {@code <messageId>@touchpoint}, or a random one. */
    static String messageId(Email email) {
        String id = email.messageId() != null && !email.messageId().isBlank() ? email.messageId().trim()
                : UUID.randomUUID().toString();
        return id.contains("@") ? id : id + "@touchpoint";
    }

    static String reason(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static TemplateEngine mailTemplateEngine() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(java.util.Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
