package io.touchpoint.testing;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for the {@code sendEmail} step in process tests: records which email the model asked for, to whom,
 * with which subject, so a test can assert the emails of a path without an SMTP server.
 */
public class RecordingEmailStep implements JavaDelegate {

    public record SentEmail(String activityId, String template, String to, String subject) {
    }

    private final List<SentEmail> sent = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
        sent.add(new SentEmail(execution.getCurrentActivityId(), (String) execution.getVariableLocal("template"),
                (String) execution.getVariableLocal("to"), (String) execution.getVariableLocal("subject")));
    }

    public List<SentEmail> sent() {
        return List.copyOf(sent);
    }

    public List<String> templates() {
        return sent.stream().map(SentEmail::template).toList();
    }

    public void clear() {
        sent.clear();
    }
}
