package io.touchpoint.journey;

import io.touchpoint.limits.RateLimits;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/** The quote request (PRE-05), which starts the customer journey: the JSON API and the web page that posts to it. */
@Controller
class QuoteRequestController {

    private final CustomerJourney journey;
    private final RateLimits limits;

    QuoteRequestController(CustomerJourney journey, RateLimits limits) {
        this.journey = journey;
        this.limits = limits;
    }

    @PostMapping(path = "/api/quote-requests", consumes = "application/json", produces = "application/json")
    @ResponseBody
    ResponseEntity<Map<String, String>> submit(@Valid @RequestBody QuoteRequest request) {
        limits.takeForRecipient(request.contactEmail());
        String quoteNumber = journey.start(request);
        return ResponseEntity.created(URI.create("/api/quote-requests/" + quoteNumber))
                .body(Map.of("quoteNumber", quoteNumber));
    }

    @GetMapping("/quote")
    String page(Model model) {
        model.addAttribute("services", Catalog.Service.values());
        model.addAttribute("auxiliaryServices", Catalog.AuxiliaryService.values());
        return "pages/quote";
    }
}
