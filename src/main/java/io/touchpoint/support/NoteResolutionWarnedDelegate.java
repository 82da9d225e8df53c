package io.touchpoint.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Note that the agent was warned": the resolution warning goes out once per resolution target ({@code
 * resolutionWarned}; a reopened ticket's new target clears it).
 */
@Component("noteResolutionWarned")
public class NoteResolutionWarnedDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(SupportProcess.Vars.RESOLUTION_WARNED, true);
    }
}
