package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a request to reactivate a client account must bring (SUP-12), whoever starts it: Tasklist's start form or the
 * engine's REST API. A start without it is refused as a bad request (the engine's REST API answers 400) naming every
 * missing or bad variable, before anything is written.
 */
final class ReactivationStartCheck {

    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9-]+");

    private ReactivationStartCheck() {
    }

    static void check(VariableScope variables) {
        StartVariables start = new StartVariables(variables);
        String name = start.required(CONTACT_NAME);
        String email = start.required(CONTACT_EMAIL);
        String account = start.required(ACCOUNT_NUMBER);
        String channel = start.optional(CHANNEL);
        String lastActive = start.optional(SupportProcess.Reactivation.LAST_ACTIVE);
        String description = start.optional(DESCRIPTION);
        start.oneLine(name, CONTACT_NAME, 120);
        start.mailbox(email, CONTACT_EMAIL);
        if (account != null && (account.length() > 40 || !ACCOUNT.matcher(account).matches())) {
            start.bad(ACCOUNT_NUMBER + " must be at most 40 letters, digits and dashes");
        }
        if (channel != null && !List.of("PHONE", "EMAIL").contains(channel)) {
            start.bad(CHANNEL + " must be one of PHONE, EMAIL");
        }
        start.oneLine(lastActive, SupportProcess.Reactivation.LAST_ACTIVE, 120);
        start.multiLine(description, DESCRIPTION, 4000);
        start.refuseIfAny("The reactivation request");
    }
}
