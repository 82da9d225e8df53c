package io.touchpoint.provisioning;

import static io.touchpoint.provisioning.ProvisioningProcess.Vars.*;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * The install time of an order: the carrier's FOC date when numbers are ported, otherwise the tentative install
 * date set after the welcome call. When the carrier moves the FOC date, everything that depends on it moves.
 */
@Service
public class InstallDates {

    private final ProvisioningPolicy policy;
    private final TaskService tasks;
    private final Porting porting;

    public InstallDates(ProvisioningPolicy policy, TaskService tasks, Porting porting) {
        this.policy = policy;
        this.tasks = tasks;
        this.porting = porting;
    }

    /** Sets {@code installAt} and its readable text from the FOC date or the tentative install date. */
    public void confirm(DelegateExecution execution) {
        Object foc = execution.getVariable(FOC_AT);
        Date installAt = porting.needed(execution) && foc != null ? toDate(foc, FOC_AT)
                : toDate(execution.getVariable(TENTATIVE_INSTALL_AT), TENTATIVE_INSTALL_AT);
        set(execution, installAt);
    }

    /** The carrier moved the FOC date: new install time, a new invite sequence, and the install task's due date. */
    public void move(DelegateExecution execution) {
        Date installAt = toDate(execution.getVariable(FOC_AT), FOC_AT);
        set(execution, installAt);
        Number sequence = (Number) execution.getVariable(INSTALL_INVITE_SEQUENCE);
        execution.setVariable(INSTALL_INVITE_SEQUENCE, (sequence == null ? 0 : sequence.intValue()) + 1);
        tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ProvisioningProcess.TASK_INSTALL_ON_SITE).list()
                .forEach(task -> {
                    task.setDueDate(policy.onSiteBy(installAt));
                    tasks.saveTask(task);
                });
    }

    private void set(DelegateExecution execution, Date installAt) {
        execution.setVariable(INSTALL_AT, installAt);
        execution.setVariable(INSTALL_DATE_TEXT, policy.readable(installAt.toInstant()));
    }

    static Date toDate(Object value, String name) {
        if (value instanceof Date date) {
            return date;
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Date.from(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " is not a date and time with offset: " + text, e);
            }
        }
        throw new IllegalStateException(name + " is missing: the install time cannot be set");
    }
}
