package io.touchpoint.portal;

import java.time.Instant;

/**
 * A customer's login to the portal: never a user of the engine's identity service, so never in Tasklist.
 *
 * @param passwordHash the password as Spring Security's delegating encoder stores it ({@code {bcrypt}...}); null until
 *                     the owner of the address has followed the confirmation link and chosen one
 * @param companyName  the company whose orders and requests the account sees; null while not linked
 */
public record PortalAccount(long id, String email, String displayName, String passwordHash, Instant confirmedAt,
                            String companyName, String companyLinkedBy, Instant companyLinkedAt, Instant createdAt) {

    public boolean confirmed() {
        return confirmedAt != null && passwordHash != null;
    }
}
