package io.touchpoint.postsales;

import static io.touchpoint.postsales.PostSalesProcess.Vars.*;

import io.touchpoint.notification.EmailService;
import java.util.HashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** PST-05: the president's note, drafted from {@code mail/president-note-draft.txt} for the executive to edit. */
@Component("draftPresidentNote")
public class DraftPresidentNoteDelegate implements JavaDelegate {

    private final EmailService emails;

    public DraftPresidentNoteDelegate(EmailService emails) {
        this.emails = emails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(PRESIDENT_NOTE, emails.renderText("president-note-draft", new HashMap<>(execution.getVariables())));
    }
}
