package io.touchpoint.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Touchpoint's login page, which the Camunda webapps share ({@code POST /login} itself is Spring Security's), and
 * the pages security forwards to: too many failed logins (429) and access denied (403).
 */
@Controller
class LoginController {

    /** Request attribute: seconds a throttled client must wait, set before the forward to the throttled page. */
    static final String RETRY_AFTER_SECONDS = LoginController.class.getName() + ".retryAfterSeconds";

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 Model model) {
        if (error != null) {
            model.addAttribute("problem", "Wrong user name or password. Please try again.");
        } else if (logout != null) {
            model.addAttribute("notice", "You are logged out.");
        }
        return "pages/login";
    }

    @RequestMapping("/login/too-many-attempts")
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    String tooManyAttempts(HttpServletRequest request, Model model) {
        Object seconds = request.getAttribute(RETRY_AFTER_SECONDS);
        model.addAttribute("problem", "Too many failed logins from your address. Please wait "
                + (seconds == null ? "a minute" : seconds + " seconds") + " before you try again.");
        return "pages/login";
    }

    @RequestMapping("/access-denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String accessDenied(HttpServletRequest request, Principal user, Model model) {
        boolean form = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException;
        model.addAttribute("form", form);
        model.addAttribute("user", user == null ? null : user.getName());
        return "error/403";
    }
}
