package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading and writing the ticket's process variables, the way the support delegates share. */
final class TicketVariables {

    private TicketVariables() {
    }

    /** The work form shows every variable: its answers of the last round must not come back (or save an article twice). */
    static void clearWorkForm(VariableScope scope) {
        scope.setVariable(WORK_OUTCOME, null);
        scope.setVariable(SAVE_AS_ARTICLE, false);
        scope.setVariable(ARTICLE_TITLE, null);
        scope.setVariable(ARTICLE_SYMPTOMS, null);
        scope.setVariable(RELAY_CHANNEL, null);
        scope.setVariable(CALL_NOTES, null);
        scope.setVariable(PHONE_ANSWER, null);
    }

    static void setFirstResponse(VariableScope scope, SupportPolicy policy, SupportPolicy.Target target) {
        scope.setVariable(FIRST_RESPONSE_DUE, Date.from(target.due()));
        scope.setVariable(FIRST_RESPONSE_WARN_AT, Date.from(target.warnAt()));
        scope.setVariable(FIRST_RESPONSE_DUE_TEXT, policy.format(target.due()));
    }

    static void setResolution(VariableScope scope, SupportPolicy policy, SupportPolicy.Target target) {
        scope.setVariable(RESOLUTION_DUE, Date.from(target.due()));
        scope.setVariable(RESOLUTION_WARN_AT, Date.from(target.warnAt()));
        scope.setVariable(RESOLUTION_DUE_TEXT, policy.format(target.due()));
    }

    static Instant instant(VariableScope scope, String name) {
        Date date = (Date) scope.getVariable(name);
        return date == null ? null : date.toInstant();
    }

    static int number(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? 0 : ((Number) value).intValue();
    }

    static String text(VariableScope scope, String name, String fallback) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }

    static String string(VariableScope scope, String name) {
        return (String) scope.getVariable(name);
    }
}
