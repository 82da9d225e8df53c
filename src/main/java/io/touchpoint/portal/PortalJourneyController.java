package io.touchpoint.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** My journey (REG-02, REG-04): the company's orders in plain words; another company's answers 404. */
@Controller
class PortalJourneyController {

    private final PortalCustomers customers;
    private final PortalJourneys journeys;

    PortalJourneyController(PortalCustomers customers, PortalJourneys journeys) {
        this.customers = customers;
        this.journeys = journeys;
    }

    @GetMapping("/portal/journey")
    String list(Principal user, Model model) {
        PortalCustomers.Customer customer = customers.of(user);
        model.addAttribute("customer", customer);
        model.addAttribute("journeys", journeys.list(customer));
        return "portal/journey";
    }

    @GetMapping("/portal/journey/{quoteNumber}")
    String detail(@PathVariable String quoteNumber, Principal user, Model model, HttpServletResponse response) {
        PortalCustomers.Customer customer = customers.of(user);
        var journey = journeys.find(customer, quoteNumber);
        if (journey.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal/not-found";
        }
        model.addAttribute("customer", customer);
        model.addAttribute("journeys", List.of(journey.get()));
        return "portal/journey";
    }

    @GetMapping(path = "/portal/api/journeys", produces = "application/json")
    @ResponseBody
    List<PortalJourneys.Journey> listApi(Principal user) {
        return journeys.list(customers.of(user));
    }

    @GetMapping(path = "/portal/api/journeys/{quoteNumber}", produces = "application/json")
    @ResponseBody
    ResponseEntity<?> detailApi(@PathVariable String quoteNumber, Principal user) {
        return journeys.find(customers.of(user), quoteNumber).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No order " + quoteNumber
                                + " of your company.")));
    }
}
