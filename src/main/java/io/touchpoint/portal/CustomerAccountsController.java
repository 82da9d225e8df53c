package io.touchpoint.portal;

import io.touchpoint.web.Text;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
 * a company (one of the companies of the journeys, or a name typed in) or unlink it. A confirmed login that is not
 * linked and gave an account number at registration shows the company that number matches, with its contact, to link
 * in one click or reject; nothing is linked before staff act.
 */
@Controller
class CustomerAccountsController {

    /** A login's claim by account number as staff see it; {@code holder} empty when the number matches no company. */
    record Claim(String accountNumber, Optional<CompanyDirectory.AccountHolder> holder) {
    }

    private final PortalAccounts accounts;
    private final CompanyDirectory companies;

    CustomerAccountsController(PortalAccounts accounts, CompanyDirectory companies) {
        this.accounts = accounts;
        this.companies = companies;
    }

    @GetMapping("/customer-accounts")
    String list(Model model) {
        var all = accounts.all();
        Map<Long, Claim> claims = new LinkedHashMap<>();
        for (PortalAccount account : all) {
            if (account.awaitsCompany()) {
                claims.put(account.id(), new Claim(account.claimedAccountNumber(),
                        companies.holderOf(account.claimedAccountNumber())));
            }
        }
        model.addAttribute("accounts", all);
        model.addAttribute("claims", claims);
        model.addAttribute("companies", companies.names());
        return "pages/customer-accounts";
    }

    @PostMapping(path = "/customer-accounts/{id}/company", consumes = "application/x-www-form-urlencoded")
    String link(@PathVariable long id, @RequestParam(defaultValue = "") String company, Principal staff,
                RedirectAttributes redirect, Model model, HttpServletResponse response) {
        PortalAccount account = accounts.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (company.isBlank() || company.length() > 200 || !company.matches(Text.ONE_LINE)) {
            return problem(id, "company", HttpStatus.BAD_REQUEST, "Give the company's name (one line, at most 200 "
                    + "characters).", model, response);
        }
        accounts.link(id, company.trim(), staff.getName());
        redirect.addFlashAttribute("notice", account.email() + " now sees the company " + company.trim() + ".");
        return "redirect:/customer-accounts";
    }

    /**
     * Links the login to the company its claimed account number matches. The form names the number and the company
     * that staff saw: when the claim or the match changed meanwhile, nothing is linked (409, the page again).
     */
    @PostMapping(path = "/customer-accounts/{id}/claim/link", consumes = "application/x-www-form-urlencoded")
    String linkClaim(@PathVariable long id, @RequestParam(defaultValue = "") String accountNumber,
                     @RequestParam(defaultValue = "") String company, Principal staff, RedirectAttributes redirect,
                     Model model, HttpServletResponse response) {
        PortalAccount account = accounts.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!account.awaitsCompany() || !account.claimedAccountNumber().equals(accountNumber)) {
            return problem(id, "claim", HttpStatus.CONFLICT, "This login has no such account number waiting any more: see its "
                    + "line as it is now.", model, response);
        }
        Optional<String> holder = companies.holderOf(accountNumber).map(CompanyDirectory.AccountHolder::company);
        if (holder.isEmpty() || !holder.get().equals(company)) {
            return problem(id, "claim", HttpStatus.CONFLICT, "The account number " + accountNumber + " does not match the company "
                    + "you saw any more: check the company shown now.", model, response);
        }
        if (!accounts.linkClaim(id, accountNumber, holder.get(), staff.getName())) {
            return problem(id, "claim", HttpStatus.CONFLICT, "Someone settled this login meanwhile: see its line as it is now.",
                    model, response);
        }
        redirect.addFlashAttribute("notice", account.email() + " now sees the company " + holder.get()
                + " (account number " + accountNumber + ").");
        return "redirect:/customer-accounts";
    }

    /** Rejects the login's claimed account number: the claim is cleared, the login stays without a company. */
    @PostMapping(path = "/customer-accounts/{id}/claim/reject", consumes = "application/x-www-form-urlencoded")
    String rejectClaim(@PathVariable long id, @RequestParam(defaultValue = "") String accountNumber,
                       RedirectAttributes redirect, Model model, HttpServletResponse response) {
        PortalAccount account = accounts.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (accountNumber.isBlank() || !accounts.rejectClaim(id, accountNumber)) {
            return problem(id, "claim", HttpStatus.CONFLICT, "This login has no such account number waiting any more: see its "
                    + "line as it is now.", model, response);
        }
        redirect.addFlashAttribute("notice", "The account number " + accountNumber + " of " + account.email()
                + " is rejected; the login stays without a company.");
        return "redirect:/customer-accounts";
    }

    @PostMapping(path = "/customer-accounts/{id}/unlink", consumes = "application/x-www-form-urlencoded")
    String unlink(@PathVariable long id, Principal staff, RedirectAttributes redirect) {
        PortalAccount account = accounts.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        accounts.link(id, null, staff.getName());
        redirect.addFlashAttribute("notice", account.email() + " is no longer linked to a company.");
        return "redirect:/customer-accounts";
    }

    /** The page again with the problem next to the account's company form ({@code company}) or its claim. */
    private String problem(long id, String where, HttpStatus status, String problem, Model model,
                           HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("problemAccount", id);
        model.addAttribute("problemWhere", where);
        model.addAttribute("problem", problem);
        return list(model);
    }
}
