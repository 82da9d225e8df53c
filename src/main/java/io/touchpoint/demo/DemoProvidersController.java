package io.touchpoint.demo;

import io.touchpoint.orders.OrderEvent;
import io.touchpoint.orders.OrderEventType;
import io.touchpoint.orders.OrderEvents;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Stand-ins for the e-signature and card payment providers while demo data is on, so a newcomer can follow
 * the links in the order email to the end of presales. They report through {@link OrderEvents}, as the
 * providers do through the events API.
 */
@Controller
@ConditionalOnProperty(name = "touchpoint.demo.enabled", havingValue = "true")
class DemoProvidersController {

    private final OrderEvents events;

    DemoProvidersController(OrderEvents events) {
        this.events = events;
    }

    @GetMapping("/orders/{orderNumber}/sign")
    String signPage(@PathVariable String orderNumber, Model model) {
        return page(model, orderNumber, "sign", null);
    }

    @PostMapping("/orders/{orderNumber}/sign")
    String sign(@PathVariable String orderNumber, Model model) {
        return page(model, orderNumber, "sign", events.deliver(orderNumber, OrderEvent.of(OrderEventType.ORDER_SIGNED)));
    }

    @GetMapping("/orders/{orderNumber}/pay")
    String payPage(@PathVariable String orderNumber, Model model) {
        return page(model, orderNumber, "pay", null);
    }

    @PostMapping("/orders/{orderNumber}/pay")
    String pay(@PathVariable String orderNumber, Model model) {
        return page(model, orderNumber, "pay", events.deliver(orderNumber, OrderEvent.of(OrderEventType.PAYMENT_RECEIVED)));
    }

    private static String page(Model model, String orderNumber, String action, OrderEvents.Result result) {
        model.addAttribute("orderNumber", orderNumber);
        model.addAttribute("action", action);
        model.addAttribute("result", result == null ? null : result.name());
        return "demo/demo-provider";
    }
}
