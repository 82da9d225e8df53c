package io.touchpoint.presales;

import static io.touchpoint.presales.PresalesProcess.Vars.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * PRE-02, the question loop: when presales support (Mike, Pete, Amy) answers the agent's question, the agent's needs
 * analysis comes back with the answer and who gave it, and asks for the next step again instead of keeping "ask
 * presales support" ticked from the round before.
 */
@Component("presalesQuestions")
public class PresalesQuestions implements TaskListener {

    static final String PRESALES_SUPPORT = "Presales support";

    private final IdentityService identity;

    public PresalesQuestions(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariable(PRESALES_ANSWERED_BY, nameOf(task.getAssignee()));
        task.setVariable(NEEDS_NEXT, null);
    }

    private String nameOf(String userId) {
        if (userId == null) {
            return PRESALES_SUPPORT;
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }
}
