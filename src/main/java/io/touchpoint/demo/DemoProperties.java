package io.touchpoint.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Demo data ({@code touchpoint.demo.*}): people for each role, and stand-in provider pages.
 *
 * @param enabled  create the demo users and show the stand-in e-signature and payment pages (never in production)
 * @param password the password of every demo user
 */
@ConfigurationProperties("touchpoint.demo")
@Validated
public record DemoProperties(boolean enabled, String password) {
}
