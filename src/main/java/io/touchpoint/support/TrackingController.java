package io.touchpoint.support;

import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
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
 * (email scanners follow links).
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
                 RedirectAttributes redirect) {
        if (message.isBlank() || message.length() > 4000) {
            redirect.addFlashAttribute("problem", "Please write your answer (at most 4000 characters).");
        } else {
            notice(redirect, () -> service.comment(number, token, message.trim()), "Thank you: your answer is with your agent.",
                    "This ticket takes no more answers. Please open a new ticket.");
        }
        return back(number, token);
    }

    @PostMapping(path = "/track/{number}/confirmation", consumes = "application/x-www-form-urlencoded")
    String confirm(@PathVariable String number, @RequestParam String token, @RequestParam boolean resolved,
                   @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        if (comment.length() > 2000) {
            redirect.addFlashAttribute("problem", "Please keep your comment to 2000 characters.");
        } else {
            notice(redirect, () -> service.confirm(number, token, resolved, comment), resolved
                            ? "Thank you for confirming: the ticket is closed."
                            : "We are sorry it is not fixed: your ticket is open again, with the same agent.",
                    "This ticket is not waiting for a confirmation.");
        }
        return back(number, token);
    }

    private static void notice(RedirectAttributes redirect, Supplier<TicketService.Outcome> answer, String done,
                               String notWaiting) {
        TicketService.Outcome outcome;
        try {
            outcome = answer.get();
        } catch (OptimisticLockingException changedMeanwhile) {
            redirect.addFlashAttribute("problem", TicketService.CHANGED_MEANWHILE);
            return;
        }
        switch (outcome) {
            case DONE -> redirect.addFlashAttribute("notice", done);
            case NOT_WAITING -> redirect.addFlashAttribute("problem", notWaiting);
            case NOT_FOUND -> redirect.addFlashAttribute("problem", "We found no such ticket for this tracking code.");
        }
    }

    private static String back(String number, String token) {
        return "redirect:" + UriComponentsBuilder.fromPath("/track").queryParam("ticket", number)
                .queryParam("token", token).build().encode().toUriString();
    }
}
