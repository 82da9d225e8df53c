package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import io.touchpoint.web.Mailbox;
import io.touchpoint.web.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
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
        List<String> missing = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        String name = text(variables, CONTACT_NAME, true, missing, bad);
        String email = text(variables, CONTACT_EMAIL, true, missing, bad);
        String subject = text(variables, SUBJECT, true, missing, bad);
        String description = text(variables, DESCRIPTION, true, missing, bad);
        String category = text(variables, CATEGORY, true, missing, bad);
        String priority = text(variables, PRIORITY, true, missing, bad);
        String account = text(variables, ACCOUNT_NUMBER, false, missing, bad);
        String channel = text(variables, CHANNEL, false, missing, bad);
        String requesterType = text(variables, REQUESTER_TYPE, false, missing, bad);
        String project = text(variables, PROJECT, false, missing, bad);
        String chosenAgent = text(variables, CHOSEN_AGENT, false, missing, bad);

        if (name != null && (name.length() > 120 || !ONE_LINE.matcher(name).matches())) {
            bad.add(CONTACT_NAME + " must be one line of at most 120 characters");
        }
        if (email != null && !Mailbox.Validator.isMailbox(email)) {
            bad.add(CONTACT_EMAIL + " must be a valid email address, one mailbox such as ann@example.com");
        }
        if (subject != null && (subject.length() > 200 || !ONE_LINE.matcher(subject).matches())) {
            bad.add(SUBJECT + " must be one line of at most 200 characters");
        }
        if (description != null && (description.length() > 4000 || !Text.isMultiLine(description))) {
            bad.add(DESCRIPTION + " must be at most 4000 characters, without control characters");
        }
        List<String> categories = Arrays.stream(NewTicket.Category.values()).filter(c -> c.kind() == kind)
                .map(Enum::name).toList();
        if (category != null && !categories.contains(category)) {
            bad.add(CATEGORY + " must be one of " + String.join(", ", categories));
        }
        oneOf(priority, PRIORITY, NewTicket.Priority.values(), bad);
        oneOf(channel, CHANNEL, NewTicket.Channel.values(), bad);
        oneOf(requesterType, REQUESTER_TYPE, NewTicket.RequesterType.values(), bad);
        if (account != null && (account.length() > 40 || !ACCOUNT.matcher(account).matches())) {
            bad.add(ACCOUNT_NUMBER + " must be at most 40 letters, digits and dashes");
        }
        if (project != null && (project.length() > 60 || !ACCOUNT.matcher(project).matches())) {
            bad.add(PROJECT + " must be at most 60 letters, digits and dashes");
        }
        if (chosenAgent != null && (chosenAgent.length() > 64 || !ONE_LINE.matcher(chosenAgent).matches())) {
            bad.add(CHOSEN_AGENT + " must be a user id of one line, at most 64 characters");
        }
        if (missing.isEmpty() && bad.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing " + String.join(", ", missing));
        }
        problems.addAll(bad);
        String what = kind == Ticket.Kind.TROUBLE ? "The ticket" : "The service request";
        throw new BadUserRequestException(what + " cannot be registered: " + String.join("; ", problems) + ".");
    }

    /** The variable as trimmed text (null when absent or blank), noting a required one missing or one not text. */
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

    private static void oneOf(String value, String variable, Enum<?>[] choices, List<String> bad) {
        if (value != null && Arrays.stream(choices).noneMatch(choice -> choice.name().equals(value))) {
            bad.add(variable + " must be one of " + Arrays.stream(choices).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
