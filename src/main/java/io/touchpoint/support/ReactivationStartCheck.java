package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import io.touchpoint.web.Mailbox;
import io.touchpoint.web.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a request to reactivate a client account must bring (SUP-12), whoever starts it: Tasklist's start form or the
 * engine's REST API. A start without it is refused as a bad request (the engine's REST API answers 400) naming every
 * missing or bad variable, before anything is written.
 */
final class ReactivationStartCheck {

    private static final Pattern ONE_LINE = Pattern.compile(Text.ONE_LINE);
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9-]+");

    private ReactivationStartCheck() {
    }

    static void check(VariableScope variables) {
        List<String> missing = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        String name = text(variables, CONTACT_NAME, true, missing, bad);
        String email = text(variables, CONTACT_EMAIL, true, missing, bad);
        String account = text(variables, ACCOUNT_NUMBER, true, missing, bad);
        String channel = text(variables, CHANNEL, false, missing, bad);
        String lastActive = text(variables, SupportProcess.Reactivation.LAST_ACTIVE, false, missing, bad);
        String description = text(variables, DESCRIPTION, false, missing, bad);
        if (name != null && (name.length() > 120 || !ONE_LINE.matcher(name).matches())) {
            bad.add(CONTACT_NAME + " must be one line of at most 120 characters");
        }
        if (email != null && !Mailbox.Validator.isMailbox(email)) {
            bad.add(CONTACT_EMAIL + " must be a valid email address, one mailbox such as ann@example.com");
        }
        if (account != null && (account.length() > 40 || !ACCOUNT.matcher(account).matches())) {
            bad.add(ACCOUNT_NUMBER + " must be at most 40 letters, digits and dashes");
        }
        if (channel != null && !List.of("PHONE", "EMAIL").contains(channel)) {
            bad.add(CHANNEL + " must be one of PHONE, EMAIL");
        }
        if (lastActive != null && (lastActive.length() > 120 || !ONE_LINE.matcher(lastActive).matches())) {
            bad.add(SupportProcess.Reactivation.LAST_ACTIVE + " must be one line of at most 120 characters");
        }
        if (description != null && (description.length() > 4000 || !Text.isMultiLine(description))) {
            bad.add(DESCRIPTION + " must be at most 4000 characters, without control characters");
        }
        if (missing.isEmpty() && bad.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing " + String.join(", ", missing));
        }
        problems.addAll(bad);
        throw new BadUserRequestException("The reactivation request cannot be registered: " + String.join("; ", problems)
                + ".");
    }

    private static String text(VariableScope variables, String variable, boolean required, List<String> missing,
                               List<String> bad) {
        Object value = variables.getVariable(variable);
        if (value != null && !(value instanceof String)) {
            bad.add(variable + " must be text");
            return null;
        }
        String text = value == null ? "" : ((String) value).trim();
        if (text.isEmpty()) {
            if (required) {
                missing.add(variable);
            }
            return null;
        }
        return text;
    }
}
