package io.touchpoint.testing;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for the {@code sendEmail} step in process tests: records which email the model asked for, to whom,
 * with which subject, so a test can assert the emails of a path without an SMTP server. A test that looks at the
 * emails as the customer receives them (attachments, documents) also has them sent by the real step
 * ({@link ProcessTestBeans#sendingEmails()}).
 */
public class RecordingEmailStep implements JavaDelegate {

    public record SentEmail(String activityId, String template, String to, String subject, String cc) {
    }

    private final List<SentEmail> sent = new ArrayList<>();
    private JavaDelegate realStep;

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        sent.add(new SentEmail(execution.getCurrentActivityId(), (String) execution.getVariableLocal("template"),
                addresses(execution.getVariableLocal("to")), (String) execution.getVariableLocal("subject"),
                addresses(execution.getVariableLocal("cc"))));
        if (realStep != null) {
            realStep.execute(execution);
        }
    }

    /** The addresses as the real step reads them (an empty entry, such as no office manager, is no address). */
    private static String addresses(Object value) {
        return value == null ? null : String.join(",", java.util.Arrays.stream(value.toString().split("[,;]"))
                .map(String::trim).filter(address -> !address.isEmpty()).toList());
    }

    /** From now on each email is also queued by the real step, to be sent to the test's SMTP server. */
    void alsoSendThrough(JavaDelegate step) {
        realStep = step;
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
