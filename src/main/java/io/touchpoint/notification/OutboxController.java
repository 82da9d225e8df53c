package io.touchpoint.notification;

import io.touchpoint.calendar.CalendarProperties;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
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
 * The email outbox for administrators, next to the captured mail: {@code /mail/outbox} lists what waits, what
 * failed and what was sent; {@code POST /mail/outbox/{id}/retry} puts a failed email back in the queue (a form
 * button on the page; {@code Accept: application/json} answers the email as JSON). Its incident is resolved when
 * it is sent.
 */
@Controller
class OutboxController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Outbox outbox;
    private final MailDispatcher dispatcher;
    private final ZoneId zone;

    OutboxController(Outbox outbox, MailDispatcher dispatcher, CalendarProperties calendar) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.zone = calendar.zone();
    }

    record Row(long id, String created, String status, int attempts, String template, String to, String subject,
               String businessKey, String customer, String lastError, boolean retryable) {
    }

    record EmailJson(long id, String messageId, String status, int attempts, String template, String to, String cc,
                     String subject, String businessKey, String customer, String lastError) {

        static EmailJson of(OutboxEmail e) {
            return new EmailJson(e.id(), e.messageId(), e.status().name(), e.attempts(), e.template(), e.to(), e.cc(),
                    e.subject(), e.businessKey(), e.customer(), e.lastError());
        }
    }

    @GetMapping("/mail/outbox")
    String list(Model model) {
        List<Row> rows = outbox.latest(200).stream().map(e -> new Row(e.id(),
                WHEN.format(e.createdAt().atZone(zone)), e.status().name(), e.attempts(), e.template(), e.to(),
                e.subject(), e.businessKey(), e.customer(), e.lastError(), retryable(e))).toList();
        model.addAttribute("emails", rows);
        model.addAttribute("zone", zone.getId());
        return "pages/mail-outbox";
    }

    @PostMapping(path = "/mail/outbox/{id}/retry", produces = "application/json")
    @ResponseBody
    ResponseEntity<?> retryJson(@PathVariable long id) {
        String refusal = retry(id);
        if (refusal != null) {
            return problem(id, refusal);
        }
        return ResponseEntity.ok(EmailJson.of(outbox.find(id).orElseThrow()));
    }

    @PostMapping("/mail/outbox/{id}/retry")
    String retryForm(@PathVariable long id, RedirectAttributes redirect) {
        String refusal = retry(id);
        redirect.addFlashAttribute(refusal == null ? "notice" : "problem",
                refusal == null ? "Email " + id + " is queued again; it leaves within seconds." : refusal);
        return "redirect:/mail/outbox";
    }

    /** Queues the email again; the reason when it cannot be, or null. */
    private String retry(long id) {
        Optional<OutboxEmail> found = outbox.find(id);
        if (found.isEmpty()) {
            return "There is no email " + id + " in the outbox.";
        }
        OutboxEmail email = found.get();
        if (!retryable(email)) {
            return email.status() != OutboxEmail.Status.FAILED // a sent one may have had its body removed since
                    ? "Email " + id + " is " + email.status().name().toLowerCase() + ": only a failed email can be retried."
                    : "Email " + id + " could not be prepared (" + email.lastError() + "): there is nothing to send. "
                            + "Fix its step or mail template; the incident says which.";
        }
        return dispatcher.retry(id) ? null : "Email " + id + " changed meanwhile: reload the page.";
    }

    private static boolean retryable(OutboxEmail email) {
        return email.status() == OutboxEmail.Status.FAILED && email.prepared();
    }

    private ResponseEntity<ProblemDetail> problem(long id, String detail) {
        HttpStatus status = outbox.find(id).isPresent() ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.NOT_FOUND ? "Unknown email" : "Email cannot be retried");
        problem.setInstance(URI.create("/mail/outbox/" + id));
        problem.setProperties(Map.of("id", id));
        return ResponseEntity.status(status).body(problem);
    }
}
