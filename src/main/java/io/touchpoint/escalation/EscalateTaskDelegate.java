package io.touchpoint.escalation;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The generic "escalate a late task" step: the open tasks of {@code taskDefinitionKey} in this process instance
 * are offered to {@code group} as well (input parameters), and raised to high priority, so the late task shows in
 * that group's queue. Records {@code escalatedTo} for reports.
 */
@Component("escalateTask")
public class EscalateTaskDelegate implements JavaDelegate {

    public static final int ESCALATED_PRIORITY = 80;
    /** The variable that records the group a late task went to, for reports. */
    public static final String ESCALATED_TO = "escalatedTo";

    private final TaskService tasks;

    public EscalateTaskDelegate(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskKey = (String) execution.getVariableLocal("taskDefinitionKey");
        String group = (String) execution.getVariableLocal("group");
        List<Task> late = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey).list();
        for (Task task : late) {
            tasks.addCandidateGroup(task.getId(), group);
            tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
        }
        execution.setVariable(ESCALATED_TO, group);
    }
}
