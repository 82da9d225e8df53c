package io.touchpoint.support;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a ticket's timeline, from the message bundle {@code messages/timeline.properties}: what the customer
 * reads on the tracking page is changed there, not in Java.
 */
@Component
public class TimelineTexts {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public TimelineTexts() {
        messages.setBasename("messages/timeline");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
    }

    /** The text of {@code key}, with its arguments filled in. */
    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }

    /** The ticket's priority as the customer reads it ("High" for P2); an unknown code as it is. */
    public String priority(String code) {
        return messages.getMessage("priority." + code, null, code, Locale.ENGLISH);
    }

    /** "Closed: ..." for a reason of {@code closeTicket} (CONFIRMED, NO_CONFIRMATION, NO_REPLY, ANSWERED, or another). */
    public String closed(String reason) {
        String text = messages.getMessage("closed." + reason, null, null, Locale.ENGLISH);
        return text != null ? text : text("closed.other", reason);
    }
}
