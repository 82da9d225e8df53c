package io.touchpoint.provisioning;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Provisioning timing as the model reads it: {@code ${provisioningPolicy.onSiteBy(installAt)}} is the due date
 * of the install-day task, and {@code ${porting}}-free rules about dates live here too.
 */
@Component("provisioningPolicy")
public class ProvisioningPolicy {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' h:mm a z",
            Locale.US);

    private final ProvisioningProperties properties;
    private final ZoneId zone;

    public ProvisioningPolicy(ProvisioningProperties properties, io.touchpoint.calendar.CalendarProperties calendar) {
        this.properties = properties;
        this.zone = calendar.zone();
    }

    /** When the technician must be on site: the configured time before the port (2 hours by default). */
    public Date onSiteBy(Date installAt) {
        return Date.from(installAt.toInstant().minus(properties.onSiteBeforePort()));
    }

    /** The install time as customers read it in emails, in the provider's time zone. */
    public String readable(Instant installAt) {
        return READABLE.format(installAt.atZone(zone));
    }
}
