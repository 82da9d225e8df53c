package io.touchpoint.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.orders.OrderEventType;
import io.touchpoint.orders.OrderEvents;
import io.touchpoint.postsales.PostSalesProcess;
import io.touchpoint.presales.PresalesProcess;
import io.touchpoint.provisioning.InstallDateAnswers;
import io.touchpoint.provisioning.InstallDateLinks;
import io.touchpoint.provisioning.ProvisioningProcess;
import io.touchpoint.survey.SurveyAnswer;
import io.touchpoint.survey.SurveyService;
import io.touchpoint.testing.JourneyDriver;
import io.touchpoint.testing.Json;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 14, point 3: whole customer journeys per second, from the quote request ({@code POST /api/quote-requests})
 * to the end of post-sales (the customer in life-cycle support), under the same business key. Each client drives a
 * journey as the people and the outside providers would: it completes the open tasks of the journey (the happy
 * path: needs clear, own quote approved, no order change, the customer accepts the install date), posts the
 * providers' order events over HTTP when a stage waits for one ({@code POST /api/orders/{n}/events}: signed, paid,
 * LOA, FOC, equipment, port, first invoice), accepts the install date and answers the installation survey as the
 * customer's pages do, and, when the journey waits only for time, moves its earliest timer with the engine
 * ({@code ManagementService.executeJob}) instead of waiting for it. Asynchronous steps are left to the job executor.
 * <p>
 * Settings: {@code -Dtouchpoint.benchmark.journeys} (default 60), {@code .clients} (8), {@code .journey-warmup}
 * (8). Prints journeys per second and p50/p95/p99 of each phase, writes
 * {@code target/benchmark/journeys-<db>.json}. Asserts what must hold whatever the speed: every journey ended at
 * {@code EndEvent_CustomerActive}, no 5xx, no step refused more than its retries.
 */
@TouchpointSpringTest
class JourneyBenchmark {

    static final int JOURNEYS = Integer.getInteger("touchpoint.benchmark.journeys", 60);
    static final int CLIENTS = Integer.getInteger("touchpoint.benchmark.clients", 8);
    static final int WARMUP = Integer.getInteger("touchpoint.benchmark.journey-warmup", 8);
    static final String QUOTE = "quote request";
    static final List<String> PHASES = List.of(QUOTE, PresalesProcess.PROCESS_ID, ProvisioningProcess.PROCESS_ID,
            PostSalesProcess.PROCESS_ID);
    static final ZoneId NEW_YORK = JourneyDriver.NEW_YORK;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InstallDateAnswers installDates;
    @Autowired
    InstallDateLinks installDateLinks;
    @Autowired
    SurveyService surveys;
    @Autowired
    OrderEvents events;
    @Value("${touchpoint.events.api-key}")
    String eventsKey;

    JourneyDriver driver;
    final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    /** Task completions and event deliveries refused because a background step moved the same instance; retried. */
    final AtomicInteger collisions = new AtomicInteger();
    final AtomicInteger timersMoved = new AtomicInteger();
    final AtomicInteger orderEvents = new AtomicInteger();

    @BeforeEach
    void driver() {
        driver = new JourneyDriver(tasks, history, management, events);
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void wholeJourneysFromQuoteRequestToLifeCycleSupport() throws Exception {
        BenchmarkRun warm = run("warm-up", WARMUP);
        assertThat(warm.failures).as("warm-up").isEmpty();
        collisions.set(0);
        timersMoved.set(0);
        orderEvents.set(0);
        BenchmarkRun journeys = run("touchpoint", JOURNEYS);

        System.out.printf("%n=== Whole journeys on %s: %d journeys, %d clients, after %d warm-up ===%n",
                BenchmarkRun.database(), JOURNEYS, CLIENTS, WARMUP);
        System.out.printf("per journey: %.1f order events, %.1f timers moved; %d collisions retried%n",
                orderEvents.get() / (double) JOURNEYS, timersMoved.get() / (double) JOURNEYS, collisions.get());
        BenchmarkRun.printTable(List.of(journeys));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("database", BenchmarkRun.database());
        report.put("journeys", JOURNEYS);
        report.put("clients", CLIENTS);
        report.put("warmup", WARMUP);
        report.put("orderEventsPerJourney", orderEvents.get() / (double) JOURNEYS);
        report.put("timersMovedPerJourney", timersMoved.get() / (double) JOURNEYS);
        report.put("collisionsRetried", collisions.get());
        report.put(journeys.name, journeys.figures());
        BenchmarkRun.write("journeys", report);

        assertThat(journeys.failures).as("refused steps and 5xx answers").isEmpty();
        assertThat(journeys.instances).hasSize(JOURNEYS).allSatisfy(id -> assertThat(history
                .createHistoricActivityInstanceQuery().processInstanceId(id).activityId("EndEvent_CustomerActive")
                .count()).as(id).isEqualTo(1));
    }

    BenchmarkRun run(String name, int count) throws Exception {
        return BenchmarkRun.drive(clients, jdbc, name, PHASES, count, this::wholeJourney, id -> history
                .createHistoricProcessInstanceQuery().processInstanceId(id).finished().count() == 1);
    }

    // --- one journey ---------------------------------------------------------------------------------------------

    /** One journey, from the customer's quote request to life-cycle support; the journey's process instance id. */
    @SuppressWarnings("rawtypes")
    String wholeJourney(BenchmarkRun run) throws InterruptedException {
        String company = "Bench " + System.nanoTime();
        long started = System.nanoTime();
        ResponseEntity<Map> created = post("/api/quote-requests", """
                {"companyName": "%s", "contactName": "Ann Lee", "contactEmail": "ann-%d@load.example",
                 "phone": "+1 555 010 0100", "seats": 8, "requestedServices": ["HOSTED_VOICE"],
                 "currentProvider": "Old Telco", "notes": "One site"}""".formatted(company, System.nanoTime()), null);
        run.record(QUOTE, started);
        if (created.getStatusCode() != HttpStatus.CREATED) {
            throw new IllegalStateException("quote request: " + created.getStatusCode() + " " + created.getBody());
        }
        String quote = (String) created.getBody().get("quoteNumber");
        run.numbers.add(quote);
        String journey = runtime.createProcessInstanceQuery().processDefinitionKey(CustomerJourneyProcess.PROCESS_ID)
                .processInstanceBusinessKey(quote).singleResult().getId();
        String phase = PresalesProcess.PROCESS_ID;
        long phaseStarted = System.nanoTime();
        long deadline = System.nanoTime() + 10L * 60 * 1_000_000_000;
        while (history.createHistoricProcessInstanceQuery().processInstanceId(journey).finished().count() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(quote + " did not end in 10 minutes; waiting at "
                        + runtime.getActiveActivityIds(journey));
            }
            List<ProcessInstance> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(quote).list();
            Optional<String> stage = running.stream().map(JourneyBenchmark::key).filter(PHASES::contains).findFirst();
            if (stage.isPresent() && !stage.get().equals(phase)) {
                run.record(phase, phaseStarted);
                phase = stage.get();
                phaseStarted = System.nanoTime();
            }
            if (!step(quote, running)) {
                Thread.sleep(10);
            }
        }
        run.record(phase, phaseStarted);
        return journey;
    }

