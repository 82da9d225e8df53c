package io.touchpoint.portal;

import io.touchpoint.knowledge.Article;
import io.touchpoint.knowledge.KnowledgeBase;
import io.touchpoint.support.NewTicket;
import io.touchpoint.support.SupportPolicy;
import io.touchpoint.support.Ticket;
import io.touchpoint.support.TicketService;
import io.touchpoint.web.Text;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My requests and help (REG-03, REG-04, REG-06): the list of the company's tickets and service requests, each one's
 * status, due times, timeline, the reply and the confirmation, and its open survey; a new request after the matching
 * published articles; the published articles themselves. A request or article the customer may not see answers 404,
 * on the pages and on the JSON API ({@code /portal/api/requests}) alike.
 */
@Controller
class PortalRequestsController {

    private final PortalCustomers customers;
    private final PortalRequests requests;
    private final KnowledgeBase knowledgeBase;
    private final SupportPolicy policy;

    PortalRequestsController(PortalCustomers customers, PortalRequests requests, KnowledgeBase knowledgeBase,
                             SupportPolicy policy) {
        this.customers = customers;
        this.requests = requests;
        this.knowledgeBase = knowledgeBase;
        this.policy = policy;
    }

    @GetMapping("/portal/requests")
    String list(Principal user, Model model) {
        PortalCustomers.Customer customer = customers.of(user);
        model.addAttribute("customer", customer);
        model.addAttribute("tickets", requests.list(customer));
        model.addAttribute("policy", policy);
        model.addAttribute("statusWords", PortalRequests.STATUS_WORDS);
        return "portal/requests";
    }

    @GetMapping("/portal/requests/{number}")
    String detail(@PathVariable String number, Principal user, Model model, HttpServletResponse response) {
        PortalCustomers.Customer customer = customers.of(user);
        var detail = requests.find(customer, number);
        if (detail.isEmpty()) {
            return notFound(model, response);
        }
        model.addAttribute("detail", detail.get());
        model.addAttribute("view", detail.get().view());
        model.addAttribute("policy", policy);
        model.addAttribute("statusWords", PortalRequests.STATUS_WORDS);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "portal/request";
    }

    @PostMapping(path = "/portal/requests/{number}/reply", consumes = "application/x-www-form-urlencoded")
    String reply(@PathVariable String number, @RequestParam(defaultValue = "") String message, Principal user,
                 RedirectAttributes redirect, Model model, HttpServletResponse response) {
        PortalCustomers.Customer customer = customers.of(user);
        if (message.isBlank() || message.length() > 4000 || !Text.isMultiLine(message)) {
            return refused(HttpStatus.BAD_REQUEST, Map.of("message", "Please write your message (at most 4000 characters)."),
                    number, user, model, response);
        }
        return answered(() -> requests.comment(customer, number, message.trim()), "Thank you: your message is with your agent.",
                "This request takes no more messages. Please raise a new one.", number, user, redirect, model, response);
    }

