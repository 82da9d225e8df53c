package io.touchpoint.provisioning;

import io.touchpoint.calendar.BusinessCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Provisioning timing as the model reads it: {@code ${provisioningPolicy.onSiteBy(installAt)}} is the due date
 * of the install-day task and the start of the technician's invite, {@code remindTechnicianAt(installAt)} the
 * reminder before it, and {@code installDateAnswerBy()} how long the customer has to answer the install date.
 */
@Component("provisioningPolicy")
public class ProvisioningPolicy {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' h:mm a z",
            Locale.US);

    private final ProvisioningProperties properties;
    private final BusinessCalendar calendar;
    private final ZoneId zone;

    public ProvisioningPolicy(ProvisioningProperties properties, BusinessCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
        this.zone = calendar.zone();
    }

    /** When the technician must be on site: the configured time before the port (2 hours by default). */
    public Date onSiteBy(Date installAt) {
        return Date.from(installAt.toInstant().minus(properties.onSiteBeforePort()));
    }

    /** When the technician is reminded of the install: the configured time before the arrival (a day by default). */
    public Date remindTechnicianAt(Date installAt) {
        return Date.from(onSiteBy(installAt).toInstant().minus(properties.technicianReminderBefore()));
    }

    /** Until when the customer can answer the install date: the configured business days from now. */
    public Date installDateAnswerBy() {
        return calendar.businessDaysFromNow(properties.installDateAnswerBusinessDays());
    }

    /** {@link #installDateAnswerBy()} as the invitation reads it. */
    public String installDateAnswerByText() {
        return readable(installDateAnswerBy().toInstant());
    }

    /** The install time as customers read it in emails, in the provider's time zone. */
    public String readable(Instant installAt) {
        return READABLE.format(installAt.atZone(zone));
    }
}
