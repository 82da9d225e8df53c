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
 * that group's queue and in the "Escalated" filter ({@link TaskPriorities#escalated(int)}). Records {@code escalatedTo}
 * for reports.
 */
@Component("escalateTask")
public class EscalateTaskDelegate implements JavaDelegate {

    /** The lowest priority of an escalated task ({@link TaskPriorities#ESCALATED}). */
    public static final int ESCALATED_PRIORITY = TaskPriorities.ESCALATED;
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
            tasks.setPriority(task.getId(), TaskPriorities.escalated(task.getPriority()));
        }
        execution.setVariable(ESCALATED_TO, group);
    }
}
