package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import io.touchpoint.web.Text;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a ticket or service request must bring when it starts, whoever starts it: the API (which checks the same
 * before), Tasklist's start form, or the engine's REST API. A start without it is refused as a bad request (the
 * engine's REST API answers 400) naming every missing or bad variable, before anything is written.
 */
final class TicketStartCheck {

    private static final Pattern ONE_LINE = Pattern.compile(Text.ONE_LINE);
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9-]*");

    private TicketStartCheck() {
    }

    static void check(VariableScope variables, Ticket.Kind kind) {
        StartVariables start = new StartVariables(variables);
        String name = start.required(CONTACT_NAME);
        String email = start.required(CONTACT_EMAIL);
        String subject = start.required(SUBJECT);
        String description = start.required(DESCRIPTION);
        String category = start.required(CATEGORY);
        String priority = start.required(PRIORITY);
        String account = start.optional(ACCOUNT_NUMBER);
        String channel = start.optional(CHANNEL);
        String requesterType = start.optional(REQUESTER_TYPE);
        String project = start.optional(PROJECT);
        String chosenAgent = start.optional(CHOSEN_AGENT);

        start.oneLine(name, CONTACT_NAME, 120);
        start.mailbox(email, CONTACT_EMAIL);
        start.oneLine(subject, SUBJECT, 200);
        start.multiLine(description, DESCRIPTION, 4000);
        List<String> categories = Arrays.stream(NewTicket.Category.values()).filter(c -> c.kind() == kind)
                .map(Enum::name).toList();
        if (category != null && !categories.contains(category)) {
            start.bad(CATEGORY + " must be one of " + String.join(", ", categories));
        }
        oneOf(priority, PRIORITY, NewTicket.Priority.values(), start);
        oneOf(channel, CHANNEL, NewTicket.Channel.values(), start);
        oneOf(requesterType, REQUESTER_TYPE, NewTicket.RequesterType.values(), start);
        if (account != null && (account.length() > 40 || !ACCOUNT.matcher(account).matches())) {
            start.bad(ACCOUNT_NUMBER + " must be at most 40 letters, digits and dashes");
        }
        if (project != null && (project.length() > 60 || !ACCOUNT.matcher(project).matches())) {
            start.bad(PROJECT + " must be at most 60 letters, digits and dashes");
        }
        if (chosenAgent != null && (chosenAgent.length() > 64 || !ONE_LINE.matcher(chosenAgent).matches())) {
            start.bad(CHOSEN_AGENT + " must be a user id of one line, at most 64 characters");
        }
        start.refuseIfAny(kind == Ticket.Kind.TROUBLE ? "The ticket" : "The service request");
    }

    private static void oneOf(String value, String variable, Enum<?>[] choices, StartVariables start) {
        if (value != null && Arrays.stream(choices).noneMatch(choice -> choice.name().equals(value))) {
            start.bad(variable + " must be one of " + Arrays.stream(choices).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
