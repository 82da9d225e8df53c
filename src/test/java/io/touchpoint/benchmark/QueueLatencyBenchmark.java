package io.touchpoint.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.identity.Roles;
import io.touchpoint.support.NewTicket;
import io.touchpoint.support.TicketLinks;
import io.touchpoint.support.TicketService;
import io.touchpoint.testing.PostgresTestDatabase;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 14, point 4: how the queues grow with open tickets. Loads open tickets (three of four trouble tickets, one of
 * four service requests, over the categories and priorities, so over the support groups and their agents) through
 * {@link TicketService#open}, as {@code POST /api/tickets} does, in parallel; the load itself is not measured, only
 * printed. Then, after a warm-up, one client at a time (a person clicking), it measures what people wait for:
 * <ul>
 * <li>Tasklist, through the webapps' engine API with a logged-in session as Tasklist calls it
 * ({@code /camunda/api/engine/engine/<name>/filter/<id>/list}, HAL with the list's variables, the first 15 by due
 * date; {@code .../filter/<id>/count} for the count beside each filter): an agent's "My tasks" and its count, the
 * agent's "My group's queue", and customer care's "Support tickets". Authorization applies as for any user.</li>
 * <li>{@code GET /api/tickets/{number}} with the tracking token, for random open tickets.</li>
 * <li>The portal's "My requests" ({@code GET /portal/requests}) for a customer whose company has some of the
 * tickets.</li>
 * </ul>
 * Settings: {@code -Dtouchpoint.benchmark.open=10000,100000} (the open tickets of each step, cumulative),
 * {@code .samples} (200 per query and step), {@code .loaders} (8 threads), {@code .agents} (20 extra tech-support
 * agents), {@code .companies} (1000 customer companies). On PostgreSQL each step is measured first as the load left the
 * statistics, then after {@code ANALYZE} (as autovacuum does; the shared CI server runs with autovacuum off); the
 * figures of the table are the analyzed ones. {@code .variants=true} (default) measures, at the last step, each engine
 * setting of the tuning undone, {@code .drop-indexes} (names) without each index, and {@code .try-indexes}
 * ({@code TABLE (COLUMNS)}, separated by ";") with each candidate index. Prints a table with each step and the growth factor from
 * the first to the last, and writes {@code target/benchmark/queue-latency-<db>.json}.
 * <p>
 * {@code -Dtouchpoint.benchmark.loader=sql} (PostgreSQL only) loads by {@link SqlTicketLoader} instead: {@code .templates}
 * (64, a multiple of 32) tickets through the service, then clones of them by SQL, {@code .clone-chunk} (2000) per
 * transaction, due dates spread over {@code .due-spread-minutes} (a week). After the first step
 * {@link #verifyClones} checks that clones behave as tickets ({@code .verify-clones=false} skips it).
 * {@code .before-analyze=false} skips the measurement before {@code ANALYZE}, which grows with the square of the open
 * tasks.
 */
@TouchpointSpringTest
class QueueLatencyBenchmark {

    static final List<Integer> OPEN = Arrays.stream(System.getProperty("touchpoint.benchmark.open", "10000,100000")
            .split(",")).map(String::trim).map(Integer::valueOf).toList();
    static final int SAMPLES = Integer.getInteger("touchpoint.benchmark.samples", 200);
    static final int WARMUP = Integer.getInteger("touchpoint.benchmark.warmup", 50);
    static final int LOADERS = Integer.getInteger("touchpoint.benchmark.loaders", 8);
    static final int AGENTS = Integer.getInteger("touchpoint.benchmark.agents", 20);
    static final int COMPANIES = Integer.getInteger("touchpoint.benchmark.companies", 1000);
    static final boolean VARIANTS = Boolean.parseBoolean(System.getProperty("touchpoint.benchmark.variants", "true"));
    /** On PostgreSQL, whether each step is measured before {@code ANALYZE} too (with the variants' samples). */
    static final boolean BEFORE_ANALYZE = Boolean.parseBoolean(System.getProperty("touchpoint.benchmark.before-analyze",
            "true"));
    /** Whether the variants include the engine settings undone ({@code .engine-variants=false}: only the indexes). */
    static final boolean ENGINE_VARIANTS = Boolean.parseBoolean(System.getProperty("touchpoint.benchmark.engine-variants",
            "true"));
    static final int VARIANT_SAMPLES = Integer.getInteger("touchpoint.benchmark.variant-samples", 100);
    /** Indexes to measure without (their names), and indexes to try ({@code TABLE (COLUMNS)}, separated by ";"). */
    static final List<String> DROP_INDEXES = list("touchpoint.benchmark.drop-indexes", ",");
    static final List<String> TRY_INDEXES = list("touchpoint.benchmark.try-indexes", ";");
    /** {@code service} (default): every ticket through {@link TicketService#open}; {@code sql}: {@link SqlTicketLoader}. */
    static final String LOADER = System.getProperty("touchpoint.benchmark.loader", "service");
    static final int TEMPLATES = Integer.getInteger("touchpoint.benchmark.templates", 64);
    static final int CLONE_CHUNK = Integer.getInteger("touchpoint.benchmark.clone-chunk", 2000);
    static final boolean VERIFY_CLONES = Boolean.parseBoolean(System.getProperty("touchpoint.benchmark.verify-clones",
            "true"));
    static final int SPREAD_MINUTES = Integer.getInteger("touchpoint.benchmark.due-spread-minutes", 7 * 24 * 60);
    static final String PASSWORD = "bench-password-1";
    static final String PORTAL_PASSWORD = "a long portal password";
    static final List<String> QUERIES = List.of("my tasks (15)", "my tasks count", "group queue (15)",
            "support tickets (15)", "GET /api/tickets/{n}", "portal my requests");
    static final NewTicket.Category[] CATEGORIES = {NewTicket.Category.OUTAGE, NewTicket.Category.DEGRADED_SERVICE,
            NewTicket.Category.EQUIPMENT, NewTicket.Category.ACCESS, NewTicket.Category.OUTAGE,
            NewTicket.Category.EQUIPMENT, NewTicket.Category.BILLING, NewTicket.Category.MOVE_ADD_CHANGE};

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @LocalServerPort
    int port;
    @Autowired
    TicketService service;
    @Autowired
    TicketLinks links;
    @Autowired
    IdentityService identity;
    @Autowired
    FilterService filters;
    @Autowired
    ManagementService management;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    final ExecutorService loaders = Executors.newFixedThreadPool(LOADERS);
    final List<String> numbers = new CopyOnWriteArrayList<>();
    final Random random = new Random(14);
    SqlTicketLoader sqlLoader;

    @AfterEach
    void stopLoaders() {
        loaders.shutdownNow();
    }

    /** One step: its open tickets, how long loading took, the database size, and the latencies per query. */
    record Step(int open, double loadSeconds, double loadPerSecond, long databaseBytes, String loadAverage,
                Map<String, Map<String, Double>> latencies, Map<String, Map<String, Map<String, Double>>> variants) {
    }

    /**
     * With {@code -Dtouchpoint.benchmark.explain-ms=50} on PostgreSQL, every statement slower than that is logged with
     * its plan (EXPLAIN ANALYZE, by PostgreSQL's auto_explain) in the server's log.
     */
    @DynamicPropertySource
    static void explain(DynamicPropertyRegistry registry) {
        String ms = System.getProperty("touchpoint.benchmark.explain-ms");
        if (ms != null && PostgresTestDatabase.enabled()) {
            registry.add("spring.datasource.hikari.connection-init-sql", () -> "LOAD 'auto_explain'; "
                    + "SET auto_explain.log_min_duration = " + Integer.parseInt(ms) + "; SET auto_explain.log_analyze = on");
        }
    }

    @Test
    void queuesWithManyOpenTickets() throws Exception {
        String agent = ensureAgents();
        String care = ensureUser("bench-care", Roles.CUSTOMER_CARE);
        String customer = ensurePortalCustomer();
        Map<String, Supplier<HttpResponse<String>>> queries = queries(agent, care, customer);

        List<Step> steps = new ArrayList<>();
        for (int open : OPEN) {
            double[] load = loadTo(open);
            if (sqlLoader != null && steps.isEmpty() && VERIFY_CLONES) {
                verifyClones(care);
            }
            Map<String, Map<String, Map<String, Double>>> variants = new LinkedHashMap<>();
            if (PostgresTestDatabase.enabled() && BEFORE_ANALYZE) {
                // as the load left the statistics (on a server without autovacuum, or before it has run), then analyzed
                variants.put("before ANALYZE", measure(queries, VARIANT_SAMPLES));
            }
            analyze();
            Map<String, Map<String, Double>> latencies = measure(queries, SAMPLES);
            if (VARIANTS && open == OPEN.get(OPEN.size() - 1)) {
                variants.putAll(variants(queries));
            }
            steps.add(new Step(open, load[0], load[1], databaseBytes(), loadAverage(), latencies, variants));
            print(steps);
        }
        write(steps);
        assertThat(openTickets()).isGreaterThanOrEqualTo(OPEN.get(OPEN.size() - 1));
    }

    static List<String> list(String property, String separator) {
        String value = System.getProperty(property, "");
        return value.isBlank() ? List.of() : Arrays.stream(value.split(separator)).map(String::trim).toList();
    }

    // --- the people --------------------------------------------------------------------------------------------

    /** Extra tech-support agents, so that tickets spread as over a real team; the first one is measured. */
    String ensureAgents() {
        for (int i = 1; i <= AGENTS; i++) {
            ensureUser("bench-agent-%02d".formatted(i), Roles.TECH_SUPPORT);
        }
        return "bench-agent-01";
    }

    String ensureUser(String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName("Bench");
            user.setLastName(id);
            user.setEmail(id + "@touchpoint.example");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
        return id;
    }

    /** A confirmed portal account of company 0, whose contacts open some of the tickets. */
    String ensurePortalCustomer() {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PORTAL_PASSWORD);
        for (int k = 0; k < 3; k++) {
            String email = contact(0, k);
            if (jdbc.queryForObject("SELECT COUNT(*) FROM portal_account WHERE email = ?", Long.class, email) == 0) {
                Timestamp now = Timestamp.from(Instant.now());
                jdbc.update("INSERT INTO portal_account (email, display_name, password_hash, confirmed_at, company_name, "
                        + "company_linked_by, company_linked_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", email,
                        "Contact " + k, hash, now, company(0), "benchmark", now, now);
            }
        }
        return contact(0, 0);
    }

    static String company(int c) {
        return "Bench Company " + c;
    }

    static String contact(int c, int k) {
        return "contact" + k + "@company" + c + ".bench.example";
    }

    // --- loading -------------------------------------------------------------------------------------------------

    /** Opens tickets until {@code open} are open; seconds taken and tickets per second. */
    double[] loadTo(int open) throws Exception {
        int from = (int) openTickets();
        int count = open - from;
        long started = System.nanoTime();
        if ("sql".equals(LOADER)) {
            loadBySql(open);
        } else {
            openThroughService(from, open);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("loaded %d tickets in %.1f s (%.1f per second, %s loader); %d open; load average %s%n",
                count, seconds, count / seconds, LOADER, openTickets(), loadAverage());
        return new double[] {seconds, count / seconds};
    }

    /** Opens tickets {@code from} to {@code to} (their numbers in the series) through the ticket service. */
    void openThroughService(int from, int to) throws Exception {
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int n = i;
            futures.add(loaders.submit((Callable<Void>) () -> {
                numbers.add(service.open(ticket(n)).ticketNumber());
                return null;
            }));
        }
        int done = 0;
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.MINUTES);
            if (++done % 2000 == 0) {
                smtp.purgeEmailFromAllMailboxes();
                System.out.printf("loaded %d of %d (%.0f s)%n", done, to - from, (System.nanoTime() - started) / 1e9);
            }
        }
        // the tickets' background steps (assignment, emails) done: only their timers wait
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> management.createJobQuery().executable().count() == 0);
        smtp.purgeEmailFromAllMailboxes();
    }

    /** Ticket {@code n} of the series: category, priority and company go round. */
    static NewTicket ticket(int n) {
        NewTicket.Category category = CATEGORIES[n % CATEGORIES.length];
        NewTicket.Priority priority = NewTicket.Priority.values()[(n / CATEGORIES.length) % 4];
        int company = n % COMPANIES;
        return new NewTicket("Ticket " + n + " of company " + company, "Benchmark ticket " + n
                + ": the phones of the front desk show No service.", category, priority, null, null,
                contact(company, n % 3), "Contact " + (n % 3), "ACC-" + company, NewTicket.Channel.PORTAL,
                NewTicket.RequesterType.CUSTOMER, null);
    }

    /**
     * PostgreSQL: the first time, {@link #TEMPLATES} tickets through the service (once their emails are sent and only
     * their timers wait), which the loader then clones by SQL up to {@code open}; checks that the engine sees as many
     * more open tasks and process instances as the clones brought.
     */
    void loadBySql(int open) throws Exception {
        if (!PostgresTestDatabase.enabled()) {
            throw new IllegalStateException("-Dtouchpoint.benchmark.loader=sql needs PostgreSQL "
                    + "(-Dtouchpoint.benchmark.postgres=true)");
        }
        if (sqlLoader == null) {
            // one after the other, so that each is assigned as in a steady state (the member of the group with the
            // fewest open tasks): opened at once, 8 of the 22 tech-support agents got all the templates
            int from = (int) openTickets();
            for (int n = from; n < from + TEMPLATES; n++) {
                numbers.add(service.open(ticket(n)).ticketNumber());
            }
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> management.createJobQuery().executable().count() == 0);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM outbox_email WHERE status = 'PENDING'", Long.class) == 0);
            List<SqlTicketLoader.Template> templates = new ArrayList<>();
            for (int n = from; n < from + TEMPLATES; n++) {
                NewTicket ticket = ticket(n);
                Map<String, Object> row = jdbc.queryForMap("SELECT ticket_number, process_instance_id FROM support_ticket "
                        + "WHERE subject = ?", ticket.subject());
                templates.add(new SqlTicketLoader.Template(n, (String) row.get("process_instance_id"),
                        (String) row.get("ticket_number"), ticket.subject(), ticket.description(), ticket.requesterEmail(),
                        ticket.accountNumber()));
            }
            sqlLoader = new SqlTicketLoader(jdbc, new TransactionTemplate(transactions), links, templates, COMPANIES,
                    SPREAD_MINUTES);
            long started = System.nanoTime();
            sqlLoader.discover();
            System.out.printf("discovered the templates' rows in %.1f s%n", (System.nanoTime() - started) / 1e9);
            System.out.print(sqlLoader.inventory());
        }
        int count = open - (int) openTickets();
        if (count <= 0) {
            return;
        }
        long tasksBefore = tasks.createTaskQuery().count();
        long instancesBefore = runtime.createProcessInstanceQuery().count();
        long tasksAdded = sqlLoader.tasksOfClones(sqlLoader.cloned(), sqlLoader.cloned() + count);
        long started = System.nanoTime();
        sqlLoader.cloneTickets(count, CLONE_CHUNK, cloned -> System.out.printf("cloned %d (%.0f s, load average %s)%n",
                cloned, (System.nanoTime() - started) / 1e9, loadAverage()));
        System.out.println("cloning's time per table: " + sqlLoader.timePerTable());
        numbers.clear();
        numbers.addAll(jdbc.queryForList("SELECT ticket_number FROM support_ticket WHERE closed_at IS NULL", String.class));
        assertThat(openTickets()).as("open tickets").isEqualTo(open);
        assertThat(runtime.createProcessInstanceQuery().count()).as("process instances").isEqualTo(instancesBefore + count);
        assertThat(tasks.createTaskQuery().count()).as("open tasks").isEqualTo(tasksBefore + tasksAdded);
        System.out.printf("%d jobs due right after cloning (timers of templates that came due meanwhile, and their "
                + "clones with the least due-date spread)%n", management.createJobQuery().executable().count());
    }

    /**
     * That clones are tickets like any other: one shows in its agent's Tasklist filters and in customer care's
     * "Support tickets", and {@code GET /api/tickets/{n}} answers it with its token; another one's first task is
     * claimed and completed by its agent through the engine API, and the ticket moves on to the work task (timeline
     * and status included); a third one's first timer, made due, is executed by the job executor without incident.
     */
    void verifyClones(String care) {
        List<Map<String, Object>> clones = jdbc.queryForList("SELECT t.id_, t.assignee_, e.id_ AS pid, "
                + "e.business_key_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
                + "WHERE substr(e.id_, 15, 1) = 'c' AND e.business_key_ LIKE 'T-%' AND t.assignee_ LIKE 'bench-agent-%' "
                + "AND t.task_def_key_ = 'UserTask_AcknowledgeTicket' ORDER BY t.assignee_, e.id_ DESC LIMIT 3");
        assertThat(clones).as("cloned trouble tickets with a bench agent's task").hasSize(3);

        Map<String, Object> shown = clones.get(0);
        String number = (String) shown.get("business_key_");
        String taskId = (String) shown.get("id_");
        String assignee = (String) shown.get("assignee_");
        String api = "/camunda/api/engine/engine/" + engine.getName();
        WebSession agentWeb = tasklist(assignee);
        for (String filter : List.of("My tasks", "My group's queue")) {
            HttpResponse<String> list = listOf(agentWeb, api, filterId(filter), number);
            assertThat(list.body()).as(filter + " of " + assignee + " lists clone " + number).contains(taskId);
        }
        assertThat(listOf(tasklist(care), api, filterId("Support tickets"), number).body())
                .as("Support tickets lists clone " + number).contains(taskId);
        HttpResponse<String> read = new WebSession(port).get("/api/tickets/" + number + "?token=" + links.token(number),
                "Accept", "application/json");
        assertThat(read.statusCode()).as("GET /api/tickets/" + number).isEqualTo(200);
        assertThat(read.body()).contains(number).contains(jdbc.queryForObject(
                "SELECT subject FROM support_ticket WHERE ticket_number = ?", String.class, number));

        Map<String, Object> worked = clones.get(1);
        String workedNumber = (String) worked.get("business_key_");
        String pid = (String) worked.get("pid");
        String agent = (String) worked.get("assignee_");
        identity.setAuthentication(agent, List.of(Roles.TECH_SUPPORT));
        try {
            tasks.claim((String) worked.get("id_"), agent);
            tasks.complete((String) worked.get("id_"));
        } finally {
            identity.clearAuthentication();
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> tasks.createTaskQuery().processInstanceId(pid)
                .taskDefinitionKey("UserTask_WorkTicket").taskAssignee(agent).count() == 1);
        assertThat(jdbc.queryForObject("SELECT status FROM support_ticket WHERE ticket_number = ?", String.class,
                workedNumber)).isEqualTo("IN_PROGRESS");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM support_ticket_event WHERE ticket_number = ? "
                + "AND event_type = 'ACKNOWLEDGED'", Long.class, workedNumber)).isEqualTo(1);

        String timed = (String) clones.get(2).get("pid");
        Job timer = management.createJobQuery().processInstanceId(timed).timers().orderByJobDuedate().asc().list().get(0);
        long boundaryEvents = history.createHistoricActivityInstanceQuery().processInstanceId(timed)
                .activityType("boundaryTimer").count();
        management.setJobDuedate(timer.getId(), new Date());
        assertThat(management.createJobQuery().jobId(timer.getId()).count()
                - management.createJobQuery().jobId(timer.getId()).executable().count()).as("due: executable").isZero();
        await().atMost(Duration.ofMinutes(5)).until(() -> management.createJobQuery().jobId(timer.getId()).count() == 0);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(timed).activityType("boundaryTimer")
                .count()).as("the timer fired").isEqualTo(boundaryEvents + 1);
        assertThat(runtime.createIncidentQuery().processInstanceId(timed).count()).as("incidents").isZero();
        System.out.printf("clones checked: %s in Tasklist and GET /api/tickets; %s acknowledged by %s; timer %s of %s "
                + "fired%n", number, workedNumber, agent, timer.getId(), timed);
    }

    /** A filter's first page as Tasklist asks for it, narrowed to one ticket's tasks. */
    static HttpResponse<String> listOf(WebSession web, String api, String filter, String number) {
        HttpResponse<String> response = web.post(api + "/filter/" + filter + "/list?firstResult=0&maxResults=15",
                "application/json", "{\"processInstanceBusinessKey\": \"" + number + "\", \"sorting\": [{\"sortBy\": "
                        + "\"dueDate\", \"sortOrder\": \"asc\"}]}", "Accept", "application/hal+json", "X-XSRF-TOKEN",
                web.cookie("XSRF-TOKEN").orElse(""));
        assertThat(response.statusCode()).as(abbreviate(response.body())).isEqualTo(200);
        return response;
    }

    long openTickets() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM support_ticket WHERE closed_at IS NULL", Long.class);
    }

    // --- the queries -------------------------------------------------------------------------------------------

    Map<String, Supplier<HttpResponse<String>>> queries(String agent, String care, String customer) {
        WebSession agentWeb = tasklist(agent);
        WebSession careWeb = tasklist(care);
        WebSession portal = new WebSession(port);
        HttpResponse<String> login = portal.submit("/portal/login", "/portal/login", Map.of("email", customer,
                "password", PORTAL_PASSWORD));
        assertThat(login.statusCode()).as("portal login").isEqualTo(302);
        String api = "/camunda/api/engine/engine/" + engine.getName();
        String myTasks = filterId("My tasks");
        String groupQueue = filterId("My group's queue");
        String supportTickets = filterId("Support tickets");
        Map<String, Supplier<HttpResponse<String>>> queries = new LinkedHashMap<>();
        queries.put(QUERIES.get(0), () -> list(agentWeb, api, myTasks));
        queries.put(QUERIES.get(1), () -> agentWeb.get(api + "/filter/" + myTasks + "/count", "Accept", "application/json"));
        queries.put(QUERIES.get(2), () -> list(agentWeb, api, groupQueue));
        queries.put(QUERIES.get(3), () -> list(careWeb, api, supportTickets));
        queries.put(QUERIES.get(4), () -> {
            String number = numbers.get(random.nextInt(numbers.size()));
            return portal.get("/api/tickets/" + number + "?token=" + links.token(number), "Accept", "application/json");
        });
        queries.put(QUERIES.get(5), () -> portal.get("/portal/requests"));
        return queries;
    }

    WebSession tasklist(String user) {
        WebSession web = new WebSession(port);
        assertThat(web.logIn(user, PASSWORD).statusCode()).as("login of " + user).isEqualTo(302);
        assertThat(web.get("/camunda/app/tasklist/" + engine.getName() + "/").statusCode()).isEqualTo(200);
        return web;
    }

    /** As Tasklist lists a filter: the first page of 15 by due date, with the list's variables (HAL). */
    static HttpResponse<String> list(WebSession web, String api, String filter) {
        return web.post(api + "/filter/" + filter + "/list?firstResult=0&maxResults=15", "application/json",
                "{\"sorting\": [{\"sortBy\": \"dueDate\", \"sortOrder\": \"asc\"}]}", "Accept", "application/hal+json",
                "X-XSRF-TOKEN", web.cookie("XSRF-TOKEN").orElse(""));
    }

    String filterId(String name) {
        return filters.createFilterQuery().filterName(name).list().stream().filter(filter -> filter.getOwner() == null)
                .findFirst().orElseThrow().getId();
    }

    /**
     * The same queries on the same data with one setting undone at a time, the others as configured: what each of
     * the tuning changes of issue 14 brings (authorization-check-revokes, cmmn-enabled, the indexes of V14).
     */
    Map<String, Map<String, Map<String, Double>>> variants(Map<String, Supplier<HttpResponse<String>>> queries) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Map<String, Map<String, Map<String, Double>>> variants = new LinkedHashMap<>();
        if (ENGINE_VARIANTS) {
            engineVariants(configuration, queries, variants);
        }
        indexVariants(queries, variants);
        return variants;
    }

    void engineVariants(ProcessEngineConfigurationImpl configuration, Map<String, Supplier<HttpResponse<String>>> queries,
                        Map<String, Map<String, Map<String, Double>>> variants) {
        String revokes = configuration.getAuthorizationCheckRevokes();
        configuration.setAuthorizationCheckRevokes("never".equals(revokes) ? "auto" : "never");
        variants.put("authorization-check-revokes " + configuration.getAuthorizationCheckRevokes(),
                measure(queries, VARIANT_SAMPLES));
        configuration.setAuthorizationCheckRevokes(revokes);

        boolean cmmn = configuration.isCmmnEnabled();
        boolean standalone = configuration.isStandaloneTasksEnabled();
        configuration.setCmmnEnabled(!cmmn);
        variants.put("cmmn-enabled " + !cmmn, measure(queries, VARIANT_SAMPLES));
        configuration.setStandaloneTasksEnabled(false);
        configuration.setCmmnEnabled(false);
        variants.put("cmmn-enabled false, standalone-tasks-enabled false", measure(queries, VARIANT_SAMPLES));
        configuration.setCmmnEnabled(cmmn);
        configuration.setStandaloneTasksEnabled(standalone);
    }

    void indexVariants(Map<String, Supplier<HttpResponse<String>>> queries,
                       Map<String, Map<String, Map<String, Double>>> variants) {
        // PostgreSQL only: indexes dropped (each the tuning's, re-created after) and indexes tried (dropped after)
        if (PostgresTestDatabase.enabled()) {
            for (String index : DROP_INDEXES) {
                String definition = jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = ?", String.class,
                        index.toLowerCase(java.util.Locale.ROOT));
                jdbc.execute("DROP INDEX " + index);
                analyze();
                variants.put("without index " + index, measure(queries, VARIANT_SAMPLES));
                jdbc.execute(definition);
                analyze();
            }
            for (String index : TRY_INDEXES) {
                jdbc.execute("CREATE INDEX ix_benchmark_try ON " + index);
                analyze();
                variants.put("with index on " + index, measure(queries, VARIANT_SAMPLES));
                jdbc.execute("DROP INDEX ix_benchmark_try");
            }
        }
    }

    void analyze() {
        if (PostgresTestDatabase.enabled()) {
            jdbc.execute("ANALYZE");
        }
    }

    Map<String, Map<String, Double>> measure(Map<String, Supplier<HttpResponse<String>>> queries, int sampleCount) {
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        queries.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
        for (int round = 0; round < WARMUP + sampleCount; round++) {
            for (var query : queries.entrySet()) {
                long start = System.nanoTime();
                HttpResponse<String> response = query.getValue().get();
                long took = System.nanoTime() - start;
                assertThat(response.statusCode()).as(query.getKey() + ": " + abbreviate(response.body())).isEqualTo(200);
                if (round >= WARMUP) {
                    samples.get(query.getKey()).add(took);
                }
            }
        }
        Map<String, Map<String, Double>> latencies = new LinkedHashMap<>();
        samples.forEach((name, nanos) -> {
            Collections.sort(nanos);
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("p50Ms", percentile(nanos, 50));
            figures.put("p95Ms", percentile(nanos, 95));
            figures.put("p99Ms", percentile(nanos, 99));
            latencies.put(name, figures);
        });
        return latencies;
    }

    static double percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    static String abbreviate(String text) {
        return text == null || text.length() < 300 ? text : text.substring(0, 300) + "...";
    }

    // --- output --------------------------------------------------------------------------------------------------

    long databaseBytes() {
        return PostgresTestDatabase.enabled()
                ? jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class) : -1;
    }

    static String loadAverage() {
        return "%.2f".formatted(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static void print(List<Step> steps) {
        System.out.printf("%n=== Queue latency on %s (ms, one client, %d samples after %d warm-up) ===%n", BenchmarkRun.database(),
                SAMPLES, WARMUP);
        StringBuilder header = new StringBuilder("%-22s".formatted("query"));
        steps.forEach(step -> header.append(" | %7d open: p50 / p95 / p99 ".formatted(step.open())));
        if (steps.size() > 1) {
            header.append(" | p95 growth");
        }
        System.out.println(header);
        for (String query : QUERIES) {
            StringBuilder line = new StringBuilder("%-22s".formatted(query));
            steps.forEach(step -> {
                Map<String, Double> figures = step.latencies().get(query);
                line.append(" | %9.1f / %7.1f / %7.1f".formatted(figures.get("p50Ms"), figures.get("p95Ms"),
                        figures.get("p99Ms")));
            });
            if (steps.size() > 1) {
                line.append(" | x %.2f".formatted(steps.get(steps.size() - 1).latencies().get(query).get("p95Ms")
                        / steps.get(0).latencies().get(query).get("p95Ms")));
            }
            System.out.println(line);
        }
        steps.forEach(step -> step.variants().forEach((variant, latencies) -> {
            StringBuilder line = new StringBuilder("%d open, %s, p95 (ms, x as configured):".formatted(step.open(), variant));
            for (String query : QUERIES) {
                double p95 = latencies.get(query).get("p95Ms");
                line.append(" %s %.1f (x %.2f);".formatted(query, p95, p95 / step.latencies().get(query).get("p95Ms")));
            }
            System.out.println(line);
        }));
        steps.forEach(step -> System.out.printf("%d open: loaded at %.1f tickets/s, database %d MB, load average %s%n",
                step.open(), step.loadPerSecond(), step.databaseBytes() / (1024 * 1024), step.loadAverage()));
        System.out.println();
    }

    void write(List<Step> steps) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("database", BenchmarkRun.database());
        report.put("samples", SAMPLES);
        report.put("warmup", WARMUP);
        report.put("agents", AGENTS);
        report.put("companies", COMPANIES);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        report.put("engine", Map.of("cmmnEnabled", configuration.isCmmnEnabled(), "standaloneTasksEnabled",
                configuration.isStandaloneTasksEnabled(), "authorizationCheckRevokes",
                configuration.getAuthorizationCheckRevokes()));
        report.put("loader", LOADER);
        if (sqlLoader != null) {
            report.put("templates", sqlLoader.templates());
            report.put("rowsPerTicket", sqlLoader.inventoryJson());
        }
        report.put("steps", steps);
        BenchmarkRun.write("queue-latency", report);
    }
}