    /** Moves the journey one step as the people, providers and customer would; false when it waits for the job executor. */
    boolean step(String quote, List<ProcessInstance> running) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(quote).list();
        if (!open.isEmpty()) {
            open.forEach(task -> retried(() -> complete(task)));
            return true;
        }
        for (ProcessInstance instance : running) {
            for (EventSubscription waiting : runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
                    .eventType("message").list()) {
                if (answer(quote, instance, waiting.getEventName())) {
                    return true;
                }
            }
        }
        String[] ids = running.stream().map(ProcessInstance::getId).toArray(String[]::new);
        if (ids.length == 0 || management.createJobQuery().processInstanceIds(java.util.Set.of(ids)).executable()
                .messages().count() > 0) {
            return false; // background steps: the job executor's
        }
        Optional<Job> timer = management.createJobQuery().processInstanceIds(java.util.Set.of(ids)).timers().list()
                .stream().min(Comparator.comparing(Job::getDuedate));
        timer.ifPresent(job -> {
            retried(() -> management.executeJob(job.getId()));
            timersMoved.incrementAndGet();
        });
        return timer.isPresent();
    }

    /** The happy path's answer to each task, as the person it is for fills its form. */
    void complete(Task task) {
        driver.complete(task, ZonedDateTime.now(NEW_YORK).plusDays(3).withHour(10).truncatedTo(ChronoUnit.HOURS));
    }

    /** What the providers and the customer send when a stage waits for them; false for a message of another path. */
    boolean answer(String quote, ProcessInstance instance, String message) {
        if (message.equals(ProvisioningProcess.Messages.INSTALL_DATE_ACCEPTED)) {
            String order = order(instance);
            retried(() -> installDates.accept(order, installDateLinks.token(order)));
            return true;
        }
        if (message.equals("InstallationSurveyAnswered")) {
            Optional<SurveyService.NewSurvey> survey = surveys.portalLink(quote);
            survey.ifPresent(open -> retried(() -> surveys.answer(open.id(),
                    new SurveyAnswer(open.token(), 5, 5, "Great install"))));
            return survey.isPresent();
        }
        for (OrderEventType type : OrderEventType.values()) {
            if (type.message.equals(message) && type.receivedAtVariable != null) {
                String focAt = type.carries == OrderEventType.Carries.FOC_AT ? ", \"focAt\": \""
                        + OffsetDateTime.now(NEW_YORK).plusDays(14).withHour(9).truncatedTo(ChronoUnit.HOURS) + "\"" : "";
                String order = order(instance);
                ResponseEntity<Map> sent = post("/api/orders/" + order + "/events", "{\"type\": \"" + type + "\"" + focAt
                        + "}", eventsKey);
                orderEvents.incrementAndGet();
                if (sent.getStatusCode().is5xxServerError()) {
                    throw new IllegalStateException(type + " for " + order + ": " + sent.getStatusCode() + " " + sent.getBody());
                }
                return true;
            }
        }
        return false;
    }

    String order(ProcessInstance instance) {
        return (String) runtime.getVariable(instance.getId(), CustomerJourneyProcess.Vars.ORDER_NUMBER);
    }

    /** Runs a step again when a background step of the same instance changed it at the same moment (up to 5 times). */
    void retried(Runnable step) {
        for (int attempt = 1; ; attempt++) {
            try {
                step.run();
                return;
            } catch (OptimisticLockingException collided) {
                collisions.incrementAndGet();
                if (attempt == 5) {
                    throw collided;
                }
            }
        }
    }

    static String key(ProcessInstance instance) {
        String definition = instance.getProcessDefinitionId();
        return definition.substring(0, definition.indexOf(':'));
    }

    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> post(String path, String json, String apiKey) {
        return http.postForEntity(path, Json.body(json, apiKey), Map.class);
    }
}
