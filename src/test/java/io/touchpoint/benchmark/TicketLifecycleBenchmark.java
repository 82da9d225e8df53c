package io.touchpoint.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.support.TicketStatus;
import io.touchpoint.support.Tickets;
import io.touchpoint.testing.Json;
import io.touchpoint.testing.PostgresTestDatabase;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * Not part of {@code mvn verify}: {@code mvn -Pbenchmark verify} (H2) or {@code mvn -Pbenchmark,postgres verify}
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

    final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void ticketLifecycleAgainstTheBareEngine() throws Exception {
        Run warmTickets = run("touchpoint warm-up", WARMUP, this::wholeTicket);
        Shape shape = shapeOf(warmTickets.instances.get(0));
        deployBaseline(shape);
        run("baseline warm-up", WARMUP, this::wholeBaseline);

        Run touchpoint = run("touchpoint", TICKETS, this::wholeTicket);
        Run baseline = run("baseline", TICKETS, this::wholeBaseline);

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
    String wholeTicket(Run run) {
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
    String wholeBaseline(Run run) {
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

    void completeAsAssignee(Run run, String step, String instance, String taskKey, Map<String, Object> variables) {
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

    /** What a run measured: per-step latencies, the instances it started, and its rate until all had ended. */
    static final class Run {
        final String name;
        final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        final List<String> instances = new CopyOnWriteArrayList<>();
        final List<String> numbers = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        double seconds;
        int count;

        Run(String name) {
            this.name = name;
            TICKET_STEPS.forEach(step -> latencies.put(step, new CopyOnWriteArrayList<>()));
        }

        void record(String step, long startNanos) {
            latencies.get(step).add(System.nanoTime() - startNanos);
        }

        double perSecond() {
            return count / seconds;
        }

        double percentileMillis(String step, double p) {
            List<Long> sorted = new ArrayList<>(latencies.get(step));
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
        }
    }

    interface Journey {
        String drive(Run run) throws Exception;
    }

    /** Drives {@code count} journeys with the clients and waits until every one has ended, background steps included. */
    Run run(String name, int count, Journey journey) throws Exception {
        Run run = new Run(name);
        run.count = count;
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(clients.submit((Callable<Void>) () -> {
                try {
                    run.instances.add(journey.drive(run));
                } catch (Exception | AssertionError failed) {
                    run.failures.add(failed.toString());
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.MINUTES);
        }
        // done: no background step of any of them left to run now (a ticket then waits only for its rating survey)
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() -> run.instances.stream()
                .allMatch(id -> management.createJobQuery().processInstanceId(id).executable().count() == 0));
        run.seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s: %d in %.1f s%n", name, count, run.seconds);
        return run;
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

    void print(Shape shape, Run touchpoint, Run baseline) {
        String database = database();
        System.out.printf("%n=== Ticket lifecycle on %s: %d tickets, %d clients, after %d warm-up ===%n", database,
                TICKETS, CLIENTS, WARMUP);
        System.out.printf("baseline shape per ticket: %d user tasks, %d background steps, %d timers (%d activities)%n",
                shape.userTasks(), shape.backgroundSteps(), shape.timers(), shape.activities());
        System.out.printf("%-12s %12s | %-11s %9s %9s %9s%n", "run", "per second", "step", "p50 ms", "p95 ms", "p99 ms");
        for (Run run : List.of(touchpoint, baseline)) {
            for (String step : TICKET_STEPS) {
                System.out.printf("%-12s %12s | %-11s %9.1f %9.1f %9.1f%n", step.equals("open") ? run.name : "",
                        step.equals("open") ? String.format("%.1f", run.perSecond()) : "", step,
                        run.percentileMillis(step, 50), run.percentileMillis(step, 95), run.percentileMillis(step, 99));
            }
        }
        System.out.printf("Touchpoint at %.0f %% of the baseline's rate%n%n", 100 * touchpoint.perSecond() / baseline.perSecond());
    }

    void write(Shape shape, Run touchpoint, Run baseline) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("database", database());
        report.put("tickets", TICKETS);
        report.put("clients", CLIENTS);
        report.put("warmup", WARMUP);
        report.put("baselineShape", shape);
        report.put("ratio", touchpoint.perSecond() / baseline.perSecond());
        for (Run run : List.of(touchpoint, baseline)) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("perSecond", run.perSecond());
            figures.put("seconds", run.seconds);
            for (String step : TICKET_STEPS) {
                figures.put(step, Map.of("p50Ms", run.percentileMillis(step, 50), "p95Ms", run.percentileMillis(step, 95),
                        "p99Ms", run.percentileMillis(step, 99)));
            }
            report.put(run.name, figures);
        }
        Path file = Path.of("target", "benchmark", "ticket-lifecycle-" + database() + ".json");
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
        System.out.println("written " + file.toAbsolutePath());
    }

    static String database() {
        return Boolean.getBoolean(PostgresTestDatabase.ENABLED) ? "postgres" : "h2";
    }

    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), Map.class);
    }
}
