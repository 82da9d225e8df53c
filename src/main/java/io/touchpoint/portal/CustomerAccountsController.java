package io.touchpoint.portal;

import io.touchpoint.web.Text;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff page of the portal's logins ({@code /customer-accounts}, customer care and supervisors, see
 * {@code SecurityConfiguration}): who registered, whether confirmed, and the company each login sees; link a login to
 * a company (one of the companies of the journeys, or a name typed in) or unlink it.
 */
@Controller
class CustomerAccountsController {

    private final PortalAccounts accounts;
    private final CompanyDirectory companies;

    CustomerAccountsController(PortalAccounts accounts, CompanyDirectory companies) {
        this.accounts = accounts;
        this.companies = companies;
    }

    @GetMapping("/customer-accounts")
    String list(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("companies", companies.names());
        return "pages/customer-accounts";
    }

    @PostMapping(path = "/customer-accounts/{id}/company", consumes = "application/x-www-form-urlencoded")
    String link(@PathVariable long id, @RequestParam(defaultValue = "") String company, Principal staff,
                RedirectAttributes redirect, Model model, HttpServletResponse response) {
        PortalAccount account = accounts.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (company.isBlank() || company.length() > 200 || !company.matches(Text.ONE_LINE)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problemAccount", id);
            model.addAttribute("problem", "Give the company's name (one line, at most 200 characters).");
            return list(model);
        }
        accounts.link(id, company.trim(), staff.getName());
        redirect.addFlashAttribute("notice", account.email() + " now sees the company " + company.trim() + ".");
        return "redirect:/customer-accounts";
    }

    @PostMapping(path = "/customer-accounts/{id}/unlink", consumes = "application/x-www-form-urlencoded")
    String unlink(@PathVariable long id, Principal staff, RedirectAttributes redirect) {
        PortalAccount account = accounts.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        accounts.link(id, null, staff.getName());
        redirect.addFlashAttribute("notice", account.email() + " is no longer linked to a company.");
        return "redirect:/customer-accounts";
    }
}
