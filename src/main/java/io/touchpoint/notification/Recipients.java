package io.touchpoint.notification;

import io.touchpoint.journey.CustomerJourneyProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who "the agent" is, for email steps: {@code to="${recipients.salesRep(execution)}"} gives the email of the
 * sales rep who owns the quote (variable {@code salesRep}), or the sales team's address while nobody does.
 */
@Component("recipients")
public class Recipients {

    private final IdentityService identity;
    private final MailProperties settings;

    public Recipients(IdentityService identity, MailProperties settings) {
        this.identity = identity;
        this.settings = settings;
    }

    public String salesRep(VariableScope scope) {
        Object userId = scope.getVariable(CustomerJourneyProcess.Vars.SALES_REP);
        if (userId != null) {
            User user = identity.createUserQuery().userId(userId.toString()).singleResult();
            if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
                return user.getEmail();
            }
        }
        return settings.salesTeam();
    }

    /** The email addresses of a group's members, comma-separated: {@code to="${recipients.group('technician')}"}. */
    public String group(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(User::getEmail).filter(email -> email != null && !email.isBlank()).sorted()
                .collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * The customer's primary contact for the running account (FJ: account manager, bill review, life-cycle support):
     * {@code to="${recipients.primaryContact(execution)}"}; the requester while the order names nobody else.
     */
    public String primaryContact(VariableScope scope) {
        Object primary = scope.getVariable(CustomerJourneyProcess.Vars.PRIMARY_CONTACT_EMAIL);
        return primary != null && !primary.toString().isBlank() ? primary.toString()
                : String.valueOf(scope.getVariable(CustomerJourneyProcess.Vars.CONTACT_EMAIL));
    }

    /**
     * The customer's office manager, copied while we deliver (FJ: welcome, site survey, activation, completion notice):
     * {@code cc="${recipients.officeManager(execution)}"}; empty when the order names none.
     */
    public String officeManager(VariableScope scope) {
        Object email = scope.getVariable(CustomerJourneyProcess.Vars.OFFICE_MANAGER_EMAIL);
        return email == null ? "" : email.toString();
    }
}
