package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import io.touchpoint.notification.Recipients;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Whoever works a ticket, for the support models' email steps: {@code to="${ticketRecipients.agent(execution)}"} gives
 * the email of the user in {@code assignee}, or, while nobody is assigned, of the members of {@code workingGroup}.
 */
@Component("ticketRecipients")
public class TicketRecipients {

    private final IdentityService identity;
    private final Recipients recipients;

    public TicketRecipients(IdentityService identity, Recipients recipients) {
        this.identity = identity;
        this.recipients = recipients;
    }

    public String agent(VariableScope scope) {
        Object userId = scope.getVariable(ASSIGNEE);
        if (userId != null) {
            User user = identity.createUserQuery().userId(userId.toString()).singleResult();
            if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
                return user.getEmail();
            }
        }
        Object group = scope.getVariable(WORKING_GROUP);
        return group == null ? "" : recipients.group(group.toString());
    }
}
