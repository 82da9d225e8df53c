package io.touchpoint.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.support.TicketStatus;
import io.touchpoint.support.Tickets;
import io.touchpoint.testing.Json;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 14, points 1 and 2: the whole trouble ticket (opened by {@code POST /api/tickets}, acknowledged and resolved as
 * the assigned agent completes the tasks in Tasklist, confirmed by the customer through the tracking API, its emails
 * sent to a local SMTP server; it then waits only for the customer's rating), against a <em>baseline</em> measured in the same run: a process with the same user
 * tasks, customer answer, background steps and timers as a finished ticket had, read from the engine's history,
 * whose steps do nothing. The ratio of the two rates is Touchpoint's own overhead.
 * <p>
 * Not part of {@code mvn verify}: {@code mvn -Pbenchmark verify} (H2) or {@code mvn -Pbenchmark verify -Dtouchpoint.benchmark.postgres=true}
 * (PostgreSQL, a fresh database). Settings: {@code -Dtouchpoint.benchmark.tickets} (default 400),
 * {@code .clients} (8), {@code .warmup} (60). Prints a table and writes {@code target/benchmark/ticket-lifecycle-<db>.json}.
 * It asserts what must hold whatever the speed (every ticket closed, no 5xx, no refused step); speed is reported.
 */
@TouchpointSpringTest
class TicketLifecycleBenchmark {

    static final int TICKETS = Integer.getInteger("touchpoint.benchmark.tickets", 400);
    static final int CLIENTS = Integer.getInteger("touchpoint.benchmark.clients", 8);
    static final int WARMUP = Integer.getInteger("touchpoint.benchmark.warmup", 60);
    static final String BASELINE = "benchmarkBaseline";
    static final List<String> TICKET_STEPS = List.of("open", "acknowledge", "resolve", "confirm");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    Tickets tickets;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void ticketLifecycleAgainstTheBareEngine() throws Exception {
        BenchmarkRun warmTickets = run("touchpoint warm-up", WARMUP, this::wholeTicket);
        Shape shape = shapeOf(warmTickets.instances.get(0));
        deployBaseline(shape);
        run("baseline warm-up", WARMUP, this::wholeBaseline);

        BenchmarkRun touchpoint = run("touchpoint", TICKETS, this::wholeTicket);
        BenchmarkRun baseline = run("baseline", TICKETS, this::wholeBaseline);

        print(shape, touchpoint, baseline);
        write(shape, touchpoint, baseline);
        assertThat(touchpoint.failures).as("refused steps and 5xx answers").isEmpty();
        assertThat(baseline.failures).isEmpty();
        assertThat(touchpoint.numbers).hasSize(TICKETS).allSatisfy(number ->
                assertThat(tickets.find(number).orElseThrow().status()).as(number).isEqualTo(TicketStatus.CLOSED));
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(BASELINE).finished().count())
                .isEqualTo((long) WARMUP + TICKETS);
    }

    // --- the two journeys ----------------------------------------------------------------------------------

    /** One ticket, from the customer's request to their confirmation; its process instance id. */
    String wholeTicket(BenchmarkRun run) {
        long t0 = System.nanoTime();
        ResponseEntity<Map> created = post("/api/tickets", Json.ticket("bench-" + System.nanoTime() + "@load.example"));
        run.record("open", t0);
        if (created.getStatusCode() != HttpStatus.CREATED) {
            throw new IllegalStateException("open: " + created.getStatusCode() + " " + created.getBody());
        }
        String number = (String) created.getBody().get("ticketNumber");
        String token = (String) created.getBody().get("trackingToken");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        run.numbers.add(number);
        completeAsAssignee(run, "acknowledge", instance, "UserTask_AcknowledgeTicket", Map.of("acknowledgementNote", "On it"));
        completeAsAssignee(run, "resolve", instance, "UserTask_WorkTicket",
                Map.of("workOutcome", "RESOLVED", "resolution", "Restarted the router; the phones registered again."));
        long t3 = System.nanoTime();
        ResponseEntity<Map> confirmed = post("/api/tickets/" + number + "/confirmation?token=" + token, "{\"resolved\": true}");
        run.record("confirm", t3);
        if (confirmed.getStatusCode() != HttpStatus.OK) {
            throw new IllegalStateException("confirm " + number + ": " + confirmed.getStatusCode() + " " + confirmed.getBody());
        }
        return instance;
    }

    /** The same transactions on the bare engine: start, two tasks, the customer's answer, steps that do nothing. */
    String wholeBaseline(BenchmarkRun run) {
        String key = "B-" + System.nanoTime();
        long t0 = System.nanoTime();
        String instance = runtime.startProcessInstanceByKey(BASELINE, key).getId();
        run.record("open", t0);
        completeAsAssignee(run, "acknowledge", instance, "Task_First", Map.of("note", "On it"));
        completeAsAssignee(run, "resolve", instance, "Task_Second", Map.of("outcome", "RESOLVED"));
        long t3 = System.nanoTime();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10)).until(() -> runtime
                .createEventSubscriptionQuery().processInstanceId(instance).eventName("BaselineAnswer").count() == 1);
        runtime.createMessageCorrelation("BaselineAnswer").processInstanceId(instance).setVariable("resolved", true)
                .correlate();
        run.record("confirm", t3);
        return instance;
    }

    void completeAsAssignee(BenchmarkRun run, String step, String instance, String taskKey, Map<String, Object> variables) {
        long start = System.nanoTime();
        Task task = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10)).until(() -> tasks
                .createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult(), t -> t != null);
        String agent = task.getAssignee();
        if (agent != null) {
            identity.setAuthentication(agent, identity.createGroupQuery().groupMember(agent).list().stream()
                    .map(Group::getId).toList());
        }
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
        run.record(step, start);
    }

    // --- runs ------------------------------------------------------------------------------------------------

    /** Drives {@code count} with the clients; done when no background step of them is left to run (a ticket then
     * waits only for its rating survey). */
    BenchmarkRun run(String name, int count, BenchmarkRun.Drive drive) throws Exception {
        return BenchmarkRun.drive(clients, jdbc, name, TICKET_STEPS, count, drive,
                id -> management.createJobQuery().processInstanceId(id).executable().count() == 0);
    }

    // --- the baseline's shape, from a finished ticket's history ------------------------------------------------

    /** What one finished ticket did in the engine: its user tasks, background steps and timers. */
    record Shape(long userTasks, long backgroundSteps, long timers, long activities) {
    }

    Shape shapeOf(String ticketInstance) {
        List<HistoricJobLog> jobs = history.createHistoricJobLogQuery().processInstanceId(ticketInstance)
                .creationLog().list();
        long timers = jobs.stream().filter(job -> job.getJobDefinitionType() != null
                && job.getJobDefinitionType().startsWith("timer")).count();
        long background = jobs.size() - timers;
        long userTasks = history.createHistoricTaskInstanceQuery().processInstanceId(ticketInstance).count();
        long activities = history.createHistoricActivityInstanceQuery().processInstanceId(ticketInstance).count();
        return new Shape(userTasks, background, timers, activities);
    }

    /**
     * start, background steps, first task, second task (the timers on the two tasks, as the SLA timers are on the
     * ticket's), background steps, the customer's answer, background steps, end. The background steps are split over
     * the three places as evenly as they go.
     */
    void deployBaseline(Shape shape) {
        long steps = shape.backgroundSteps();
        long[] split = {steps - 2 * (steps / 3), steps / 3, steps / 3};
        ProcessBuilder process = Bpmn.createExecutableProcess(BASELINE).name("Benchmark baseline")
                .camundaHistoryTimeToLive(1);
        AbstractFlowNodeBuilder<?, ?> flow = process.startEvent("StartEvent_Baseline");
        flow = noOps(flow, "A", split[0]);
        UserTaskBuilder first = flow.userTask("Task_First").camundaAssignee("tim");
        for (int i = 0; i < (shape.timers() + 1) / 2; i++) {
            first.boundaryEvent("Timer_First" + i).cancelActivity(false).timerWithDuration("PT10H").endEvent("End_First" + i);
        }
        UserTaskBuilder second = first.userTask("Task_Second").camundaAssignee("tim");
        for (int i = 0; i < shape.timers() / 2; i++) {
            second.boundaryEvent("Timer_Second" + i).cancelActivity(false).timerWithDuration("PT10H")
                    .endEvent("End_Second" + i);
        }
        flow = second;
        flow = noOps(flow, "B", split[1]);
        flow = flow.receiveTask("Receive_Answer").message("BaselineAnswer");
        flow = noOps(flow, "C", split[2]);
        BpmnModelInstance model = flow.endEvent("EndEvent_Baseline").done();
        repository.createDeployment().name("benchmark baseline").addModelInstance("benchmark-baseline.bpmn", model).deploy();
    }

    private static AbstractFlowNodeBuilder<?, ?> noOps(AbstractFlowNodeBuilder<?, ?> flow, String place, long count) {
        for (int i = 0; i < count; i++) {
            flow = flow.serviceTask("Task_NoOp" + place + i).camundaExpression("${true}").camundaAsyncBefore();
        }
        return flow;
    }

    // --- output ----------------------------------------------------------------------------------------------

    void print(Shape shape, BenchmarkRun touchpoint, BenchmarkRun baseline) {
        System.out.printf("%n=== Ticket lifecycle on %s: %d tickets, %d clients, after %d warm-up ===%n",
                BenchmarkRun.database(), TICKETS, CLIENTS, WARMUP);
        System.out.printf("baseline shape per ticket: %d user tasks, %d background steps, %d timers (%d activities)%n",
                shape.userTasks(), shape.backgroundSteps(), shape.timers(), shape.activities());
        BenchmarkRun.printTable(List.of(touchpoint, baseline));
        System.out.printf("Touchpoint at %.0f %% of the baseline's rate%n%n", 100 * touchpoint.perSecond() / baseline.perSecond());
    }

    void write(Shape shape, BenchmarkRun touchpoint, BenchmarkRun baseline) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("database", BenchmarkRun.database());
        report.put("tickets", TICKETS);
        report.put("clients", CLIENTS);
        report.put("warmup", WARMUP);
        report.put("baselineShape", shape);
        report.put("ratio", touchpoint.perSecond() / baseline.perSecond());
        report.put(touchpoint.name, touchpoint.figures());
        report.put(baseline.name, baseline.figures());
        BenchmarkRun.write("ticket-lifecycle", report);
    }

    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), Map.class);
    }
}
