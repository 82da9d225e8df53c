package io.touchpoint.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email from its HTML and plain-text templates and sends it, with its attachments and, when it has
 * one, its calendar invite as {@code invite.ics} (organized by {@code touchpoint.mail.from}, the recipients
 * invited).
 */
@Service
public class EmailService {

    private final JavaMailSender sender;
    private final MailSettings settings;
    private final TemplateEngine templates = mailTemplateEngine();

    public EmailService(JavaMailSender sender, MailSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    /** Renders a plain-text template of {@code mail/} (e.g. a draft that a person edits before it is sent). */
    public String renderText(String template, java.util.Map<String, Object> model) {
        return templates.process(template + ".txt", new Context(Locale.US, model)).strip();
    }

    public void send(Email email) {
        Context context = new Context(Locale.US, email.model());
        String html = templates.process(email.template() + ".html", context);
        String text = templates.process(email.template() + ".txt", context);
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(email.to().toArray(String[]::new));
            if (!email.cc().isEmpty()) {
                helper.setCc(email.cc().toArray(String[]::new));
            }
            helper.setSubject(email.subject());
            helper.setText(text, html);
            for (Attachment attachment : email.attachments()) {
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
            if (email.invite() != null) {
                String ics = CalendarInvites.request(email.invite().titledIfUntitled(email.subject()), settings.from(),
                        email.to(), email.cc());
                helper.addAttachment(CalendarInvites.FILE_NAME,
                        new ByteArrayResource(ics.getBytes(StandardCharsets.UTF_8)), CalendarInvites.CONTENT_TYPE);
            }
            message.saveChanges();
            if (email.messageId() != null) {
                message.setHeader("Message-ID", "<" + email.messageId() + "@touchpoint>");
            }
        } catch (MessagingException e) {
            throw new MailPreparationException("Could not build email " + email.template(), e);
        }
        sender.send(message);
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
