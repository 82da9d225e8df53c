package io.touchpoint.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.touchpoint.testing.Json;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14, "Faults": PostgreSQL restarted under load. A Touchpoint node ({@code java -jar}, profiles postgres and
 * cluster) on a private PostgreSQL server (never the shared one) takes tickets and quote requests; in the middle, the
 * server is stopped for a few seconds and started again. Touchpoint reconnects by itself (the connection pool drops
 * the broken connections and opens new ones); a request refused meanwhile is sent again by its client with the same
 * Idempotency-Key, as a client would. Asserted: every ticket and journey exists once and is at its expected step, no
 * incident, every email received (duplicates, by Message-ID, counted and reported).
 * <p>
 * {@code mvn verify -Pcluster}. Sizes: {@code -Dtouchpoint.restart.tickets} (default 150), {@code .journeys} (20),
 * {@code .down-seconds} (5).
 */
@ExtendWith(OtherThreadsDoNotFailTheWaits.class)
class PostgresRestartIT {

    static final int TICKETS = Integer.getInteger("touchpoint.restart.tickets", 150);
    static final int JOURNEYS = Integer.getInteger("touchpoint.restart.journeys", 20);
    static final int DOWN_SECONDS = Integer.getInteger("touchpoint.restart.down-seconds", 5);
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    final ExecutorService clients = Executors.newFixedThreadPool(6);
    final Map<String, String> created = new ConcurrentHashMap<>();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger answered = new AtomicInteger();

    PrivatePostgres server;
    ClusterDatabase database;
    GreenMail smtp;
    TouchpointNode node;

    @AfterEach
    void stopAll() {
        clients.shutdownNow();
        if (node != null) {
            node.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void touchpointReconnectsByItselfAndLosesNothingWhenPostgresRestartsUnderLoad() throws Exception {
        long began = System.nanoTime();
        server = PrivatePostgres.create();
        database = ClusterDatabase.create("127.0.0.1", server.port);
        int smtpPort = TouchpointNode.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // failed jobs retried after 5 s rather than a minute, so that the test ends soon
        node = TouchpointNode.start("restart-node", database.jdbcUrl(), smtpPort, Duration.ofMinutes(3),
                "--camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=R5/PT5S",
                "--spring.datasource.hikari.connection-timeout=5000");

        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            int index = i;
            work.add(clients.submit(() -> create("/api/tickets", "restart-ticket-" + index,
                    Json.ticket("restart-" + index + "@load.example"), "ticketNumber")));
            if (i % Math.max(1, TICKETS / Math.max(1, JOURNEYS)) == 0 && index / Math.max(1, TICKETS / JOURNEYS) < JOURNEYS) {
                work.add(clients.submit(() -> create("/api/quote-requests", "restart-quote-" + index, """
                        {"companyName": "Acme Dental %d", "contactName": "Ann Lee", "contactEmail": "quote-%d@load.example",
                         "phone": "+1 555 010 0100", "seats": 25, "requestedServices": ["HOSTED_VOICE"]}"""
                        .formatted(index, index), "quoteNumber")));
            }
        }

        // PostgreSQL goes down in the middle of it, and comes back a few seconds later
        await().atMost(ClusterIT.LOAD_PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> created.size() >= TICKETS / 3);
        server.stop();
        long stoppedAt = System.nanoTime();
        int createdBefore = created.size();
        await().pollDelay(Duration.ofSeconds(DOWN_SECONDS)).atMost(Duration.ofSeconds(DOWN_SECONDS + 1)).until(() -> true);
        server.start();
        double down = ClusterIT.seconds(stoppedAt);
        long deadline = System.nanoTime() + ClusterIT.LOAD_PATIENCE.toNanos();
        for (Future<?> each : work) {
            each.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        double firstAnswerAfterRestart = ClusterIT.seconds(stoppedAt);

        List<String> tickets = created.entrySet().stream().filter(each -> each.getKey().startsWith("restart-ticket"))
                .map(Map.Entry::getValue).toList();
        List<String> quotes = created.entrySet().stream().filter(each -> each.getKey().startsWith("restart-quote"))
                .map(Map.Entry::getValue).toList();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> database.dueJobs() == 0
                && database.unsentEmails() == 0 && database.statuses(tickets).keySet().equals(java.util.Set.of("ASSIGNED")));
        double recovered = ClusterIT.seconds(stoppedAt);

        Map<String, Long> received = ClusterIT.copiesByMessageId(smtp.getReceivedMessages());
        List<String> outbox = database.messageIds();
        long duplicates = ClusterIT.sentMoreThanOnce(smtp.getReceivedMessages()).size();
        List<String> lost = outbox.stream().filter(id -> !received.containsKey("<" + id + ">")).toList();
        System.out.printf("%n=== PostgreSQL restarted under load ===%n");
        System.out.printf("%d tickets and %d quote requests; %d created before the stop; server down %.1f s; %d requests "
                + "refused meanwhile and sent again (%d answered in all)%n", tickets.size(), quotes.size(), createdBefore,
                down, refused.get(), answered.get());
        System.out.printf("every request answered %.1f s after the stop; everything finished %.1f s after it; emails: "
                + "%d, %d sent twice or more, %d lost; whole test %.1f s%n%n", firstAnswerAfterRestart, recovered,
                outbox.size(), duplicates, lost.size(), ClusterIT.seconds(began));

        assertThat(tickets).hasSize(TICKETS);
        assertThat(database.tickets()).as("tickets, each once").isEqualTo(TICKETS);
        assertThat(database.statuses(tickets)).containsOnlyKeys("ASSIGNED");
        assertThat(database.journeysWaitingInPresales(quotes)).as("journeys at their first presales task")
                .isEqualTo(quotes.size());
        assertThat(database.duplicatedUserTasks()).isEmpty();
        assertThat(database.incidents()).isZero();
        assertThat(lost).as("emails never received").isEmpty();
        assertThat(outbox).as("an acknowledgement per ticket at least").hasSizeGreaterThanOrEqualTo(TICKETS);
    }

    /** POSTs until it is answered 201; a refusal (5xx, or no connection) is sent again with the same key. */
    void create(String path, String key, String body, String numberField) {
        String number = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try {
                HttpResponse<String> answer = http.send(ClusterIT.post(node.url(path), body)
                        .header("Idempotency-Key", key).build(), HttpResponse.BodyHandlers.ofString());
                answered.incrementAndGet();
                if (answer.statusCode() == 201) {
                    return JSON.readTree(answer.body()).get(numberField).asText();
                }
                if (answer.statusCode() < 500 && answer.statusCode() != 409) {
                    throw new AssertionError(path + " answered " + answer.statusCode() + ": " + answer.body());
                }
            } catch (java.io.IOException lost) {
                // no answer: sent again below
            }
            refused.incrementAndGet();
            return null;
        }, found -> found != null);
        created.put(key, number);
    }
}
