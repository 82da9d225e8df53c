package io.touchpoint.testing;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.util.List;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs the jobs that are due now, as the job executor would, in process tests: the asynchronous joins, the router
 * registration (HTTP), and timers whose time has come. Emails are no jobs: their steps queue them in the outbox.
 */
public final class AsyncSteps {

    private AsyncSteps() {
    }

    public static void runDue() {
        for (int i = 0; i < 50; i++) {
            List<Job> due = managementService().createJobQuery().executable().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            execute(due.get(0));
        }
        throw new AssertionError("async steps keep coming: a loop?");
    }
}
