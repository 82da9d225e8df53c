package io.touchpoint.presales;

import java.time.Duration;
import java.time.Period;

/** Presales' settings in process tests: 30-day quotes, a reminder 5 days before expiry, 20+ seats, 3 revisions, ... */
public final class PresalesTestBeans {

    public static final PresalesProperties SETTINGS = new PresalesProperties(Period.ofDays(30), Period.ofDays(5), 20, 3,
            "R3/P2D", Duration.ofDays(7), "https://sign.example/{orderNumber}", "https://pay.example/{orderNumber}");

    private PresalesTestBeans() {
    }
}
