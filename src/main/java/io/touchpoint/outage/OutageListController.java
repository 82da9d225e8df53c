package io.touchpoint.outage;

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
        return ResponseEntity.ok().header("Content-Type", "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"outage-list.csv\"")
                .body(OutageListCsv.write(outageList.subscribers()));
    }
}
