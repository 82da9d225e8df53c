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
 * {@code reopen(..)}. Other customer links sign their own subject with the same key ({@link #sign}, {@link #verifies}),
 * e.g. the install-date answer of provisioning.
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
        return sign("ticket:" + ticketNumber);
    }

    /** Whether {@code token} opens {@code ticketNumber}; compares in constant time. */
    public boolean opens(String ticketNumber, String token) {
        return ticketNumber != null && verifies("ticket:" + ticketNumber, token);
    }

    /** The token of a customer link to {@code subject} ({@code kind:id}, e.g. {@code ticket:T-2026-00001}). */
    public String sign(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether {@code token} is the one {@link #sign} gives {@code subject}; compares in constant time. */
    public boolean verifies(String subject, String token) {
        if (subject == null || token == null || token.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(sign(subject).getBytes(StandardCharsets.US_ASCII),
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
