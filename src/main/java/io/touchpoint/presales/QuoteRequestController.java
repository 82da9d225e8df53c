package io.touchpoint.presales;

import io.touchpoint.limits.RateLimits;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.ui.Model;

/** The quote request: the JSON API and the web page that posts to it. */
@Controller
class QuoteRequestController {

    private final PresalesService presales;
    private final RateLimits limits;

    QuoteRequestController(PresalesService presales, RateLimits limits) {
        this.presales = presales;
        this.limits = limits;
    }

    @PostMapping(path = "/api/quote-requests", consumes = "application/json", produces = "application/json")
    @ResponseBody
    ResponseEntity<Map<String, String>> submit(@Valid @RequestBody QuoteRequest request) {
        limits.takeForRecipient(request.contactEmail());
        String quoteNumber = presales.submit(request);
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
