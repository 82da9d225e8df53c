package io.touchpoint.postsales;

import static io.touchpoint.postsales.PostSalesProcess.Vars.*;

import io.touchpoint.notification.EmailService;
import java.util.Comparator;
import java.util.HashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The small service tasks of post-sales.bpmn, each a bean the model names. */
@Configuration
class PostSalesDelegates {

    /**
     * PST-06: the account relations manager with the fewest open tasks becomes the customer's account manager
     * ({@code accountManager}, {@code accountManagerName}, {@code accountManagerEmail}).
     */
    @Bean
    JavaDelegate assignAccountManager(IdentityService identity, TaskService tasks) {
        return execution -> {
            User manager = identity.createUserQuery().memberOfGroup("account-relations").list().stream()
                    .min(Comparator.comparingLong((User user) -> tasks.createTaskQuery().taskAssignee(user.getId()).count())
                            .thenComparing(User::getId))
                    .orElseThrow(() -> new IllegalStateException("The group account-relations has no members"));
            execution.setVariable(ACCOUNT_MANAGER, manager.getId());
            execution.setVariable(ACCOUNT_MANAGER_NAME, (manager.getFirstName() + " " + manager.getLastName()).trim());
            execution.setVariable(ACCOUNT_MANAGER_EMAIL, manager.getEmail());
        };
    }

    /**
     * Start listener: post-sales counts its dates from the install ({@code installAt}); an instance started without
     * one counts from the activation date, or from now.
     */
    @Bean
    org.camunda.bpm.engine.delegate.ExecutionListener postSalesIntake() {
        return execution -> {
            if (execution.getVariable("installAt") == null) {
                Object activation = execution.getVariable("activationDate");
                execution.setVariable("installAt", activation != null ? activation
                        : new java.util.Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()));
            }
        };
    }

    /** PST-05: the president's note, drafted from {@code mail/president-note-draft.txt} for the executive to edit. */
    @Bean
    JavaDelegate draftPresidentNote(EmailService emails) {
        return execution -> execution.setVariable(PRESIDENT_NOTE,
                emails.renderText("president-note-draft", new HashMap<>(execution.getVariables())));
    }
}
