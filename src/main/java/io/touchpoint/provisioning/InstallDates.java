package io.touchpoint.provisioning;

import static io.touchpoint.provisioning.ProvisioningProcess.Vars.*;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * The install time of an order: the carrier's FOC date when numbers are ported, otherwise the tentative install
 * date set after the welcome call; then the date the customer and the installation coordinator agree (PRV-11). When
 * the carrier moves the FOC date, everything that depends on it moves: the install task's due date and the
 * technician's reminder (PRV-14).
 */
@Service
public class InstallDates {

    private final ProvisioningPolicy policy;
    private final TaskService tasks;
    private final Porting porting;
    private final ManagementService management;

    public InstallDates(ProvisioningPolicy policy, TaskService tasks, Porting porting, ManagementService management) {
        this.policy = policy;
        this.tasks = tasks;
        this.porting = porting;
        this.management = management;
    }

    /** Sets {@code installAt} and its readable text from the FOC date or the tentative install date. */
    public void confirm(DelegateExecution execution) {
        Object foc = execution.getVariable(FOC_AT);
        Date installAt = porting.needed(execution) && foc != null ? toDate(foc, FOC_AT)
                : toDate(execution.getVariable(TENTATIVE_INSTALL_AT), TENTATIVE_INSTALL_AT);
        set(execution, installAt);
    }

    /**
     * The coordinator decided on the customer's proposed date: accepted, the proposed date is the install time;
     * countered, the coordinator's date is, and goes to the customer again. Either way the invites are updated.
     */
    public void agree(DelegateExecution execution) {
        boolean accepted = "ACCEPT".equals(execution.getVariable(INSTALL_DATE_DECISION));
        Date installAt = accepted ? toDate(execution.getVariable(PROPOSED_INSTALL_AT), PROPOSED_INSTALL_AT)
                : toDate(execution.getVariable(COUNTER_INSTALL_AT), COUNTER_INSTALL_AT);
        set(execution, installAt);
        nextInviteSequence(execution);
    }

    /**
     * The carrier moved the FOC date: new install time, a new invite sequence, the install task's due date and the
     * technician's reminder.
     */
    public void move(DelegateExecution execution) {
        Date installAt = toDate(execution.getVariable(FOC_AT), FOC_AT);
        set(execution, installAt);
        nextInviteSequence(execution);
        tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ProvisioningProcess.TASK_INSTALL_ON_SITE).list()
                .forEach(task -> {
                    task.setDueDate(policy.onSiteBy(installAt));
                    tasks.saveTask(task);
                });
        management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
                .activityId(ProvisioningProcess.REMIND_TECHNICIAN).list()
                .forEach(job -> management.setJobDuedate(job.getId(), policy.remindTechnicianAt(installAt)));
    }

    private static void nextInviteSequence(DelegateExecution execution) {
        Number sequence = (Number) execution.getVariable(INSTALL_INVITE_SEQUENCE);
        execution.setVariable(INSTALL_INVITE_SEQUENCE, (sequence == null ? 0 : sequence.intValue()) + 1);
    }

    private void set(DelegateExecution execution, Date installAt) {
        execution.setVariable(INSTALL_AT, installAt);
        execution.setVariable(INSTALL_DATE_TEXT, policy.readable(installAt.toInstant()));
        execution.setVariable(ON_SITE_AT_TEXT, policy.readable(policy.onSiteBy(installAt).toInstant()));
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
