package io.touchpoint.support;

import io.touchpoint.web.Mailbox;
import io.touchpoint.web.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables a support process starts with, read as trimmed text, with every missing or bad one noted; then the
 * start is refused as a bad request (the engine's REST API answers 400) that names them all, before anything is
 * written. The start checks of tickets, service requests and reactivations share it.
 */
final class StartVariables {

    private static final Pattern ONE_LINE = Pattern.compile(Text.ONE_LINE);

    private final VariableScope variables;
    private final List<String> missing = new ArrayList<>();
    private final List<String> bad = new ArrayList<>();

    StartVariables(VariableScope variables) {
        this.variables = variables;
    }

    /** The variable as trimmed text, noted missing when absent or blank. */
    String required(String variable) {
        return text(variable, true);
    }

    /** The variable as trimmed text, or null when absent or blank. */
    String optional(String variable) {
        return text(variable, false);
    }

    void bad(String problem) {
        bad.add(problem);
    }

    /** A value, when present, is one line of at most {@code max} characters. */
    void oneLine(String value, String variable, int max) {
        if (value != null && (value.length() > max || !ONE_LINE.matcher(value).matches())) {
            bad.add(variable + " must be one line of at most " + max + " characters");
        }
    }

    /** A value, when present, is at most {@code max} characters of text, lines allowed. */
    void multiLine(String value, String variable, int max) {
        if (value != null && (value.length() > max || !Text.isMultiLine(value))) {
            bad.add(variable + " must be at most " + max + " characters, without control characters");
        }
    }

    /** A value, when present, is one mailbox. */
    void mailbox(String value, String variable) {
        if (value != null && !Mailbox.Validator.isMailbox(value)) {
            bad.add(variable + " must be a valid email address, one mailbox such as ann@example.com");
        }
    }

    /** Refuses the start of {@code what} ("The ticket") when anything is missing or bad. */
    void refuseIfAny(String what) {
        if (missing.isEmpty() && bad.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing " + String.join(", ", missing));
        }
        problems.addAll(bad);
        throw new BadUserRequestException(what + " cannot be registered: " + String.join("; ", problems) + ".");
    }

    private String text(String variable, boolean required) {
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
