package io.touchpoint.postsales;

import static io.touchpoint.postsales.PostSalesProcess.Vars.*;

import io.touchpoint.identity.People;
import io.touchpoint.identity.Roles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * PST-06: the account relations manager with the fewest open tasks becomes the customer's account manager
 * ({@code accountManager}, {@code accountManagerName}, {@code accountManagerEmail}).
 */
@Component("assignAccountManager")
public class AssignAccountManagerDelegate implements JavaDelegate {

    private final People people;

    public AssignAccountManagerDelegate(People people) {
        this.people = people;
    }

    @Override
    public void execute(DelegateExecution execution) {
        User manager = people.leastLoaded(Roles.ACCOUNT_RELATIONS)
                .orElseThrow(() -> new IllegalStateException("The group account-relations has no members"));
        execution.setVariable(ACCOUNT_MANAGER, manager.getId());
        execution.setVariable(ACCOUNT_MANAGER_NAME, People.displayName(manager));
        execution.setVariable(ACCOUNT_MANAGER_EMAIL, manager.getEmail());
    }
}
