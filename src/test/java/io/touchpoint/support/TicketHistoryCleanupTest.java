package io.touchpoint.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.Json;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 14, point 5: the engine's history stays bounded. A finished ticket's history carries a removal time (its end
 * plus the history time to live, P180D); the nightly history cleanup (its batch window is configured) removes it once
 * that time has passed. Touchpoint's own rows of the ticket (the ticket, its timeline) are kept: they are the
 * customer's record, which the tracking page, the portal and the KPIs read; the customer still reads the closed
 * ticket after the engine has forgotten it.
 */
@TouchpointSpringTest
class TicketHistoryCleanupTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aFinishedTicketsHistoryIsRemovedByTheNightlyCleanupAfterItsTimeToLiveAndTheCustomerStillReadsTheTicket() {
        assertThat(history.findHistoryCleanupJobs()).as("the nightly cleanup is scheduled (batch window configured)")
                .isNotEmpty();
        ResponseEntity<Map> created = post("/api/tickets", Json.ticket("cleanup@history.example"), new HttpHeaders());
        String number = (String) created.getBody().get("ticketNumber");
        String token = (String) created.getBody().get("trackingToken");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        complete(instance, "UserTask_AcknowledgeTicket", Map.of());
        complete(instance, "UserTask_WorkTicket", Map.of("workOutcome", "RESOLVED", "resolution", "Router restarted."));
        assertThat(post("/api/tickets/" + number + "/confirmation?token=" + token, "{\"resolved\": true}",
                new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.OK);
        // the rating survey is never answered: its timers run out and the ticket's process ends
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            management.createJobQuery().processInstanceId(instance).list().forEach(this::execute);
            return runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0;
        });
        HistoricProcessInstance finished = history.createHistoricProcessInstanceQuery().processInstanceId(instance)
                .singleResult();
        assertThat(finished.getRemovalTime()).as("removal time: the end plus P180D")
                .isEqualTo(Date.from(finished.getEndTime().toInstant().plus(180, ChronoUnit.DAYS)));
        assertThat(historyOf(instance)).as("history rows of the ticket before the cleanup").isPositive();

        // a day before its removal time the cleanup leaves it; a day after, it removes all of it
        ClockUtil.setCurrentTime(Date.from(finished.getRemovalTime().toInstant().minus(1, ChronoUnit.DAYS)));
        cleanUp();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);
        ClockUtil.setCurrentTime(Date.from(finished.getRemovalTime().toInstant().plus(1, ChronoUnit.DAYS)));
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            cleanUp();
            return historyOf(instance) == 0;
        });

        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Tracking-Token", token);
        ResponseEntity<Map> ticket = http.exchange("/api/tickets/" + number, HttpMethod.GET, new HttpEntity<>(headers),
                Map.class);
        assertThat(ticket.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ticket.getBody()).containsEntry("status", "CLOSED");
        assertThat(TicketApiTest.types(ticket.getBody())).contains("RECEIVED", "RESOLVED", "CONFIRMED", "CLOSED");
    }

    /** The ticket's rows in the engine's history: instance, activities, tasks, variables, details, job log. */
    long historyOf(String instance) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(instance).count()
                + history.createHistoricActivityInstanceQuery().processInstanceId(instance).count()
                + history.createHistoricTaskInstanceQuery().processInstanceId(instance).count()
                + history.createHistoricVariableInstanceQuery().processInstanceId(instance).count()
                + history.createHistoricDetailQuery().processInstanceId(instance).count()
                + history.createHistoricJobLogQuery().processInstanceId(instance).count();
    }

    /**
     * The nightly cleanup, run now (as Cockpit's "clean up now" does), until one run went through: the job executor
     * may run the same cleanup job at that moment, and one of the two then loses it.
     */
    void cleanUp() {
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            try {
                Job job = history.cleanUpHistoryAsync(true);
                management.executeJob(job.getId());
                return true;
            } catch (org.camunda.bpm.engine.OptimisticLockingException ranMeanwhile) {
                return false;
            }
        });
    }

    void execute(Job job) {
        try {
            management.executeJob(job.getId());
        } catch (org.camunda.bpm.engine.ProcessEngineException ranMeanwhile) {
            // the job executor ran it at the same moment, or it is gone: the caller looks again
        }
    }

    void complete(String instance, String taskKey, Map<String, Object> variables) {
        Task task = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(taskKey).singleResult(), found -> found != null);
        tasks.complete(task.getId(), variables);
    }

    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> post(String path, String json, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), Map.class);
    }
}
