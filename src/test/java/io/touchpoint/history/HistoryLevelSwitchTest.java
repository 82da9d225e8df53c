package io.touchpoint.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: an operator switches between {@code full} and {@value VariableChangeHistory#NAME} with a restart; the
 * engine, which keeps its history level in the database, starts at either and records as told.
 */
class HistoryLevelSwitchTest {

    /** One database, restarted with one level and then the other: the engine starts each time and records as told. */
    @Test
    void switchingBetweenFullAndWithoutVariableChangesIsARestart() {
        String url = "jdbc:h2:mem:history-level-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

        assertThat(changesRecorded(url, "full")).as("full: each change of a variable and each form value is recorded")
                .isEqualTo(FULL_DETAILS);
        assertThat(changesRecorded(url, VariableChangeHistory.NAME)).as("after the switch: none").isZero();
        assertThat(changesRecorded(url, "full")).as("and back: recorded again").isEqualTo(FULL_DETAILS);
    }

    @Test
    void aDatabaseAtAnotherLevelIsStillRefusedByTheEngine() {
        String url = "jdbc:h2:mem:history-level-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        changesRecorded(url, "audit");

        assertThatThrownBy(() -> changesRecorded(url, VariableChangeHistory.NAME))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("historyLevel mismatch");
    }

    /**
     * What {@code full} records for {@link #changesRecorded}: the variable set at the start, its change, and the form
     * submission (the submitted value, and the variable it writes).
     */
    static final int FULL_DETAILS = 4;

    /**
     * Starts an engine at the level on the database, sets a variable, changes it, submits the task's form with a third
     * value (as Tasklist does), and counts the historic details recorded.
     */
    static long changesRecorded(String url, String level) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("history-level-" + UUID.randomUUID())
                .setJdbcUrl(url)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(level)
                .setJobExecutorActivate(false);
        configuration.getProcessEnginePlugins().add(new VariableChangeHistory());
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            assertThat(engine.getManagementService().getProperties().get("historyLevel"))
                    .as("the level the database holds").isEqualTo(String.valueOf(configuration.getHistoryLevel().getId()));
            engine.getRepositoryService().createDeployment().addModelInstance("wait.bpmn",
                    Bpmn.createExecutableProcess("wait").name("Wait").camundaHistoryTimeToLive(1)
                            .startEvent().userTask("work").name("Work").endEvent().done()).deploy();
            String instance = engine.getRuntimeService().startProcessInstanceByKey("wait", Map.of("note", "first"))
                    .getId();
            engine.getRuntimeService().setVariable(instance, "note", "second");
            String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
            engine.getFormService().submitTaskForm(task, Map.of("note", "third"));
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                    .singleResult().getValue()).as("the variable's last value stays in history").isEqualTo("third");
            return engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance).count();
        } finally {
            engine.close();
        }
    }
}
