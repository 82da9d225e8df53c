package io.touchpoint.portal;

import io.touchpoint.web.Mailbox;
import io.touchpoint.web.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The portal's account pages (REG-01, REG-05): log in, register, confirm the address by choosing a password, and set
 * a new password after forgetting it. Every form explains its errors next to the field (400) and changes nothing
 * then; the answers to registration and "forgot my password" never tell whether an address has an account.
 */
@Controller
class PortalAccountController {

    private final PortalRegistration registration;

    PortalAccountController(PortalRegistration registration) {
        this.registration = registration;
    }

    @GetMapping("/portal/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 @RequestParam(required = false) String confirmed, @RequestParam(required = false) String reset,
                 Model model) {
        if (error != null) {
            model.addAttribute("problem", "Wrong email or password. Please try again.");
        } else if (logout != null) {
            model.addAttribute("notice", "You are logged out.");
        } else if (confirmed != null) {
            model.addAttribute("notice", "Your email is confirmed and your password is set. Please log in.");
        } else if (reset != null) {
            model.addAttribute("notice", "Your new password is set. Please log in.");
        }
        return "portal/login";
    }

    @RequestMapping("/portal/login/too-many-attempts")
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    String tooManyAttempts(HttpServletRequest request, Model model) {
        Object seconds = request.getAttribute(PortalSecurityConfiguration.RETRY_AFTER_SECONDS);
        model.addAttribute("problem", "Too many failed logins from your address. Please wait "
                + (seconds == null ? "a minute" : seconds + " seconds") + " before you try again.");
        return "portal/login";
    }

    @GetMapping("/portal/register")
    String registerForm(Model model) {
        model.addAttribute("name", "");
        model.addAttribute("email", "");
        model.addAttribute("accountNumber", "");
        model.addAttribute("errors", Map.of());
        return "portal/register";
    }

    @PostMapping(path = "/portal/register", consumes = "application/x-www-form-urlencoded")
    String register(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
                    @RequestParam(defaultValue = "") String accountNumber, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isBlank()) {
            errors.put("name", "Please give your name.");
        } else if (name.length() > 120 || !name.matches(Text.ONE_LINE)) {
            errors.put("name", "Please give your name on one line, at most 120 characters.");
        }
        emailProblem(email).ifPresent(problem -> errors.put("email", problem));
        PortalRegistration.accountNumberProblem(accountNumber).ifPresent(problem -> errors.put("accountNumber", problem));
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("name", name);
            model.addAttribute("email", email);
            model.addAttribute("accountNumber", accountNumber);
            model.addAttribute("errors", errors);
            return "portal/register";
        }
        // the answer is the same whether the number belongs to a company or not: registration never looks it up
        String number = accountNumber.isBlank() ? null : accountNumber.trim();
        registration.register(name.trim(), email.trim(), number);
        model.addAttribute("email", email.trim());
        model.addAttribute("accountNumberGiven", number != null);
        model.addAttribute("kind", "register");
        return "portal/check-email";
    }

    @GetMapping("/portal/password-reset")
    String resetForm(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("errors", Map.of());
        return "portal/password-reset";
    }

    @PostMapping(path = "/portal/password-reset", consumes = "application/x-www-form-urlencoded")
    String reset(@RequestParam(defaultValue = "") String email, Model model, HttpServletResponse response) {
        var problem = emailProblem(email);
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("email", email);
            model.addAttribute("errors", Map.of("email", problem.get()));
            return "portal/password-reset";
        }
        registration.forgotten(email.trim());
        model.addAttribute("email", email.trim());
        model.addAttribute("kind", "reset");
        return "portal/check-email";
    }

    @GetMapping("/portal/password")
    String passwordForm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        var purpose = registration.purpose(token);
        if (purpose.isEmpty()) {
            return expired(model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("confirm", purpose.get() == PortalAccounts.Purpose.CONFIRM);
        model.addAttribute("errors", Map.of());
        return "portal/password";
    }

    @PostMapping(path = "/portal/password", consumes = "application/x-www-form-urlencoded")
    String setPassword(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                       @RequestParam(defaultValue = "") String repeat, Model model, HttpServletResponse response) {
        var purpose = registration.purpose(token);
        if (purpose.isEmpty()) {
            return expired(model, response);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        PortalRegistration.passwordProblem(password).ifPresent(problem -> errors.put("password", problem));
        if (errors.isEmpty() && !password.equals(repeat)) {
            errors.put("repeat", "The two passwords differ. Please type the same password twice.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("token", token);
            model.addAttribute("confirm", purpose.get() == PortalAccounts.Purpose.CONFIRM);
            model.addAttribute("errors", errors);
            return "portal/password";
        }
        return registration.setPassword(token, password)
                .map(set -> "redirect:/portal/login?" + (set.confirmed() ? "confirmed" : "reset"))
                .orElseGet(() -> expired(model, response));
    }

    private static String expired(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("problem", "This link has expired or was used already. Ask for a new one below: register "
                + "again, or use \"Forgot your password?\".");
        return "portal/link-expired";
    }

    private static java.util.Optional<String> emailProblem(String email) {
        if (email.isBlank()) {
            return java.util.Optional.of("Please give your email address.");
        }
        if (!Mailbox.Validator.isMailbox(email)) {
            return java.util.Optional.of("Please give one email address, such as ann@example.com.");
        }
        return java.util.Optional.empty();
    }
}
