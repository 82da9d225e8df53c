package io.touchpoint.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.touchpoint.testing.Json;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14, "Cluster": two Touchpoint nodes ({@code java -jar}, profiles postgres and cluster) on one fresh PostgreSQL
 * database, both with their job executors on, take tickets and quote requests through the HTTP APIs; agents work
 * some tickets through the engine's REST API and customers confirm them, and SLA warning timers of others are moved
 * to due. In the middle, one node is killed with {@code kill -9}. The survivor must finish everything once the dead
 * node's job locks (lock time, application-cluster.yaml) and email claims have run out: every ticket and journey at
 * its expected end, no user task twice, no incident, every email sent (a duplicate, recognisable by its Message-ID,
 * is counted and reported, not hidden).
 * <p>
 * {@code mvn verify -Pcluster} (after package; PostgreSQL on 127.0.0.1:5432, user postgres, trust authentication).
 * Sizes: {@code -Dtouchpoint.cluster.tickets} (default 1500), {@code .worked} (200 of them closed),
 * {@code .timed} (150 with their first-response warning due), {@code .journeys} (150), {@code .clients} (12).
 */
@ExtendWith(OtherThreadsDoNotFailTheWaits.class)
class ClusterIT {

    static final int TICKETS = Integer.getInteger("touchpoint.cluster.tickets", 1500);
    static final int WORKED = Integer.getInteger("touchpoint.cluster.worked", 200);
    static final int TIMED = Integer.getInteger("touchpoint.cluster.timed", 150);
    static final int JOURNEYS = Integer.getInteger("touchpoint.cluster.journeys", 150);
    static final int CLIENTS = Integer.getInteger("touchpoint.cluster.clients", 12);
    /** Instances of a process deployed by the test: background steps and a timer, then a user task. */
    static final int BACKGROUND = Integer.getInteger("touchpoint.cluster.background", 300);
    static final String BACKGROUND_PROCESS = "clusterBackgroundSteps";
    static final List<String> BACKGROUND_STEPS = List.of("Task_StepOne", "Task_StepTwo", "Task_StepThree");

    /** How long the load may take to reach the kill, and then to be driven to the end (it waits only that long). */
    static final Duration LOAD_PATIENCE = Duration.ofMinutes(20);
    static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    enum Role { OPENED, WORKED, TIMED }

    record Ticket(int index, Role role, String number, String token) {
    }

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    final HttpClient survivorHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final List<Ticket> tickets = new CopyOnWriteArrayList<>();
    final List<String> quotes = new CopyOnWriteArrayList<>();
    final List<String> backgroundKeys = new CopyOnWriteArrayList<>();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger movedToSurvivor = new AtomicInteger();
    final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

    GreenMail smtp;
    ClusterDatabase database;
    TouchpointNode a;
    TouchpointNode b;
    volatile boolean killed;

