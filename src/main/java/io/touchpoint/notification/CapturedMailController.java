package io.touchpoint.notification;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The captured-mail page: what Touchpoint sent while no real SMTP server is configured (admins only). */
@Controller
class CapturedMailController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ObjectProvider<CapturedMailbox> mailbox;
    private final ZoneId zone;

    CapturedMailController(ObjectProvider<CapturedMailbox> mailbox, io.touchpoint.calendar.CalendarProperties calendar) {
        this.mailbox = mailbox;
        this.zone = calendar.zone();
    }

    record Summary(int index, Date sentAt, String sent, String from, String to, String cc, String subject) {
    }

    record AttachmentRow(int number, String fileName, String contentType) {
    }

    @GetMapping("/mail")
    String list(Model model) throws MessagingException {
        CapturedMailbox box = mailbox.getIfAvailable();
        model.addAttribute("capturing", box != null);
        List<MimeMessage> messages = box == null ? List.of() : box.messages();
        List<Summary> rows = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            rows.add(summary(i, messages.get(i)));
        }
        rows.sort(Comparator.comparing(Summary::sentAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Summary::index, Comparator.reverseOrder()));
        model.addAttribute("messages", rows);
        model.addAttribute("zone", zone.getId());
        return "pages/mail";
    }

    @GetMapping("/mail/{index}")
    String show(@PathVariable int index, Model model) throws MessagingException, IOException {
        CapturedMailbox box = mailbox.getIfAvailable();
        List<MimeMessage> messages = box == null ? List.of() : box.messages();
        if (index < 0 || index >= messages.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No captured email " + index);
        }
        MimeMessage message = messages.get(index);
        model.addAttribute("message", summary(index, message));
        model.addAttribute("html", part(message, "text/html").orElse(null));
        model.addAttribute("text", part(message, "text/plain").orElse(""));
        model.addAttribute("zone", zone.getId());
        List<AttachmentRow> rows = new ArrayList<>();
        List<Part> attached = attachments(message);
        for (int i = 0; i < attached.size(); i++) {
            Part part = attached.get(i);
            rows.add(new AttachmentRow(i, part.getFileName(), part.getContentType().split(";")[0]));
        }
        model.addAttribute("attachments", rows);
        return "pages/mail-message";
    }

    @GetMapping("/mail/{index}/attachments/{number}")
    org.springframework.http.ResponseEntity<byte[]> attachment(@PathVariable int index, @PathVariable int number)
            throws MessagingException, IOException {
        CapturedMailbox box = mailbox.getIfAvailable();
        List<MimeMessage> messages = box == null ? List.of() : box.messages();
        if (index < 0 || index >= messages.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No captured email " + index);
        }
        List<Part> attached = attachments(messages.get(index));
        if (number < 0 || number >= attached.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No attachment " + number);
        }
        Part part = attached.get(number);
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Type", part.getContentType().split(";")[0])
                .header("Content-Disposition", "attachment; filename=\"" + part.getFileName() + "\"")
                .body(part.getInputStream().readAllBytes());
    }

    /** The parts with a file name (guides, invite.ics), in the order they appear. */
    private static List<Part> attachments(Part part) throws MessagingException, IOException {
        List<Part> found = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(attachments(multipart.getBodyPart(i)));
            }
        } else if (part.getFileName() != null) {
            found.add(part);
        }
        return found;
    }

    private Summary summary(int index, MimeMessage m) throws MessagingException {
        Date sent = m.getSentDate();
        return new Summary(index, sent, sent == null ? "" : WHEN.format(sent.toInstant().atZone(zone)),
                join(m.getFrom()), join(m.getRecipients(Message.RecipientType.TO)),
                join(m.getRecipients(Message.RecipientType.CC)), m.getSubject());
    }

    private static Optional<String> part(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return Optional.of((String) part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                Optional<String> found = part(body, mimeType);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String join(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }
}
