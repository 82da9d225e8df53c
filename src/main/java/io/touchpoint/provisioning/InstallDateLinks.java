package io.touchpoint.provisioning;

import io.touchpoint.TouchpointProperties;
import io.touchpoint.support.TicketLinks;
import org.springframework.stereotype.Component;

/**
 * PRV-11: the customer's link to answer the install date, signed like the tickets' tracking links (same key, see
 * {@link TicketLinks#sign}), so no token is stored and a link opens one order only. The invitation's model puts it in
 * the email: {@code ${installDateLinks.answer(orderNumber)}}.
 */
@Component("installDateLinks")
public class InstallDateLinks {

    private final TicketLinks signer;
    private final String baseUrl;

    public InstallDateLinks(TicketLinks signer, TouchpointProperties touchpoint) {
        this.signer = signer;
        this.baseUrl = touchpoint.baseUrl();
    }

    public String token(String orderNumber) {
        return signer.sign(subject(orderNumber));
    }

    /** Whether {@code token} opens the install-date page of {@code orderNumber}. */
    public boolean opens(String orderNumber, String token) {
        return orderNumber != null && signer.verifies(subject(orderNumber), token);
    }

    /** The page where the customer accepts the install date or proposes another. */
    public String answer(String orderNumber) {
        return baseUrl + "/install-date?order=" + orderNumber + "&token=" + token(orderNumber);
    }

    private static String subject(String orderNumber) {
        return "install-date:" + orderNumber;
    }
}
