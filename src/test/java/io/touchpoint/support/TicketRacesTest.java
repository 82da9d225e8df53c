package io.touchpoint.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.notification.Outbox;
import io.touchpoint.notification.OutboxEmail;
import io.touchpoint.testing.Json;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Customers and agents at the same time, through the real HTTP API and the engine's TaskService as Tasklist uses
 * it: no agent's step is ever refused, nobody gets a 5xx, simultaneous answers to one ticket queue up instead of
 * colliding, and racing confirmations give one success and clear conflicts. Runs on H2 and, under
 * {@code -Ppostgres}, on PostgreSQL.
 * <p>
 * The number of tickets of the load test is {@code -Dtouchpoint.test.load.tickets} (default 200), driven by
 * {@code -Dtouchpoint.test.load.clients} clients (default 8).
 */
@TouchpointSpringTest
class TicketRacesTest {

    static final int TICKETS = Integer.getInteger("touchpoint.test.load.tickets", 200);
    static final int CLIENTS = Integer.getInteger("touchpoint.test.load.clients", 8);

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
    Tickets tickets;
    @Autowired
    Outbox outbox;

    final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void ticketsDrivenEightAtATimeAllCloseWithoutARefusedStepOrAServerError() throws Exception {
        List<String> refused = new CopyOnWriteArrayList<>();
        List<String> serverErrors = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();

        List<String> numbers = all(IntStream.range(0, TICKETS).mapToObj(i -> (Callable<String>) () ->
                wholeTicket("load-" + i + "@load.example", refused, serverErrors)).toList(), Duration.ofMinutes(10));

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%d tickets opened, acknowledged, resolved and confirmed by %d clients in %.1f s (%.1f tickets/s)%n",
                TICKETS, CLIENTS, seconds, TICKETS / seconds);
        assertThat(serverErrors).as("answers 5xx").isEmpty();
        assertThat(refused).as("steps refused").isEmpty();
        assertThat(numbers).hasSize(TICKETS).allSatisfy(number ->
                assertThat(tickets.find(number).orElseThrow().status()).as(number).isEqualTo(TicketStatus.CLOSED));

