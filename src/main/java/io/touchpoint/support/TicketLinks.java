package io.touchpoint.support;

import io.touchpoint.TouchpointProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The customer's key to a ticket: a token that signs the ticket number (HMAC-SHA256 with
 * {@code touchpoint.support.token-secret}, or this installation's generated secret, see {@link TrackingTokenSecret}),
 * so no token is stored and a token opens one ticket only.
 * Models put the links into emails: {@code ${ticketLinks.tracking(ticketNumber)}}, {@code confirm(..)},
 * {@code reopen(..)}.
 */
@Component("ticketLinks")
public class TicketLinks {

    private final byte[] secret;
    private final String baseUrl;

    @Autowired
    public TicketLinks(SupportProperties settings, TouchpointProperties touchpoint) {
        this(TrackingTokenSecret.of(settings.tokenSecret(), touchpoint.dataDir()), touchpoint.baseUrl());
    }

    /** With the configured secret only (process tests). */
    public TicketLinks(SupportProperties settings, String baseUrl) {
        this(settings.tokenSecret().getBytes(StandardCharsets.UTF_8), baseUrl);
    }

    private TicketLinks(byte[] secret, String baseUrl) {
        this.secret = secret;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String token(String ticketNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal(("ticket:" + ticketNumber).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether {@code token} opens {@code ticketNumber}; compares in constant time. */
    public boolean opens(String ticketNumber, String token) {
        if (ticketNumber == null || token == null || token.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(token(ticketNumber).getBytes(StandardCharsets.US_ASCII),
                token.trim().getBytes(StandardCharsets.US_ASCII));
    }

    public String tracking(String ticketNumber) {
        return baseUrl + "/track?ticket=" + ticketNumber + "&token=" + token(ticketNumber);
    }

    public String confirm(String ticketNumber) {
        return tracking(ticketNumber) + "&answer=fixed";
    }

    public String reopen(String ticketNumber) {
        return tracking(ticketNumber) + "&answer=not-fixed";
    }
}