    @AfterEach
    void stopAll() {
        clients.shutdownNow();
        for (TouchpointNode node : new TouchpointNode[] {a, b}) {
            if (node != null) {
                node.stop();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void twoNodesShareTheWorkAndTheSurvivorOfAKillFinishesEverything() throws Exception {
        long began = System.nanoTime();
        int smtpPort = TouchpointNode.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        database = ClusterDatabase.create("127.0.0.1", 5432);
        a = TouchpointNode.start("node-a", database.jdbcUrl(), smtpPort, Duration.ofMinutes(3));
        b = TouchpointNode.start("node-b", database.jdbcUrl(), smtpPort, Duration.ofMinutes(3));
        double startup = seconds(began);
        deployBackgroundProcess();

        // the load: tickets and quote requests spread over both nodes; some tickets worked to the end, some warned
        long loadStarted = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        int journeyEvery = Math.max(1, TICKETS / Math.max(1, JOURNEYS));
        int journeys = 0;
        int backgroundEvery = Math.max(1, TICKETS / Math.max(1, BACKGROUND));
        int background = 0;
        for (int i = 0; i < TICKETS; i++) {
            int index = i;
            Role role = role(i);
            work.add(clients.submit(() -> drive(index, role)));
            if (i % journeyEvery == 0 && journeys < JOURNEYS) {
                int journey = journeys++;
                work.add(clients.submit(() -> quoteRequest(journey)));
            }
            if (i % backgroundEvery == 0 && background < BACKGROUND) {
                int instance = background++;
                work.add(clients.submit(() -> startBackground(instance)));
            }
        }

        // kill -9 one node in the middle of it
        // (patient: on a quiet machine half the tickets are open after about a minute; under a load of 30 it took 10)
        await().atMost(LOAD_PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> opened.get() >= TICKETS / 2);
        ClusterDatabase.Snapshot atKill = database.snapshot(a.pid());
        a.kill();
        killed = true;
        long killedAt = System.nanoTime();
        System.out.printf("killed %s (pid %d) after %.1f s of load, %d tickets opened: %d jobs locked, %d emails claimed "
                + "by it%n", a.name, a.pid(), seconds(loadStarted), opened.get(), atKill.lockedJobs().size(),
                atKill.claimedEmails());

        long deadline = System.nanoTime() + LOAD_PATIENCE.toNanos();
        for (Future<?> each : work) {
            each.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        double driven = seconds(loadStarted);
        assertThat(failures).as("requests that failed").isEmpty();

        // the survivor finishes everything: the dead node's jobs once their locks have run out, its emails likewise
        List<String> worked = numbers(Role.WORKED);
        List<String> timed = numbers(Role.TIMED);
        double[] lockedDoneAfter = {Double.NaN};
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (Double.isNaN(lockedDoneAfter[0]) && database.remaining(atKill.lockedJobs()) == 0) {
                lockedDoneAfter[0] = seconds(killedAt);
            }
            return database.dueJobs() == 0 && database.unsentEmails() == 0
                    && database.waitingAt(backgroundKeys, "Task_Check") == backgroundKeys.size() && database.closed(worked) == worked.size()
                    && database.warned(timed) == timed.size();
        });
        double recovered = seconds(killedAt);

        // what a user would notice
        Map<String, Long> received = copiesByMessageId(smtp.getReceivedMessages());
        List<String> outbox = database.messageIds();
        Map<String, Long> duplicates = sentMoreThanOnce(smtp.getReceivedMessages());
        List<String> lost = outbox.stream().filter(id -> !received.containsKey("<" + id + ">")).toList();
        List<String> duplicatedTasks = database.duplicatedUserTasks();

        System.out.printf("%n=== Cluster test: 2 nodes, one killed with kill -9 ===%n");
        System.out.printf("start-up of both nodes %.1f s; load driven in %.1f s by %d clients%n", startup, driven, CLIENTS);
        System.out.printf("tickets %d (%d closed, %d first-response warnings due, %d waiting for acknowledgement); "
                + "journeys %d%n", tickets.size(), worked.size(), timed.size(),
                tickets.size() - worked.size() - timed.size(), quotes.size());
        System.out.printf("background-step instances %d (3 asynchronous steps and a timer each)%n",
                backgroundKeys.size());
        System.out.printf("kill -9 after %d tickets opened: %d jobs locked (any node), %d emails claimed by the dead node;"
                + " requests moved to the survivor: %d%n", atKill.openedTickets(), atKill.lockedJobs().size(),
                atKill.claimedEmails(), movedToSurvivor.get());
        System.out.printf("jobs locked at the kill all done %.1f s after it; everything finished %.1f s after it%n",
                lockedDoneAfter[0], recovered);
        System.out.printf("emails: %d in the outbox, %d copies received (one per recipient), %d distinct Message-IDs, %d sent twice or more"
                + " %s, %d lost%n", outbox.size(), received.values().stream().mapToLong(Long::longValue).sum(),
                received.size(), duplicates.size(), duplicates.isEmpty() ? "" : duplicates.keySet(), lost.size());
        System.out.printf("duplicated user tasks %d; open incidents %d; whole test %.1f s%n%n", duplicatedTasks.size(),
                database.incidents(), seconds(began));

        assertThat(database.tickets()).as("tickets in the database").isEqualTo(TICKETS);
        assertThat(database.statuses(numbers(Role.OPENED))).as("opened tickets").containsOnlyKeys("ASSIGNED");
        assertThat(database.statuses(timed)).as("warned tickets").containsOnlyKeys("ASSIGNED");
        assertThat(database.statuses(worked)).as("worked tickets").containsOnlyKeys("CLOSED");
        assertThat(database.journeysWaitingInPresales(quotes)).as("journeys at their first presales task")
                .isEqualTo(JOURNEYS);
        assertThat(database.waitingAt(backgroundKeys, "Task_Check")).as("background-step instances at their task")
                .isEqualTo(BACKGROUND);
        for (String step : BACKGROUND_STEPS) {
            assertThat(database.activitiesDone(BACKGROUND_PROCESS, step)).as(step + ", once per instance").isEqualTo(BACKGROUND);
        }
        assertThat(duplicatedTasks).as("user tasks created twice").isEmpty();
        assertThat(database.incidents()).as("incidents").isZero();
        assertThat(lost).as("emails never received").isEmpty();
        assertThat(received.keySet()).as("every received email is one of the outbox")
                .allSatisfy(id -> assertThat(outbox).contains(id.substring(1, id.length() - 1)));
    }

    // --- the clients -----------------------------------------------------------------------------------------

    static Role role(int i) {
        int workedEvery = Math.max(1, TICKETS / Math.max(1, WORKED));
        int timedEvery = Math.max(1, TICKETS / Math.max(1, TIMED));
        if (WORKED > 0 && i % workedEvery == 0) {
            return Role.WORKED;
        }
        return TIMED > 0 && i % timedEvery == 1 ? Role.TIMED : Role.OPENED;
    }

    void drive(int index, Role role) {
        try {
            Ticket ticket = open(index, role);
            opened.incrementAndGet();
            tickets.add(ticket);
            switch (role) {
                case WORKED -> {
                    complete(index, ticket.number(), "UserTask_AcknowledgeTicket",
                            Map.of("acknowledgementNote", Map.of("value", "On it")));
                    complete(index, ticket.number(), "UserTask_WorkTicket", Map.of("workOutcome", Map.of("value",
                            "RESOLVED"), "resolution", Map.of("value", "Restarted the router; the phones work again.")));
                    confirm(index, ticket);
                }
                case TIMED -> warnNow(index, ticket.number());
                case OPENED -> {
                }
            }
        } catch (Exception | AssertionError failed) {
            failures.add("ticket " + index + ": " + failed);
        }
    }

    Ticket open(int index, Role role) throws Exception {
        String body = Json.ticket("cluster-" + index + "@load.example");
        HttpResponse<String> created = send(index, node -> post(node.url("/api/tickets"), body)
                .header("Idempotency-Key", "cluster-ticket-" + index).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode json = JSON.readTree(created.body());
        return new Ticket(index, role, json.get("ticketNumber").asText(), json.get("trackingToken").asText());
    }

    void quoteRequest(int index) {
        String body = """
                {"companyName": "Acme Dental %d", "contactName": "Ann Lee", "contactEmail": "quote-%d@load.example",
                 "phone": "+1 555 010 0100", "seats": 25, "requestedServices": ["HOSTED_VOICE", "FIBER_INTERNET"]}"""
                .formatted(index, index);
        try {
            HttpResponse<String> created = send(index, node -> post(node.url("/api/quote-requests"), body)
                    .header("Idempotency-Key", "cluster-quote-" + index).build());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            quotes.add(JSON.readTree(created.body()).get("quoteNumber").asText());
        } catch (Exception | AssertionError failed) {
            failures.add("quote request " + index + ": " + failed);
        }
    }

    /**
     * Deploys, through the engine's REST API, a process of background steps: three asynchronous steps that do nothing
     * and a 2-second timer, then a user task. Every node runs its jobs (deployment-aware false).
     */
    void deployBackgroundProcess() throws Exception {
        String model = Bpmn.convertToString(Bpmn.createExecutableProcess(BACKGROUND_PROCESS).name("Cluster test: background steps")
                .camundaHistoryTimeToLive(1).startEvent("StartEvent_Started")
                .serviceTask(BACKGROUND_STEPS.get(0)).camundaExpression("${true}").camundaAsyncBefore()
                .serviceTask(BACKGROUND_STEPS.get(1)).camundaExpression("${true}").camundaAsyncBefore()
                .intermediateCatchEvent("Timer_TwoSeconds").timerWithDuration("PT2S")
                .serviceTask(BACKGROUND_STEPS.get(2)).camundaExpression("${true}").camundaAsyncBefore()
                .userTask("Task_Check").camundaAssignee("admin")
                .endEvent("EndEvent_Done").done());
        String boundary = "cluster-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ncluster test\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"cluster-background.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> deployed = client(a).send(HttpRequest.newBuilder(URI.create(a.url("/engine-rest/deployment/create")))
                .header("Authorization", admin()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    }

    /** Starts an instance of the background steps through the engine's REST API. */
    void startBackground(int index) {
        String key = "CLUSTER-" + index;
        try {
            HttpResponse<String> started = send(index, node -> post(node.url("/engine-rest/process-definition/key/"
                    + BACKGROUND_PROCESS + "/start"), "{\"businessKey\": \"" + key + "\"}")
                    .header("Authorization", admin()).build());
            if (started.statusCode() != 200 && database.instances(key) == 0) {
                throw new AssertionError("starting " + key + ": " + started.statusCode() + " " + started.body());
            }
            // (not 200 but there: started on the killed node, whose answer was lost)
            backgroundKeys.add(key);
        } catch (Exception | AssertionError failed) {
            failures.add("background instance " + index + ": " + failed);
        }
    }

    /** The assignee completes the ticket's task through the engine's REST API (once it exists). */
    void complete(int index, String number, String taskKey, Map<String, Object> variables) throws Exception {
        JsonNode task = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> task(index, number, taskKey), found -> found != null);
        String body = JSON.writeValueAsString(Map.of("variables", variables));
        String assignee = task.get("assignee").asText();
        HttpResponse<String> done = send(index, node -> post(node.url("/engine-rest/task/" + task.get("id").asText()
                + "/complete"), body).header("Authorization", basic(assignee, "demo")).build());
        if (done.statusCode() != 204 && task(index, number, taskKey) != null) {
            throw new AssertionError("completing " + taskKey + " of " + number + ": " + done.statusCode() + " " + done.body());
        }
        // (not 204 but gone: its completion committed on the killed node, whose answer was lost)
    }

    JsonNode task(int index, String number, String taskKey) throws Exception {
        JsonNode found = get(index, "/engine-rest/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + taskKey);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The customer confirms the resolution on the tracking API, once the ticket waits for it. */
    void confirm(int index, Ticket ticket) {
        String path = "/api/tickets/" + ticket.number() + "?token=" + ticket.token();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            String status = JSON.readTree(send(index, node -> HttpRequest.newBuilder(URI.create(node.url(path))).build())
                    .body()).get("status").asText();
            if (status.equals("CLOSED")) {
                return true;
            }
            if (!status.equals("RESOLVED")) {
                return false;
            }
            return send(index, node -> post(node.url("/api/tickets/" + ticket.number() + "/confirmation?token="
                    + ticket.token()), "{\"resolved\": true}").build()).statusCode() == 200;
        });
    }

    /** An administrator moves the ticket's first-response warning timer to now (Cockpit's "change due date"). */
    void warnNow(int index, String number) throws Exception {
        String instance = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode found = get(index, "/engine-rest/process-instance?processDefinitionKey=troubleTicket&businessKey="
                    + number);
            return found.isEmpty() ? null : found.get(0).get("id").asText();
        }, id -> id != null);
        String job = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode found = get(index, "/engine-rest/job?processInstanceId=" + instance
                    + "&activityId=BoundaryEvent_FirstResponseWarning");
            return found.isEmpty() ? null : found.get(0).get("id").asText();
        }, id -> id != null);
        String due = JSON.writeValueAsString(Map.of("duedate",
                ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1).format(ENGINE_DATE)));
        HttpResponse<String> moved = send(index, node -> HttpRequest.newBuilder(URI.create(node.url("/engine-rest/job/"
                + job + "/duedate"))).header("Content-Type", "application/json").header("Authorization", admin())
                .PUT(HttpRequest.BodyPublishers.ofString(due)).build());
        if (moved.statusCode() != 204 && !get(index, "/engine-rest/job?jobId=" + job).isEmpty()) {
            throw new AssertionError("moving the warning of " + number + ": " + moved.statusCode() + " " + moved.body());
        }
        // (not 204 but gone: moved on the killed node, whose answer was lost, and the warning has run since)
    }

    // --- HTTP, to either node; to the survivor once the other is dead -----------------------------------------

    /** The request to the index's node; when that node was killed meanwhile, the same request to the survivor. */
    HttpResponse<String> send(int index, Function<TouchpointNode, HttpRequest> request) throws Exception {
        TouchpointNode node = killed || index % 2 == 1 ? b : a;
        try {
            return client(node).send(request.apply(node), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException lost) {
            TouchpointNode again = node;
            if (node == a && (killed || !a.alive())) {
                // A died: its request, or one on a connection its death disturbed, once more to the survivor
                await().atMost(Duration.ofSeconds(30)).until(() -> !a.alive());
                movedToSurvivor.incrementAndGet();
                again = b;
            }
            // else a live node's connection broke as the request left (a server closing a kept-alive connection): the
            // same request again, as a client does; tickets carry their Idempotency-Key, so a resend never opens a
            // second one
            for (int attempt = 1; ; attempt++) {
                try { // a client of its own: the JDK's client may stay disturbed by the broken connections
                    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build().send(request.apply(again),
                            HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException failedAgain) {
                    if (attempt == 3) {
                        throw failedAgain;
                    }
                    if (again == a && (killed || !a.alive())) {
                        movedToSurvivor.incrementAndGet();
                        again = b;
                    }
                }
            }
        }
    }

    /** A client of its own per node, so that connections to the killed node disturb none to the survivor. */
    HttpClient client(TouchpointNode node) {
        return node == a ? http : survivorHttp;
    }

    JsonNode get(int index, String path) throws Exception {
        HttpResponse<String> answer = send(index, node -> HttpRequest.newBuilder(URI.create(node.url(path)))
                .header("Authorization", admin()).build());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    static HttpRequest.Builder post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    static String admin() {
        return basic("admin", "admin");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    List<String> numbers(Role role) {
        return tickets.stream().filter(ticket -> ticket.role() == role).map(Ticket::number).toList();
    }

    /** Copies received per Message-ID (GreenMail keeps one copy per recipient). */
    static Map<String, Long> copiesByMessageId(MimeMessage[] messages) throws MessagingException {
        Map<String, Long> received = new LinkedHashMap<>();
        for (MimeMessage message : messages) {
            received.merge(message.getMessageID(), 1L, Long::sum);
        }
        return received;
    }

    /**
     * The emails sent more than once, by Message-ID, with how many times each was sent: GreenMail keeps a copy per
     * recipient, so an email was sent twice when it has more copies than recipients.
     */
    static Map<String, Long> sentMoreThanOnce(MimeMessage[] messages) throws MessagingException {
        Map<String, Long> recipients = new LinkedHashMap<>();
        for (MimeMessage message : messages) {
            recipients.put(message.getMessageID(), (long) message.getAllRecipients().length);
        }
        return copiesByMessageId(messages).entrySet().stream()
                .filter(each -> each.getValue() > recipients.get(each.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, each -> each.getValue() / recipients.get(each.getKey())));
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