        // each ticket's acknowledgement, resolution and survey went out through the outbox, each exactly once
        List<OutboxEmail> emails = numbers.stream().flatMap(number -> outbox.ofProcessInstance(
                tickets.find(number).orElseThrow().processInstanceId()).stream()).toList();
        assertThat(emails).hasSize(3 * TICKETS);
        await().atMost(Duration.ofSeconds(120)).until(() -> emails.stream().allMatch(email ->
                outbox.find(email.id()).orElseThrow().status() == OutboxEmail.Status.SENT));
        Map<String, Long> received = Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(Mails::messageId, Collectors.counting()));
        assertThat(emails).allSatisfy(email ->
                assertThat(received.get("<" + email.messageId() + ">")).as(email.describe()).isEqualTo(1L));
    }

    @Test
    void tenAnswersAtOnceToAWaitingTicketAreAllTakenAndTheTicketResumesOnce() throws Exception {
        Opened ticket = open("ten-answers@race.example");
        complete(ticket, "UserTask_AcknowledgeTicket", Map.of());
        complete(ticket, "UserTask_WorkTicket", Map.of("workOutcome", "NEED_INFO", "questionToCustomer", "Which floor?"));
        assertThat(tickets.find(ticket.number()).orElseThrow().status()).isEqualTo(TicketStatus.WAITING_FOR_CUSTOMER);

        List<ResponseEntity<Map>> answers = atOnce(10, i -> post("/api/tickets/" + ticket.number() + "/comments?token="
                + ticket.token(), "{\"message\": \"Answer " + i + "\"}"));

        assertThat(answers).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.OK);
        List<Ticket.Event> timeline = tickets.timeline(ticket.number());
        assertThat(timeline).extracting(Ticket.Event::detail)
                .containsAll(IntStream.range(0, 10).mapToObj(i -> "Answer " + i).toList());
        assertThat(timeline).filteredOn(event -> event.type() == Ticket.EventType.CUSTOMER_REPLIED).hasSize(1);
        assertThat(timeline).filteredOn(event -> event.type() == Ticket.EventType.COMMENT).hasSize(9);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ticket.instance())
                .activityId("Task_ResumeSlaClock").count()).as("the SLA clock resumed once").isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceId(ticket.instance()).taskDefinitionKey("UserTask_WorkTicket")
                .count()).isEqualTo(1);
        assertThat(tickets.find(ticket.number()).orElseThrow().status()).isEqualTo(TicketStatus.IN_PROGRESS);
    }

    @Test
    void commentsWhileTheAgentResolvesTheTicketNeverStopTheAgent() throws Exception {
        Opened ticket = open("comments-while-resolving@race.example");
        complete(ticket, "UserTask_AcknowledgeTicket", Map.of());

        List<Object> outcomes = atOnce(9, i -> i == 0
                ? resolve(ticket)
                : post("/api/tickets/" + ticket.number() + "/comments?token=" + ticket.token(),
                        "{\"message\": \"More details " + i + "\"}"));

        assertThat(outcomes.get(0)).as("the agent's resolution").isEqualTo("resolved");
        // before the resolution a comment is taken, and in the timeline; after it the ticket takes none (confirm or
        // reopen instead)
        List<String> timeline = tickets.timeline(ticket.number()).stream().map(Ticket.Event::detail).toList();
        for (int i = 1; i < 9; i++) {
            HttpStatus status = (HttpStatus) ((ResponseEntity<?>) outcomes.get(i)).getStatusCode();
            assertThat(status).as("comment " + i).isIn(HttpStatus.OK, HttpStatus.CONFLICT);
            if (status == HttpStatus.OK) {
                assertThat(timeline).contains("More details " + i);
            }
        }
        assertThat(tickets.find(ticket.number()).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void racingConfirmationsGiveOneSuccessAndClearConflicts() throws Exception {
        Opened ticket = open("confirmations@race.example");
        complete(ticket, "UserTask_AcknowledgeTicket", Map.of());
        complete(ticket, "UserTask_WorkTicket", Map.of("workOutcome", "RESOLVED", "resolution", "Replaced the PSU."));

        List<ResponseEntity<Map>> answers = atOnce(5, i -> post("/api/tickets/" + ticket.number() + "/confirmation?token="
                + ticket.token(), "{\"resolved\": true, \"comment\": \"Works, says click " + i + "\"}"));

        assertThat(answers).filteredOn(answer -> answer.getStatusCode() == HttpStatus.OK).singleElement()
                .satisfies(ok -> assertThat(ok.getBody()).containsEntry("status", "CLOSED"));
        assertThat(answers).filteredOn(answer -> answer.getStatusCode() != HttpStatus.OK).hasSize(4).allSatisfy(conflict -> {
            assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(conflict.getHeaders().getContentType().getSubtype()).endsWith("json");
            assertThat(conflict.getBody()).containsEntry("title", "Ticket is not waiting for this")
                    .containsEntry("status", 409).containsKey("detail");
        });
        assertThat(tickets.timeline(ticket.number())).extracting(Ticket.Event::type)
                .filteredOn(type -> type == Ticket.EventType.CONFIRMED || type == Ticket.EventType.CLOSED)
                .containsExactly(Ticket.EventType.CONFIRMED, Ticket.EventType.CLOSED);
    }

    // -----------------------------------------------------------------------------------------------------------

    record Opened(String number, String token, String instance) {
    }

    /** One ticket from the customer's first request to their confirmation, as customer and agent; its number. */
    String wholeTicket(String requester, List<String> refused, List<String> serverErrors) {
        ResponseEntity<Map> created = post("/api/tickets", Json.ticket(requester));
        if (created.getStatusCode() != HttpStatus.CREATED) {
            (created.getStatusCode().is5xxServerError() ? serverErrors : refused)
                    .add("open for " + requester + ": " + created.getStatusCode() + " " + created.getBody());
            return null;
        }
        Opened ticket = opened(created);
        for (Map.Entry<String, Map<String, Object>> step : List.of(
                Map.entry("UserTask_AcknowledgeTicket", Map.<String, Object>of("acknowledgementNote", "On it")),
                Map.entry("UserTask_WorkTicket", Map.<String, Object>of("workOutcome", "RESOLVED",
                        "resolution", "Restarted the router; the phones registered again.")))) {
            try {
                complete(ticket, step.getKey(), step.getValue());
            } catch (ProcessEngineException | AssertionError e) {
                refused.add(ticket.number() + " " + step.getKey() + ": " + e.getMessage());
                return ticket.number();
            }
        }
        ResponseEntity<Map> confirmed = post("/api/tickets/" + ticket.number() + "/confirmation?token=" + ticket.token(),
                "{\"resolved\": true}");
        if (confirmed.getStatusCode() != HttpStatus.OK) {
            (confirmed.getStatusCode().is5xxServerError() ? serverErrors : refused)
                    .add(ticket.number() + " confirmation: " + confirmed.getStatusCode() + " " + confirmed.getBody());
        }
        return ticket.number();
    }

    /** The agent resolves the ticket: "resolved", or why not. */
    Object resolve(Opened ticket) {
        try {
            complete(ticket, "UserTask_WorkTicket", Map.of("workOutcome", "RESOLVED", "resolution", "New handset."));
            return "resolved";
        } catch (RuntimeException refused) {
            return refused.toString();
        }
    }

    Opened open(String requester) {
        ResponseEntity<Map> created = post("/api/tickets", Json.ticket(requester));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return opened(created);
    }

    Opened opened(ResponseEntity<Map> created) {
        String number = (String) created.getBody().get("ticketNumber");
        return new Opened(number, (String) created.getBody().get("trackingToken"),
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId());
    }

    /** Completes the ticket's task as its assignee does in Tasklist: logged in, with the assignee's groups. */
    void complete(Opened ticket, String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(ticket.instance()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey + " of " + ticket.number()).isNotNull();
        String agent = task.getAssignee();
        identity.setAuthentication(agent, identity.createGroupQuery().groupMember(agent).list().stream()
                .map(Group::getId).toList());
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Runs {@code count} requests released at the same instant, and their answers. */
    <T> List<T> atOnce(int count, Function<Integer, T> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                answers.add(callers.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(index);
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            callers.shutdownNow();
        }
    }

    <T> List<T> all(List<Callable<T>> work, Duration within) throws Exception {
        List<Future<T>> running = clients.invokeAll(work, within.toSeconds(), TimeUnit.SECONDS);
        List<T> results = new ArrayList<>();
        for (Future<T> result : running) {
            results.add(result.get());
        }
        return results;
    }

    ResponseEntity<Map> post(String path, String json) {
        return http.exchange(path, HttpMethod.POST, Json.body(json, null), Map.class);
    }
}
