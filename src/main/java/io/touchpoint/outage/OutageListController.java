package io.touchpoint.outage;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Staff see the outage notification list at /outage-list and export it as CSV. */
@Controller
class OutageListController {

    private final OutageList outageList;

    OutageListController(OutageList outageList) {
        this.outageList = outageList;
    }

    @GetMapping("/outage-list")
    String page(Model model) {
        model.addAttribute("subscribers", outageList.subscribers());
        return "pages/outage-list";
    }

    @GetMapping("/outage-list.csv")
    ResponseEntity<String> csv() {
        StringBuilder csv = new StringBuilder("email,company,order,added_at\r\n");
        outageList.subscribers().forEach(s -> csv.append(String.join(",", cell(s.email()), cell(s.companyName()),
                cell(s.orderNumber()), DateTimeFormatter.ISO_INSTANT.format(s.addedAt()))).append("\r\n"));
        return ResponseEntity.ok().header("Content-Type", "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"outage-list.csv\"").body(csv.toString());
    }

    /** RFC 4180 quoting, and no formula injection when opened in a spreadsheet. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r\n".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf('"') >= 0 || safe.indexOf(',') >= 0 || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
