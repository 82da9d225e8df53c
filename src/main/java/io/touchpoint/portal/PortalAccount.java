package io.touchpoint.portal;

import java.time.Instant;

/**
 * A customer's login to the portal: never a user of the engine's identity service, so never in Tasklist.
 *
 * @param passwordHash the password as Spring Security's delegating encoder stores it ({@code {bcrypt}...}); null until
 *                     the owner of the address has followed the confirmation link and chosen one
 * @param companyName  the company whose orders and requests the account sees; null while not linked
 * @param claimedAccountNumber the account number its owner gave at registration, waiting for customer care to link
 *                     the company it matches or reject it; null when none was given, or once linked or rejected
 */
public record PortalAccount(long id, String email, String displayName, String passwordHash, Instant confirmedAt,
                            String companyName, String companyLinkedBy, Instant companyLinkedAt, Instant createdAt,
                            String claimedAccountNumber) {

    public boolean confirmed() {
        return confirmedAt != null && passwordHash != null;
    }

    /** Whether customer care has a company claim to decide: confirmed, not linked, and an account number given. */
    public boolean awaitsCompany() {
        return confirmed() && companyName == null && claimedAccountNumber != null;
    }
}
