package io.touchpoint.portal;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's start page after the login: the customer, the company the account is linked to. */
@Controller
class PortalController {

    private final PortalCustomers customers;

    PortalController(PortalCustomers customers) {
        this.customers = customers;
    }

    @GetMapping("/portal")
    String home(Principal user, Model model) {
        PortalCustomers.Customer customer = customers.of(user);
        model.addAttribute("customer", customer);
        model.addAttribute("company", customers.company(customer));
        return "portal/home";
    }
}
