package io.touchpoint.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.Json;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Issue 14: Touchpoint as configured keeps Camunda's full history of a ticket (what Cockpit, the KPIs and the portal
 * read) without the change log of each variable ({@link VariableChangeHistory}).
 */
@TouchpointSpringTest
class VariableChangeHistoryTest {

    static final String AGENT = "history-level-agent";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    FormService forms;

    @Test
    void aWorkedTicketKeepsItsHistoryWithoutAChangeLogOfItsVariables() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel()
                .getName()).isEqualTo("full-without-variable-changes");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        @SuppressWarnings("rawtypes")
        Map created = http.exchange("/api/tickets", HttpMethod.POST,
                new HttpEntity<>(Json.ticket("history-level@variables.example"), headers), Map.class).getBody();
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey((String) created.get("ticketNumber")).singleResult().getId();

        complete(instance, "UserTask_AcknowledgeTicket", Map.of());
        complete(instance, "UserTask_WorkTicket", Map.of("workOutcome", "RESOLVED", "resolution", "Replaced the line card."));

        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("resolution").singleResult().getValue()).as("a variable's value, as Cockpit shows it")
                .isEqualTo("Replaced the line card.");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).count())
                .as("every variable of the ticket").isGreaterThan(5);
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).finished().count())
                .as("the tasks done").isEqualTo(2);
        assertThat(history.createUserOperationLogQuery().processInstanceId(instance)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).userId(AGENT).count())
                .as("who completed the tasks, in the user operation log").isEqualTo(2);
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance).count())
                .as("no change log of the variables, nor of the forms submitted").isZero();
    }

    /**
     * The agent takes the task (the engine grants the assignee the task) and submits its form, logged in, as Tasklist
     * does ({@code POST /task/{id}/submit-form}).
     */
    void complete(String instance, String taskKey, Map<String, Object> variables) {
        Task task = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceId(instance).taskDefinitionKey(taskKey).singleResult(), found -> found != null);
        tasks.setAssignee(task.getId(), AGENT);
        identity.setAuthenticatedUserId(AGENT);
        try {
            forms.submitTaskForm(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
