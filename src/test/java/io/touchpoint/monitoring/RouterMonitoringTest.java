package io.touchpoint.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.TestSmtp;
import com.sun.net.httpserver.HttpServer;
import io.touchpoint.provisioning.ProvisioningProcess;
import io.touchpoint.testing.TouchpointSpringTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PRV-14: a Peplink router's serial numbers reach the managed-service monitoring over HTTP, here a real local
 * HTTP server; when the monitoring fails, the step retries in the background and nothing is lost. Issue 14, "Faults":
 * when it keeps answering 500 or keeps timing out, the retries end in an incident on the step, where the journey
 * waits (it does not fail or go on without the registration) until an administrator retries it.
 */
@TouchpointSpringTest
class RouterMonitoringTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    record Call(String idempotencyKey, String apiKey, String body) {
    }

    static final List<Call> received = new CopyOnWriteArrayList<>();
    static final AtomicInteger failuresToGo = new AtomicInteger();
    /** How the monitoring fails while failures are to go: 503, 500, or no answer within the client's timeout. */
    static volatile String fault = "503";
    static final HttpServer monitoring = start();

    @DynamicPropertySource
    static void monitoringUrl(DynamicPropertyRegistry registry) {
        registry.add("touchpoint.monitoring.url",
                () -> "http://127.0.0.1:" + monitoring.getAddress().getPort() + "/registrations");
        registry.add("touchpoint.monitoring.api-key", () -> "monitoring-test-key");
        registry.add("touchpoint.monitoring.retry-cycle", () -> "R5/PT1S");
        registry.add("touchpoint.monitoring.timeout", () -> "PT1S");
    }

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @BeforeEach
    void reset() {
        received.clear();
        failuresToGo.set(0);
        fault = "503";
    }

    @AfterAll
    static void stop() {
        monitoring.stop(0);
    }

    @Test
    void peplinkSerialNumbersReachTheMonitoring() {
        ProcessInstance order = installedWithPeplink("O-2026-70001");

        await().atMost(Duration.ofSeconds(30)).until(() -> registration(order) != null);

        assertThat(registration(order)).isEqualTo("REGISTERED");
        assertThat(received).hasSize(1);
        Call call = received.get(0);
        assertThat(call.body()).contains("\"orderNumber\":\"O-2026-70001\"")
                .contains("\"serialNumbers\":[\"1824-ABCD-0001\",\"1824-ABCD-0002\"]");
        assertThat(call.apiKey()).isEqualTo("monitoring-test-key");
        assertThat(call.idempotencyKey()).isEqualTo(order.getId() + "/Task_RegisterRouter");
    }

    @Test
    void failingMonitoringIsRetriedUntilItAnswersAndNothingIsLost() {
        failuresToGo.set(2);
        ProcessInstance order = installedWithPeplink("O-2026-70002");

        await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().processInstanceId(order.getId())
                .activityId("Task_RegisterRouter").withException().count() > 0);
        assertThat(registration(order)).isNull();

        await().atMost(Duration.ofSeconds(60)).until(() -> registration(order) != null);
        assertThat(registration(order)).isEqualTo("REGISTERED");
        assertThat(received).hasSize(3).extracting(Call::idempotencyKey).containsOnly(order.getId() + "/Task_RegisterRouter");
        assertThat(runtime.getActiveActivityIds(order.getId())).containsExactly("ReceiveTask_PortCompleted");
    }

    @ParameterizedTest(name = "monitoring answers {0}")
    @ValueSource(strings = {"500", "timeout"})
    void monitoringThatKeepsFailingEndsInAnIncidentWhereTheJourneyWaitsUntilItIsRetried(String how) {
        fault = how;
        failuresToGo.set(Integer.MAX_VALUE);
        ProcessInstance order = installedWithPeplink("O-2026-7100" + (how.equals("500") ? 3 : 4));

        // R5/PT1S: five attempts in all (the engine counts the first among the five), then an incident on the step
        Incident incident = await().atMost(Duration.ofMinutes(2)).until(() -> runtime.createIncidentQuery()
                .processInstanceId(order.getId()).incidentType(Incident.FAILED_JOB_HANDLER_TYPE).singleResult(),
                found -> found != null);
        assertThat(incident.getActivityId()).isEqualTo("Task_RegisterRouter");
        assertThat(received).hasSize(5).extracting(Call::idempotencyKey).containsOnly(order.getId() + "/Task_RegisterRouter");
        // the journey waits at the step: not ended, not on without the registration
        assertThat(runtime.getActiveActivityIds(order.getId())).containsExactly("Task_RegisterRouter");
        assertThat(registration(order)).isNull();

        // the monitoring is back; an administrator retries the incident (Cockpit's "Retry"): registered once more, on
        failuresToGo.set(0);
        management.setJobRetries(incident.getConfiguration(), 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> registration(order) != null);
        assertThat(registration(order)).isEqualTo("REGISTERED");
        assertThat(received).hasSize(6).extracting(Call::idempotencyKey).containsOnly(order.getId() + "/Task_RegisterRouter");
        assertThat(runtime.createIncidentQuery().processInstanceId(order.getId()).count()).isZero();
        assertThat(runtime.getActiveActivityIds(order.getId())).containsExactly("ReceiveTask_PortCompleted");
    }

    private ProcessInstance installedWithPeplink(String orderNumber) {
        return runtime.createProcessInstanceByKey(ProvisioningProcess.PROCESS_ID).businessKey("Q-" + orderNumber)
                .startBeforeActivity("Task_RegisterRouter")
                .setVariables(Variables.putValue("orderNumber", orderNumber).putValue("companyName", "Acme Dental")
                        .putValue("routerModel", "PEPLINK").putValue("routerSerialNumbers", "1824-ABCD-0001\n1824-ABCD-0002")
                        .putValue(ProvisioningProcess.Vars.NUMBERS_TO_PORT, "+1 555 010 0101"))
                .execute();
    }

    private Object registration(ProcessInstance order) {
        var variable = history.createHistoricVariableInstanceQuery().processInstanceId(order.getId())
                .variableName(RegisterRouterDelegate.REGISTRATION).singleResult();
        return variable == null ? null : variable.getValue();
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/registrations", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Call(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        exchange.getRequestHeaders().getFirst("X-API-Key"), body));
                boolean failing = failuresToGo.getAndDecrement() > 0;
                if (failing && fault.equals("timeout")) {
                    try {
                        Thread.sleep(2_000); // the monitoring hangs: longer than the client's timeout of 1 s
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                int status = !failing ? 204 : fault.equals("timeout") ? 204 : Integer.parseInt(fault);
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
