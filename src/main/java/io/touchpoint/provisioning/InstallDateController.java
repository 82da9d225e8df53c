package io.touchpoint.provisioning;

import io.touchpoint.web.InvalidFieldException;
import io.touchpoint.web.Text;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
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
 * PRV-11, the customer's install-date page: the invitation's link opens it ({@code /install-date?order=..&token=..});
 * the customer accepts the date or proposes another. As on the tracking page, the link only opens the page (email
 * scanners follow links); a taken answer leads back to the page with a notice, a refused one shows the page again
 * with the problem, naming the field, under its status (400, 404, 409), and changes nothing.
 */
@Controller
class InstallDateController {

    static final String NOT_FOUND = "We found no order for this link. Please use the link from your invitation email.";
    static final String NOT_WAITING = "Your install date is already settled: we no longer take answers for it. "
            + "Please call Client Services to change it.";

    private final InstallDateAnswers answers;

    InstallDateController(InstallDateAnswers answers) {
        this.answers = answers;
    }

    @GetMapping("/install-date")
    String page(@RequestParam(name = "order", required = false) String order,
                @RequestParam(name = "token", required = false) String token, Model model) {
        model.addAttribute("order", order == null ? "" : order.trim());
        model.addAttribute("token", token == null ? "" : token.trim());
        answers.view(order == null ? null : order.trim(), token)
                .ifPresentOrElse(view -> model.addAttribute("view", view), () -> model.addAttribute("error", NOT_FOUND));
        return "pages/install-date";
    }

    @PostMapping(path = "/install-date/{order}/accept", consumes = "application/x-www-form-urlencoded")
    String accept(@PathVariable String order, @RequestParam(defaultValue = "") String token, RedirectAttributes redirect,
                  Model model, HttpServletResponse response) {
        return answered(() -> answers.accept(order, token), "Thank you: the install date is confirmed. See you then!",
                order, token, redirect, model, response);
    }

    @PostMapping(path = "/install-date/{order}/proposal", consumes = "application/x-www-form-urlencoded")
    String propose(@PathVariable String order, @RequestParam(defaultValue = "") String token,
                   @RequestParam(defaultValue = "") String proposedDate,
                   @RequestParam(defaultValue = "") String proposedTime,
                   @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect, Model model,
                   HttpServletResponse response) {
        if (answers.view(order, token).isEmpty()) {
            return refused(HttpStatus.NOT_FOUND, null, null, order, token, model, response);
        }
        if (comment.length() > 1000 || !Text.isMultiLine(comment)) {
            return refused(HttpStatus.BAD_REQUEST, "comment", "Comment: please keep it to 1000 characters.", order, token,
                    model, response);
        }
        Instant at;
        try {
            at = answers.proposedTime(proposedDate, proposedTime, answers.installAt(order, token));
        } catch (InvalidFieldException invalid) {
            model.addAttribute("proposedDate", proposedDate);
            model.addAttribute("proposedTime", proposedTime);
            return refused(HttpStatus.BAD_REQUEST, invalid.field(), invalid.getMessage(), order, token, model, response);
        }
        return answered(() -> answers.propose(order, token, at, comment.isBlank() ? "" : comment.trim()),
                "Thank you: we have your proposed date and will confirm it within a business day.", order, token,
                redirect, model, response);
    }

    private String answered(Supplier<InstallDateAnswers.Outcome> answer, String done, String order, String token,
                            RedirectAttributes redirect, Model model, HttpServletResponse response) {
        InstallDateAnswers.Outcome outcome;
        try {
            outcome = answer.get();
        } catch (OptimisticLockingException changedMeanwhile) {
            return refused(HttpStatus.CONFLICT, null, "Your order changed while you answered. Please send your answer "
                    + "again.", order, token, model, response);
        }
        return switch (outcome) {
            case DONE -> {
                redirect.addFlashAttribute("notice", done);
                yield "redirect:" + UriComponentsBuilder.fromPath("/install-date").queryParam("order", order)
                        .queryParam("token", token).build().encode().toUriString();
            }
            case NOT_WAITING -> refused(HttpStatus.CONFLICT, null, NOT_WAITING, order, token, model, response);
            case NOT_FOUND -> refused(HttpStatus.NOT_FOUND, null, null, order, token, model, response);
        };
    }

    private String refused(HttpStatus status, String field, String problem, String order, String token, Model model,
                           HttpServletResponse response) {
        response.setStatus(status.value());
        if (problem != null) {
            model.addAttribute("problem", problem);
            model.addAttribute("problemField", field);
        }
        return page(order, token, model);
    }
}
