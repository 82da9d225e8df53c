package io.touchpoint.survey;

import io.touchpoint.web.Text;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The survey page the emailed link opens, and the API for the same answer. */
@Controller
class SurveyController {

    private final SurveyService surveys;

    SurveyController(SurveyService surveys) {
        this.surveys = surveys;
    }

    @GetMapping("/survey/{id}")
    String page(@PathVariable String id, @RequestParam(required = false) String token, Model model) {
        return surveys.find(id, token).map(survey -> {
            if (survey.status() != Survey.Status.OPEN) {
                model.addAttribute("message", survey.status() == Survey.Status.ANSWERED
                        ? "You have already answered this survey. Thank you!" : "This survey is closed.");
                return "pages/survey-done";
            }
            model.addAttribute("survey", survey);
            model.addAttribute("token", token);
            return "pages/survey";
        }).orElseGet(() -> {
            model.addAttribute("message", "This survey link is not valid. Please use the link from your email.");
            return "pages/survey-done";
        });
    }

    /** The page's form: plain HTML, no script needed. A refused answer shows its page under its status. */
    @PostMapping(path = "/survey/{id}", consumes = "application/x-www-form-urlencoded")
    String submit(@PathVariable String id, @RequestParam(required = false) String token,
                  @RequestParam(required = false) Integer satisfaction,
                  @RequestParam(required = false) Integer personRating,
                  @RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
        var found = surveys.find(id, token);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("message", "This survey link is not valid. Please use the link from your email.");
            return "pages/survey-done";
        }
        if (satisfaction == null || satisfaction < 1 || satisfaction > 5
                || (personRating != null && (personRating < 1 || personRating > 5))
                || (comment != null && (comment.length() > 2000 || !Text.isMultiLine(comment)))) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("survey", found.get());
            model.addAttribute("token", token);
            model.addAttribute("error", "Please choose how satisfied you are, from 1 to 5 (and keep your comment to 2000 "
                    + "characters).");
            return "pages/survey";
        }
        SurveyService.Outcome outcome = surveys.answer(id, new SurveyAnswer(token, satisfaction, personRating,
                comment == null || comment.isBlank() ? null : comment.trim()));
        HttpStatus status = switch (outcome) {
            case ANSWERED -> HttpStatus.OK;
            case ALREADY_ANSWERED -> HttpStatus.CONFLICT;
            case CLOSED -> HttpStatus.GONE;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        response.setStatus(status.value());
        model.addAttribute("message", switch (outcome) {
            case ANSWERED -> "Thank you! Your answer helps us serve you better.";
            case ALREADY_ANSWERED -> "You have already answered this survey. Thank you!";
            case CLOSED -> "This survey is closed.";
            case NOT_FOUND -> "This survey link is not valid. Please use the link from your email.";
        });
        return "pages/survey-done";
    }

    @PostMapping(path = "/api/surveys/{id}", consumes = "application/json", produces = "application/json")
    @ResponseBody
    ResponseEntity<?> answer(@PathVariable String id, @Valid @RequestBody SurveyAnswer answer) {
        return switch (surveys.answer(id, answer)) {
            case ANSWERED -> ResponseEntity.ok(Map.of("surveyId", id, "status", "ANSWERED"));
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "Unknown survey",
                    "There is no survey " + id + " with this token.");
            case ALREADY_ANSWERED -> problem(HttpStatus.CONFLICT, "Survey already answered",
                    "This survey has been answered; the first answer counts.");
            case CLOSED -> problem(HttpStatus.GONE, "Survey closed", "This survey is closed and takes no more answers.");
        };
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