    @PostMapping(path = "/portal/requests/{number}/confirmation", consumes = "application/x-www-form-urlencoded")
    String confirm(@PathVariable String number, @RequestParam(required = false) String resolved,
                   @RequestParam(defaultValue = "") String comment, Principal user, RedirectAttributes redirect,
                   Model model, HttpServletResponse response) {
        PortalCustomers.Customer customer = customers.of(user);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"true".equals(resolved) && !"false".equals(resolved)) {
            errors.put("resolved", "Please tell us whether it is fixed.");
        }
        if (comment.length() > 2000 || !Text.isMultiLine(comment)) {
            errors.put("comment", "Please keep your comment to 2000 characters.");
        }
        if (!errors.isEmpty()) {
            return refused(HttpStatus.BAD_REQUEST, errors, number, user, model, response);
        }
        boolean fixed = Boolean.parseBoolean(resolved);
        return answered(() -> requests.confirm(customer, number, fixed, comment), fixed
                        ? "Thank you for confirming: the request is closed."
                        : "We are sorry it is not fixed: your request is open again, with the same agent.",
                "This request is not waiting for a confirmation.", number, user, redirect, model, response);
    }

    @GetMapping("/portal/requests/new")
    String newRequest(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("form", Map.of("subject", q == null ? "" : q));
        model.addAttribute("errors", Map.of());
        model.addAttribute("suggestions", null);
        return form(model);
    }

    /**
     * First the published articles that match what the customer wrote (REG-06), with the form filled in again; the
     * request is opened when the customer sends it after seeing them ({@code checked}), or when none matched.
     */
    @PostMapping(path = "/portal/requests/new", consumes = "application/x-www-form-urlencoded")
    String raise(@RequestParam Map<String, String> fields, Principal user, Model model, RedirectAttributes redirect,
                 HttpServletResponse response) {
        PortalCustomers.Customer customer = customers.of(user);
        String subject = fields.getOrDefault("subject", "");
        String description = fields.getOrDefault("description", "");
        Map<String, String> errors = new LinkedHashMap<>();
        NewTicket.Category category = choice(NewTicket.Category.class, fields.get("category"), "category",
                "Please choose what it is about.", errors);
        NewTicket.Level impact = choice(NewTicket.Level.class, fields.get("impact"), "impact",
                "Please choose who is affected.", errors);
        NewTicket.Level urgency = choice(NewTicket.Level.class, fields.get("urgency"), "urgency",
                "Please choose how urgent it is.", errors);
        NewTicket request = requests.request(customer, subject, description, category, impact, urgency);
        requests.problems(request).forEach((field, problem) -> {
            if (field.equals("subject") || field.equals("description")) {
                errors.putIfAbsent(field, subject.isBlank() && field.equals("subject") ? "Please give a short subject."
                        : description.isBlank() && field.equals("description") ? "Please describe what happens."
                        : "This " + problem + ".");
            } else if (!errors.containsKey(field)) {
                errors.put("form", "We cannot take this request from your login: " + field + " " + problem + ".");
            }
        });
        model.addAttribute("form", fields);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors);
            model.addAttribute("suggestions", null);
            return form(model);
        }
        List<Article> suggestions = requests.suggestions(subject, description);
        if (!"true".equals(fields.get("checked")) && !suggestions.isEmpty()) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("suggestions", suggestions);
            return form(model);
        }
        TicketService.Created created = requests.open(customer, subject, description, category, impact, urgency);
        redirect.addFlashAttribute("notice", "Thank you: we received your request " + created.ticketNumber()
                + ". We also sent you an email with its number.");
        return "redirect:/portal/requests/" + created.ticketNumber();
    }

    @GetMapping("/portal/help")
    String help(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("articles", knowledgeBase.searchPublished(q));
        return "portal/help";
    }

    @GetMapping("/portal/help/{id}")
    String article(@PathVariable String id, Model model, HttpServletResponse response) {
        var article = id.matches("\\d{1,18}") ? knowledgeBase.findPublished(Long.parseLong(id)) : java.util.Optional.<Article>empty();
        if (article.isEmpty()) {
            return notFound(model, response);
        }
        model.addAttribute("article", article.get());
        return "portal/article";
    }

    /** The company's requests as JSON, for the portal's own scripts and integrations of the customer. */
    @GetMapping(path = "/portal/api/requests", produces = "application/json")
    @ResponseBody
    List<Summary> listApi(Principal user) {
        return requests.list(customers.of(user)).stream().map(Summary::of).toList();
    }

    @GetMapping(path = "/portal/api/requests/{number}", produces = "application/json")
    @ResponseBody
    ResponseEntity<?> detailApi(@PathVariable String number, Principal user) {
        return requests.find(customers.of(user), number).<ResponseEntity<?>>map(detail -> ResponseEntity.ok(
                        new Details(Summary.of(detail.view().ticket()), detail.view().waitingFor(), detail.view().question(),
                                detail.view().resolution(), detail.view().assigneeName(), detail.view().timeline().stream()
                                .map(event -> new Event(event.at(), event.type().name(), event.detail())).toList(),
                                detail.surveyLink())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(
                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, "No request " + number + " of your company.")));
    }

    /** A request as the API lists it: no internal ids or user names of staff. */
    record Summary(String number, String kind, String subject, String category, String priority, String status,
                   java.time.Instant createdAt, java.time.Instant firstResponseDue, java.time.Instant resolutionDue,
                   java.time.Instant closedAt) {

        static Summary of(Ticket ticket) {
            return new Summary(ticket.number(), ticket.kind().name(), ticket.subject(), ticket.category(),
                    ticket.priority(), ticket.status().name(), ticket.createdAt(), ticket.firstResponseDue(),
                    ticket.resolutionDue(), ticket.closedAt());
        }
    }

    record Event(java.time.Instant at, String type, String detail) {
    }

    record Details(Summary request, String waitingFor, String question, String resolution, String agent,
                   List<Event> timeline, String surveyLink) {
    }

    private String form(Model model) {
        model.addAttribute("categories", NewTicket.Category.values());
        model.addAttribute("levels", NewTicket.Level.values());
        return "portal/new-request";
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, String problem,
                                                Map<String, String> errors) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElseGet(() -> {
                    errors.put(field, problem);
                    return null;
                });
    }

    private String answered(Supplier<TicketService.Outcome> answer, String done, String notWaiting, String number,
                            Principal user, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        TicketService.Outcome outcome;
        try {
            outcome = answer.get();
        } catch (OptimisticLockingException changedMeanwhile) {
            return refused(HttpStatus.CONFLICT, Map.of("form", TicketService.CHANGED_MEANWHILE), number, user, model,
                    response);
        }
        return switch (outcome) {
            case DONE -> {
                redirect.addFlashAttribute("notice", done);
                yield "redirect:/portal/requests/" + number;
            }
            case NOT_WAITING -> refused(HttpStatus.CONFLICT, Map.of("form", notWaiting), number, user, model, response);
            case NOT_FOUND -> notFound(model, response);
        };
    }

    private String refused(HttpStatus status, Map<String, String> errors, String number, Principal user, Model model,
                           HttpServletResponse response) {
        String page = detail(number, user, model, response);
        if (response.getStatus() != HttpStatus.NOT_FOUND.value()) {
            response.setStatus(status.value());
            model.addAttribute("errors", errors);
        }
        return page;
    }

    private static String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "portal/not-found";
    }
}
