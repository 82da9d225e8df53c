package io.touchpoint.kpi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.identity.Roles;
import io.touchpoint.web.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The managers' KPI dashboard: the page {@code /kpis} (figures, weekly charts, filters), the same figures as JSON
 * ({@code GET /api/kpis}) and as CSV ({@code GET /api/kpis.csv}), with the filters {@code from}, {@code to}
 * (ISO dates), {@code group} and {@code agent}. Who may see them: {@code security.SecurityConfiguration#KPIS}.
 */
@Controller
class KpiController {

    private final Kpis kpis;
    private final ObjectMapper json;

    KpiController(Kpis kpis, ObjectMapper json) {
        this.kpis = kpis;
        this.json = json;
    }

    @GetMapping("/kpis")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String group, @RequestParam(required = false) String agent,
                Model model, jakarta.servlet.http.HttpServletResponse response) {
        model.addAttribute("groups", Roles.ALL);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("group", group);
        model.addAttribute("agent", agent);
        try {
            KpiReport report = kpis.report(KpiFilter.parse(from, to, group, agent, kpis.today()));
            model.addAttribute("report", report);
            // the charts' data, in an attribute (the CSP runs no inline script): computed once for page and charts
            model.addAttribute("reportJson", json.writeValueAsString(report));
            model.addAttribute("from", report.from().toString());
            model.addAttribute("to", report.to().toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The KPI report could not be written as JSON", e);
        } catch (InvalidFieldException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorMessage", e.getMessage());
        }
        return "pages/kpis";
    }

    @GetMapping(path = "/api/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    KpiReport api(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String group, @RequestParam(required = false) String agent) {
        return kpis.report(KpiFilter.parse(from, to, group, agent, kpis.today()));
    }

    @GetMapping("/api/kpis.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String group,
                               @RequestParam(required = false) String agent) {
        KpiReport report = kpis.report(KpiFilter.parse(from, to, group, agent, kpis.today()));
        return ResponseEntity.ok().header("Content-Type", "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"kpis-" + report.from() + "-to-" + report.to()
                        + ".csv\"")
                .body(KpiCsv.write(report));
    }
}
