package io.touchpoint.support.email;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.calendar.CalendarProperties;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Customer care's view of the support mailbox (SUP-14), at {@code /support/inbox}: the mails that opened no ticket
 * (loops, unreadable, oversized, replies that could not join their ticket) with the reason, first, then the latest
 * others; each kept mail can be downloaded as it came, and a mail that opened nothing can open a ticket, join the
 * ticket it names, or be dismissed. The same as JSON ({@code Accept: application/json}). Support staff download the
 * files that came with a ticket's emails at {@code /support/tickets/{number}/files}.
 */
@Controller
class SupportInboxController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern TICKET = Pattern.compile("[TS]-\\d{4}-\\d{5}");

    private final MailIntake intake;
    private final MailIntakeProperties settings;
    private final MailboxPoller poller;
    private final ZoneId zone;

    SupportInboxController(MailIntake intake, MailIntakeProperties settings, MailboxPoller poller,
                           CalendarProperties calendar) {
        this.intake = intake;
        this.settings = settings;
        this.poller = poller;
        this.zone = calendar.zone();
    }

    record Row(long id, String received, String sender, String subject, String preview, String status, String reason,
               String ticketNumber, String size, boolean open, boolean canAddToTicket, String handled) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MailJson(long id, String messageId, String sender, String senderName, String subject, String preview,
                    Instant receivedAt,
                    long sizeBytes, InboundMail.Status status, String reason, String ticketNumber, int attempts,
                    String lastError, Instant handledAt, String handledBy) {

        static MailJson of(InboundMail m) {
            return new MailJson(m.id(), m.messageId(), m.sender(), m.senderName(), m.subject(), m.preview(),
                    m.receivedAt(),
                    m.sizeBytes(), m.status(), m.reason(), m.ticketNumber(), m.attempts(), m.lastError(),
                    m.handledAt(), m.handledBy());
        }
    }

    record FileRow(long id, String name, String contentType, String size, String added) {
    }

    @GetMapping("/support/inbox")
    String page(Model model) {
        List<Row> rows = intake.latest(300).stream().map(m -> new Row(m.id(), WHEN.format(m.receivedAt().atZone(zone)),
                m.senderName() == null || m.senderName().isBlank() ? m.sender() : m.senderName() + " <" + m.sender() + ">",
                m.subject(), m.preview(), label(m.status()), m.reason(), m.ticketNumber(), size(m.sizeBytes()),
                m.waitsForCustomerCare(), m.waitsForCustomerCare() && m.ticketNumber() != null,
                m.handledBy() == null ? null : m.handledBy() + ", " + WHEN.format(m.handledAt().atZone(zone))))
                .toList();
        model.addAttribute("mails", rows);
        model.addAttribute("waiting", rows.stream().filter(Row::open).count());
        model.addAttribute("enabled", settings.enabled());
        MailboxPoller.Status status = poller.status();
        model.addAttribute("lastRead", status.lastRead() == null ? null : WHEN.format(status.lastRead().atZone(zone)));
        model.addAttribute("failing", status.failing() ? "The mailbox could not be read at "
                + WHEN.format(status.lastFailure().atZone(zone)) + ": " + status.lastError() + ". Nothing is lost: "
                + "the emails stay in the mailbox until it is read again." : null);
        model.addAttribute("mailbox", settings.enabled() ? settings.username() + " on " + settings.host() : null);
        model.addAttribute("zone", zone.getId());
        return "pages/support-inbox";
    }

    @GetMapping(path = "/support/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<MailJson> list() {
        return intake.latest(300).stream().map(MailJson::of).toList();
    }

    /** The kept mail as it came, to open in a mail program. */
    @GetMapping("/support/inbox/{id}/message.eml")
    ResponseEntity<?> original(@PathVariable long id) {
        return intake.find(id).<ResponseEntity<?>>map(mail -> mail.rawMessage() == null
                        ? problem(HttpStatus.NOT_FOUND, id, "Only the headers of mail " + id + " were kept: "
                        + mail.reason())
                        : ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822"))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("mail-" + id + ".eml").build().toString())
                        .body(mail.rawMessage()))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, id, "There is no mail " + id + "."));
    }

    @PostMapping("/support/inbox/{id}/open-ticket")
    String openTicket(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        return act(redirect, () -> "Ticket " + intake.openTicketFor(id, user.getName()) + " is open for mail " + id
                + "; its requester got the acknowledgement.");
    }

    @PostMapping("/support/inbox/{id}/add-to-ticket")
    String addToTicket(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        return act(redirect, () -> "Mail " + id + " is on ticket " + intake.addToNamedTicket(id, user.getName())
                + " as the customer's message.");
    }

    @PostMapping("/support/inbox/{id}/dismiss")
    String dismiss(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        return act(redirect, () -> {
            intake.dismiss(id, user.getName());
            return "Mail " + id + " is dismissed; it stays kept below.";
        });
    }

    @PostMapping(path = "/support/inbox/{id}/open-ticket", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> openTicketJson(@PathVariable long id, Principal user) {
        return actJson(id, () -> intake.openTicketFor(id, user.getName()));
    }

    @PostMapping(path = "/support/inbox/{id}/add-to-ticket", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> addToTicketJson(@PathVariable long id, Principal user) {
        return actJson(id, () -> intake.addToNamedTicket(id, user.getName()));
    }

    @PostMapping(path = "/support/inbox/{id}/dismiss", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> dismissJson(@PathVariable long id, Principal user) {
        return actJson(id, () -> {
            intake.dismiss(id, user.getName());
            return null;
        });
    }

    private ResponseEntity<?> actJson(long id, Action action) {
        try {
            action.run();
        } catch (MailIntake.Refused refused) {
            return problem(intake.find(id).isPresent() ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND, id,
                    refused.getMessage());
        }
        return ResponseEntity.ok(MailJson.of(intake.find(id).orElseThrow()));
    }

    @GetMapping("/support/tickets/{number}/files")
    String files(@PathVariable String number, Model model) {
        if (!TICKET.matcher(number).matches()) {
            model.addAttribute("files", List.of());
            model.addAttribute("number", "");
            return "pages/ticket-files";
        }
        model.addAttribute("number", number);
        model.addAttribute("files", intake.files(number).stream().map(f -> new FileRow(f.id(), f.fileName(),
                f.contentType(), size(f.sizeBytes()), WHEN.format(f.addedAt().atZone(zone)))).toList());
        model.addAttribute("zone", zone.getId());
        return "pages/ticket-files";
    }

    /** A file as it came; always a download (never shown in the page), whatever its type claims. */
    @GetMapping("/support/tickets/{number}/files/{id}")
    ResponseEntity<?> file(@PathVariable String number, @PathVariable long id) {
        var file = intake.files(number).stream().filter(f -> f.id() == id).findFirst();
        if (file.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, id, "Ticket " + number + " has no file " + id + ".");
        }
        byte[] content = intake.fileContent(number, id).orElseThrow();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.get().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    private interface Action {
        String run();
    }

    private static String act(RedirectAttributes redirect, Action action) {
        try {
            redirect.addFlashAttribute("notice", action.run());
        } catch (MailIntake.Refused refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/support/inbox";
    }

    private static String label(InboundMail.Status status) {
        return switch (status) {
            case RECEIVED -> "Being processed";
            case TICKET_OPENED -> "Opened a ticket";
            case ADDED_TO_TICKET -> "Added to its ticket";
            case NOT_OPENED -> "Not opened";
            case DISMISSED -> "Dismissed";
        };
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, long id, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.NOT_FOUND ? "Not found" : "Mail cannot be handled so");
        problem.setProperties(Map.of("id", id));
        return ResponseEntity.status(status).body(problem);
    }
}
