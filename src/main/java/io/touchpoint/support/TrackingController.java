package io.touchpoint.support;

import io.touchpoint.web.Text;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The customer's tracking page (SUP-09): {@code /track} looks a ticket up by number and token (the emailed link
 * fills both in), shows its status, SLA due times and timeline, and takes the answer to the agent's question and
 * the confirmation of the resolution. Links in emails only open the page; changes need the page's own buttons
 * (email scanners follow links). An answer that is taken leads back to the page with a notice; one that is refused
 * shows the page again with the problem, under its status (400, 404, 409).
 */
@Controller
class TrackingController {

    private final TicketService service;
    private final SupportPolicy policy;

    TrackingController(TicketService service, SupportPolicy policy) {
        this.service = service;
        this.policy = policy;
    }

    @GetMapping("/track")
    String track(@RequestParam(name = "ticket", required = false) String number,
                 @RequestParam(name = "token", required = false) String token,
                 @RequestParam(name = "answer", required = false) String answer, Model model) {
        model.addAttribute("number", number == null ? "" : number.trim());
        model.addAttribute("token", token == null ? "" : token.trim());
        model.addAttribute("policy", policy);
        if (number == null || number.isBlank()) {
            return "pages/track";
        }
        Optional<TicketService.View> view = service.view(number.trim(), token);
        if (view.isEmpty()) {
            model.addAttribute("error", "We found no ticket " + number.trim() + " for this tracking code. Please use the "
                    + "link from your email.");
            return "pages/track";
        }
        model.addAttribute("view", view.get());
        model.addAttribute("answer", answer);
        return "pages/track";
    }

    @PostMapping(path = "/track/{number}/reply", consumes = "application/x-www-form-urlencoded")
    String reply(@PathVariable String number, @RequestParam String token, @RequestParam(defaultValue = "") String message,
                 RedirectAttributes redirect, Model model, HttpServletResponse response) {
        if (message.isBlank() || message.length() > 4000 || !Text.isMultiLine(message)) {
            return refused(HttpStatus.BAD_REQUEST, "Please write your answer (at most 4000 characters).", number, token,
                    model, response);
        }
        return answered(() -> service.comment(number, token, message.trim()), "Thank you: your answer is with your agent.",
                "This ticket takes no more answers. Please open a new ticket.", number, token, redirect, model, response);
    }

    @PostMapping(path = "/track/{number}/confirmation", consumes = "application/x-www-form-urlencoded")
    String confirm(@PathVariable String number, @RequestParam String token, @RequestParam boolean resolved,
                   @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect, Model model,
                   HttpServletResponse response) {
        if (comment.length() > 2000 || !Text.isMultiLine(comment)) {
            return refused(HttpStatus.BAD_REQUEST, "Please keep your comment to 2000 characters.", number, token, model,
                    response);
        }
        return answered(() -> service.confirm(number, token, resolved, comment), resolved
                        ? "Thank you for confirming: the ticket is closed."
                        : "We are sorry it is not fixed: your ticket is open again, with the same agent.",
                "This ticket is not waiting for a confirmation.", number, token, redirect, model, response);
    }

    /**
     * Done: back to the page with the notice; refused: the page again, with the problem and its status. An answer
     * that collided with the ticket's own process (an SLA timer firing in the same instant) changed nothing: 409, and
     * the customer sends it again.
     */
    private String answered(Supplier<TicketService.Outcome> answer, String done, String notWaiting, String number,
                            String token, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        TicketService.Outcome outcome;
        try {
            outcome = answer.get();
        } catch (OptimisticLockingException changedMeanwhile) {
            return refused(HttpStatus.CONFLICT, TicketService.CHANGED_MEANWHILE, number, token, model, response);
        }
        return switch (outcome) {
            case DONE -> {
                redirect.addFlashAttribute("notice", done);
                yield back(number, token);
            }
            case NOT_WAITING -> refused(HttpStatus.CONFLICT, notWaiting, number, token, model, response);
            case NOT_FOUND -> refused(HttpStatus.NOT_FOUND, null, number, token, model, response);
        };
    }

    private String refused(HttpStatus status, String problem, String number, String token, Model model,
                           HttpServletResponse response) {
        response.setStatus(status.value());
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        return track(number, token, null, model);
    }

    private static String back(String number, String token) {
        return "redirect:" + UriComponentsBuilder.fromPath("/track").queryParam("ticket", number)
                .queryParam("token", token).build().encode().toUriString();
    }
}
