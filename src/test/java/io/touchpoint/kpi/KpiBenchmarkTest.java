package io.touchpoint.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.support.TicketKpis;
import io.touchpoint.testing.PostgresTestDatabase;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the KPI page's figures take with a year of data: 100,000 finished tickets (each with its timeline, SLA
 * variables in the engine's history and a survey) and 2,000 journeys in 2033. Not part of {@code mvn verify}; run
 * with {@code mvn test -Dtest=KpiBenchmarkTest -Dtouchpoint.kpi.benchmark=true} (add
 * {@code -Dtouchpoint.test.postgres=true} for PostgreSQL; {@code -Dtouchpoint.kpi.benchmark.runs=} asks for each page
 * more often than three times, for a steadier median on a busy machine;
 * {@code -Dtouchpoint.kpi.benchmark.start-when=<file>} waits for that file after loading, to start two builds' requests
 * together). Prints the times and the load average; the README quotes them.
 */
@TouchpointSpringTest
@EnabledIfSystemProperty(named = "touchpoint.kpi.benchmark", matches = "true")
class KpiBenchmarkTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    static final int TICKETS = Integer.getInteger("touchpoint.kpi.benchmark.tickets", 100_000);
    static final int JOURNEYS = 2_000;
    /** How many times each page is asked for (the first is reported apart: it warms the JVM and the caches). */
    static final int RUNS = Integer.getInteger("touchpoint.kpi.benchmark.runs", 3);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TicketKpis ticketKpis;

    @LocalServerPort
    int port;

    @Test
    void aYearOfFinishedTickets() {
        long loading = System.nanoTime();
        generate();
        // the generated tickets are rows of the timeline and history: their summary rows as the start-up backfill
        // writes them for tickets older than the summary table (new tickets get theirs from the support steps)
        long summarising = System.nanoTime();
        int summarised = ticketKpis.backfill();
        System.out.printf("KPI benchmark: summarised %,d tickets in %d s%n", summarised,
                Duration.ofNanos(System.nanoTime() - summarising).toSeconds());
        System.out.printf("KPI benchmark: generated %,d tickets and %,d journeys in %d s%n", TICKETS, JOURNEYS,
                Duration.ofNanos(System.nanoTime() - loading).toSeconds());
        if (PostgresTestDatabase.enabled()) {
            // a year-old database has been vacuumed and analysed by autovacuum: the planner's statistics and the
            // visibility map (index-only scans) as they would be, instead of whenever autovacuum gets to the load
            for (String table : List.of("ticket_kpi", "survey", "support_ticket", "ACT_HI_VARINST", "ACT_HI_PROCINST",
                    "ACT_HI_ACTINST", "ACT_HI_TASKINST", "kpi_visitor")) {
                jdbc.execute("VACUUM ANALYZE " + table);
            }
        }

        String startSignal = System.getProperty("touchpoint.kpi.benchmark.start-when");
        if (startSignal != null) {
            // two builds measured side by side (before and after a change): each loads its data, then both wait for
            // this file so that their requests run at the same time, under the same load
            System.out.printf("KPI benchmark: loaded; waiting for %s%n", startSignal);
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.exists(Path.of(startSignal)));
        }
        System.out.printf("KPI benchmark: load average %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        WebSession dan = new WebSession(port);
        dan.logIn("dan", "demo");
        for (String query : List.of(System.getProperty("touchpoint.kpi.benchmark.query", "from=2033-01-01&to=2033-12-31")
                .split(","))) {
            long[] millis = new long[Math.max(2, RUNS)];
            for (int run = 0; run < millis.length; run++) {
                long start = System.nanoTime();
                HttpResponse<String> page = dan.get("/kpis?" + query);
                millis[run] = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertThat(page.statusCode()).isEqualTo(200);
            }
            long start = System.nanoTime();
            HttpResponse<String> api = dan.get("/api/kpis?" + query, "Accept", "application/json");
            long apiMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(api.statusCode()).isEqualTo(200);
            long[] warm = Arrays.copyOfRange(millis, 1, millis.length);
            Arrays.sort(warm);
            System.out.printf("KPI benchmark: /kpis?%s first %d ms, then median %d ms (max %d ms); /api/kpis %d ms%n",
                    query, millis[0], warm[warm.length / 2], warm[warm.length - 1], apiMillis);
            System.out.printf("KPI benchmark: load average %.2f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private void generate() {
        Random random = new Random(42);
        Instant yearStart = LocalDate.of(2033, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long yearSeconds = Duration.ofDays(364).toSeconds();
        String[] groups = {"tech-support", "tech-support", "tech-support-l2", "account-relations", "billing"};
        String[] agents = {"tim", "terrence", "lars", "arman", "betty"};
        List<Object[]> tickets = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        List<Object[]> variables = new ArrayList<>();
        List<Object[]> surveys = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            int who = random.nextInt(groups.length);
            Instant created = yearStart.plusSeconds((long) (random.nextDouble() * yearSeconds));
            Instant acknowledged = created.plusSeconds(60 + random.nextInt(4 * 3600));
            Instant resolved = acknowledged.plusSeconds(600 + random.nextInt(3 * 86_400));
            String number = String.format("T-B%07d", i);
            String process = "bench-pi-" + i;
            tickets.add(new Object[] {number, process, groups[who], agents[who], ts(created), ts(created),
                    ts(resolved.plusSeconds(3600)), random.nextInt(10) == 0 ? 1 : 0});
            events.add(new Object[] {number, ts(created), "RECEIVED"});
            events.add(new Object[] {number, ts(created), "ASSIGNED"});
            events.add(new Object[] {number, ts(acknowledged), "ACKNOWLEDGED"});
            events.add(new Object[] {number, ts(resolved), "RESOLVED"});
            events.add(new Object[] {number, ts(resolved.plusSeconds(3600)), "CLOSED"});
            variables.add(new Object[] {"bench-v1-" + i, "troubleTicket", process, "firstResponseMet", "boolean", null,
                    random.nextInt(5) == 0 ? 0L : 1L});
            variables.add(new Object[] {"bench-v2-" + i, "troubleTicket", process, "resolutionMet", "boolean", null,
                    random.nextInt(7) == 0 ? 0L : 1L});
            boolean answered = random.nextInt(3) > 0;
            surveys.add(new Object[] {"bench-s-" + i, process, number, agents[who], ts(resolved.plusSeconds(7200)),
                    answered ? "ANSWERED" : "OPEN", answered ? ts(resolved.plusSeconds(86_400)) : null,
                    answered ? 1 + random.nextInt(5) : null, answered ? 1 + random.nextInt(5) : null,
                    answered && random.nextInt(4) == 0 ? "Comment " + i : null});
        }
        jdbc.batchUpdate("""
                INSERT INTO support_ticket (ticket_number, kind, process_instance_id, subject, category, priority,
                    contact_name, contact_email, channel, status, support_group, assignee, assigned_at, created_at,
                    closed_at, reopen_count)
                VALUES (?, 'TROUBLE', ?, 'Benchmark', 'OUTAGE', 'P3', 'Ann Lee', 'ann@bench.example', 'PORTAL',
                    'CLOSED', ?, ?, ?, ?, ?, ?)""", tickets);
        jdbc.batchUpdate("INSERT INTO support_ticket_event (ticket_number, occurred_at, event_type) VALUES (?, ?, ?)",
                events);
        jdbc.batchUpdate("""
                INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, TEXT_, LONG_)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                variables.stream().map(v -> new Object[] {v[0], v[1], v[2], v[2], v[3], v[4], v[5], v[6]}).toList());
        jdbc.batchUpdate("""
                INSERT INTO survey (id, token_hash, questionnaire, process_instance_id, business_key, recipient_email,
                    rated_user_id, answer_message, created_at, status, answered_at, satisfaction, person_rating,
                    answer_comment)
                VALUES (?, 'x', 'ticket', ?, ?, 'ann@bench.example', ?, 'TicketSurveyAnswered', ?, ?, ?, ?, ?, ?)""",
                surveys);
        List<Object[]> instances = new ArrayList<>();
        List<Object[]> journeyVariables = new ArrayList<>();
        List<Object[]> activities = new ArrayList<>();
        for (int i = 0; i < JOURNEYS; i++) {
            Instant sent = yearStart.plusSeconds((long) (random.nextDouble() * yearSeconds * 0.9));
            Instant signed = sent.plusSeconds(86_400L + random.nextInt(20 * 86_400));
            String quote = "Q-B" + i;
            boolean won = random.nextInt(3) > 0;
            instances.add(new Object[] {"bench-pre-" + i, "bench-pre-" + i, quote, "presales", "presales:1:b",
                    ts(sent.minusSeconds(86_400)), ts(signed)});
            activities.add(new Object[] {"bench-a-" + i, "presales:1:b", "presales", "bench-pre-" + i, "bench-pre-" + i,
                    "EndEvent_QuotesSent", "noneEndEvent", ts(sent), ts(sent)});
            journeyVariables.add(new Object[] {"bench-o-" + i, "presales", "bench-pre-" + i, "bench-pre-" + i,
                    "presalesOutcome", "string", won ? "WON" : "LOST", null});
            if (won) {
                Instant activated = signed.plusSeconds(5 * 86_400L + random.nextInt(30 * 86_400));
                journeyVariables.add(new Object[] {"bench-sg-" + i, "presales", "bench-pre-" + i, "bench-pre-" + i,
                        "orderSignedAt", "date", null, signed.toEpochMilli()});
                instances.add(new Object[] {"bench-prv-" + i, "bench-prv-" + i, quote, "provisioning",
                        "provisioning:1:b", ts(signed), ts(activated)});
                journeyVariables.add(new Object[] {"bench-ac-" + i, "provisioning", "bench-prv-" + i, "bench-prv-" + i,
                        "activationDate", "date", null, activated.toEpochMilli()});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,
                    END_TIME_, STATE_)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'COMPLETED')""", instances);
        jdbc.batchUpdate("""
                INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, TEXT_, LONG_)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", journeyVariables);
        jdbc.batchUpdate("""
                INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_ID_, PROC_DEF_KEY_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_,
                    ACT_TYPE_, START_TIME_, END_TIME_)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", activities);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
