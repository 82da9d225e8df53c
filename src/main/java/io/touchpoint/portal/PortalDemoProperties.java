package io.touchpoint.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The demo settings ({@code touchpoint.demo.*}) as the portal reads them for its demo customer: the demo package's
 * own record is for demo code, which nothing else may depend on (ArchitectureTest), so the portal binds the same keys.
 *
 * @param enabled  whether the demo customer's account exists (never in production: the prod profile refuses it)
 * @param password the demo customer's portal password, the same as every demo user's
 */
@ConfigurationProperties("touchpoint.demo")
@Validated
public record PortalDemoProperties(boolean enabled, String password) {
}
