package io.touchpoint.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.Http;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code Idempotency-Key} on the two creating endpoints (issue 9, item 17): a retry with the same key and body gets
 * the same answer and creates nothing; another body with the same key is 422; simultaneous duplicates create one.
 */
@TouchpointSpringTest
class IdempotencyKeyTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    static final String TICKET = """
            {"subject": "Phones down", "description": "No dial tone.", "category": "OUTAGE", "priority": "P2",
             "requesterEmail": "%s", "requesterName": "Ida Empotent"}""";
    static final String QUOTE = """
            {"companyName": "Idem Corp", "contactName": "Ida", "contactEmail": "%s", "phone": "+1 555 010 0100",
             "seats": 4, "requestedServices": ["HOSTED_VOICE"]}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aRetriedTicketGetsTheSameAnswerAndIsOpenedOnce() {
        String key = UUID.randomUUID().toString();
        String body = TICKET.formatted("ida@idempotency.example");

        HttpResponse<String> first = http.postJson("/api/tickets", body, "Idempotency-Key", key);
        HttpResponse<String> retry = http.postJson("/api/tickets", body, "Idempotency-Key", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(Http.contentType(retry)).isEqualTo(Http.contentType(first));
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(tickets("ida@idempotency.example")).isEqualTo(1);

        HttpResponse<String> withoutKey = http.postJson("/api/tickets", body);
        assertThat(withoutKey.statusCode()).isEqualTo(201);
        assertThat(tickets("ida@idempotency.example")).as("without a key, a second ticket").isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        assertThat(http.postJson("/api/tickets", TICKET.formatted("ivy@idempotency.example"), "Idempotency-Key", key)
                .statusCode()).isEqualTo(201);

        HttpResponse<String> other = http.postJson("/api/tickets", TICKET.formatted("ivo@idempotency.example"),
                "Idempotency-Key", key);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(Http.contentType(other)).isEqualTo("application/problem+json");
        assertThat(Http.json(other).get("detail").toString()).contains("different request body");
        assertThat(tickets("ivo@idempotency.example")).isZero();
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsKey() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> refused = http.postJson("/api/tickets", TICKET.formatted("not-an-address"),
                "Idempotency-Key", key);
        assertThat(refused.statusCode()).isEqualTo(400);

        HttpResponse<String> fixed = http.postJson("/api/tickets", TICKET.formatted("ian@idempotency.example"),
                "Idempotency-Key", key);
        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(201);
    }

    @Test
    void aKeyMustBeAPrintableToken() {
        for (String bad : List.of("x".repeat(256), "with space")) {
            HttpResponse<String> response = http.postJson("/api/tickets", TICKET.formatted("iko@idempotency.example"),
                    "Idempotency-Key", bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(Http.fields(response)).containsExactly("Idempotency-Key");
        }
        assertThat(tickets("iko@idempotency.example")).isZero();
    }

    @Test
    void aRetriedQuoteRequestStartsOneJourney() {
        String key = UUID.randomUUID().toString();
        String body = QUOTE.formatted("quinn@idempotency.example");

        HttpResponse<String> first = http.postJson("/api/quote-requests", body, "Idempotency-Key", key);
        HttpResponse<String> retry = http.postJson("/api/quote-requests", body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        String quote = Http.json(first).get("quoteNumber").toString();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(quote).processDefinitionKey(
                "customerJourney").count()).isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery().variableName("contactEmail")
                .variableValueEquals("contactEmail", "quinn@idempotency.example").list().stream()
                .map(v -> v.getProcessInstanceId()).distinct()
                .filter(id -> history.createHistoricProcessInstanceQuery().processInstanceId(id)
                        .processDefinitionKey("customerJourney").count() > 0).count()).isEqualTo(1);
    }

    @Test
    void simultaneousDuplicatesOpenOneTicket() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = TICKET.formatted("isa@idempotency.example");
        int clients = 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return new Http(port).postJson("/api/tickets", body, "Idempotency-Key", key);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                responses.add(answer.get());
            }
            List<HttpResponse<String>> created = responses.stream().filter(r -> r.statusCode() == 201).toList();
            assertThat(created).as("at least the first is created").isNotEmpty();
            assertThat(created).extracting(HttpResponse::body).as("one answer, replayed").containsOnly(created.get(0).body());
            assertThat(responses).extracting(HttpResponse::statusCode).as("the others wait or are told to retry")
                    .allMatch(status -> status == 201 || status == 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(tickets("isa@idempotency.example")).isEqualTo(1);

        HttpResponse<String> later = http.postJson("/api/tickets", body, "Idempotency-Key", key);
        assertThat(later.statusCode()).isEqualTo(201);
        assertThat(Http.json(later).get("ticketNumber")).isNotNull();
        assertThat(tickets("isa@idempotency.example")).isEqualTo(1);
    }

    private long tickets(String email) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM support_ticket WHERE contact_email = ?", Long.class, email);
    }
}
