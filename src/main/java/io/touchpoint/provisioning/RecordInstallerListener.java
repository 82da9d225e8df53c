package io.touchpoint.provisioning;

import io.touchpoint.journey.CustomerJourneyProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * PRV-14: completing "Install on site" records who installed ({@code installedBy}), whom the installation survey
 * asks about.
 */
@Component("recordInstaller")
public class RecordInstallerListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.setVariable(CustomerJourneyProcess.Vars.INSTALLED_BY, task.getAssignee());
    }
}
