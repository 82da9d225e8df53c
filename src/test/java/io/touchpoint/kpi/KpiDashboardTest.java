package io.touchpoint.kpi;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.support.TicketKpis;
import io.touchpoint.testing.Http;
import io.touchpoint.testing.KpiTestData;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The managers' KPIs (KPI-01 to KPI-07 and the journey's own) against tickets, surveys, journeys and visitors with
 * known timings in two weeks of 2031 that no other test touches: every figure exact, over the period and by week,
 * narrowed by group and agent; who may see them; bad filters; the CSV export; the visitor cookie.
 */
@TouchpointSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiDashboardTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final LocalDate WEEK_1 = LocalDate.of(2031, 3, 3);
    static final LocalDate WEEK_2 = LocalDate.of(2031, 3, 10);
    static final String PERIOD = "from=2031-03-03&to=2031-03-16";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TicketKpis ticketKpis;

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    /** Noon, business time, of a day of the period. */
    static Instant noon(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(ZONE).toInstant();
    }

    @BeforeAll
    void knownDataSet() {
        KpiTestData data = new KpiTestData(jdbc);
        Instant monday = noon(WEEK_1);
        // tech-support, week 1: first responses 10, 20, 30, 40, 100 minutes; resolutions 1, 2, 3, 4 hours
        KpiTestData.Ticket t1 = data.ticket("tech-support", "tim", monday)
                .acknowledged(ofMinutes(10), true).resolved(ofHours(1), true);
        KpiTestData.Ticket t2 = data.ticket("tech-support", "tim", monday.plus(ofHours(1)))
                .acknowledged(ofMinutes(20), true).event("RESOLVED", ofMinutes(50)).reopened().event("ESCALATED",
                        ofMinutes(70)).resolved(ofHours(2), true).confirmation(true, "Works now, thanks");
        KpiTestData.Ticket t3 = data.ticket("tech-support", "tim", monday.plus(ofDays(1)))
                .acknowledged(ofMinutes(30), true).resolved(ofHours(3), false);
        data.ticket("tech-support", "terrence", monday.plus(ofDays(2)))
                .acknowledged(ofMinutes(40), false).event("ESCALATED", ofHours(2)).resolved(ofHours(4), true);
        data.ticket("tech-support", "terrence", monday.plus(ofDays(3))).acknowledged(ofMinutes(100), false);
        // tech-support, week 2: first response 60 minutes, resolution 10 hours
        KpiTestData.Ticket t6 = data.ticket("tech-support", "terrence", noon(WEEK_2))
                .acknowledged(ofMinutes(60), true).resolved(ofHours(10), true);
        // second level, week 1: acknowledged after 5 minutes, not resolved, no SLA variables
        data.ticket("tech-support-l2", "lars", monday.plus(ofHours(2))).event("ACKNOWLEDGED", ofMinutes(5));
        // outside the period: counts nowhere
        data.ticket("tech-support", "tim", noon(WEEK_1.minusDays(1))).acknowledged(ofMinutes(1), true)
                .resolved(ofMinutes(2), true);

        // surveys: tim rated 5 and 4, terrence 2, an installation survey without a person; one sent, not answered
        data.survey("ticket", t1.processInstance, t1.number, "tim", monday.plus(ofHours(2)),
                monday.plus(ofHours(5)), 5, 5, "Quick and friendly");
        data.survey("ticket", t2.processInstance, t2.number, "tim", monday.plus(ofHours(4)),
                monday.plus(ofDays(1)), 3, 4, null);
        data.survey("installation", "kpi-journey-pi", "Q-KPI-1", null, monday.plus(ofDays(2)),
                monday.plus(ofDays(3)), 4, null, "Smooth install");
        data.survey("ticket", t3.processInstance, t3.number, "tim", monday.plus(ofDays(1)), null, null, null, null);
        data.survey("ticket", t6.processInstance, t6.number, "terrence", noon(WEEK_2).plus(ofHours(11)),
                noon(WEEK_2).plus(ofDays(1)), 2, 2, "Took too long");

        // journeys: 3 won of 4 decided; quote to signature 2, 4 and 1 days; signature to activation 7 and 5 days
        Instant sent1 = monday;
        data.journey(sent1, sent1.plus(ofDays(2)), true, sent1.plus(ofDays(2)), sent1.plus(ofDays(9)));
        Instant sent3 = monday.plus(ofDays(1));
        data.journey(sent3, sent3.plus(ofDays(4)), true, sent3.plus(ofDays(4)), sent3.plus(ofDays(9)));
        Instant sent4 = noon(WEEK_2);
        data.journey(sent4, sent4.plus(ofDays(1)), true, sent4.plus(ofDays(1)), null);
        data.journey(monday, monday.plus(ofDays(3)), false, null, null);

        // welcome calls: two scheduled on time, one late and escalated
        data.welcomeCallScheduled(monday.plus(ofDays(2)), monday.plus(ofDays(1)));
        data.welcomeCallScheduled(noon(WEEK_2).plus(ofDays(2)), noon(WEEK_2).plus(ofDays(2)));
        data.welcomeCallScheduled(noon(WEEK_2), noon(WEEK_2).plus(ofDays(1)));
        data.welcomeCallEscalated(noon(WEEK_2).plus(ofHours(1)));

        // visitors: two of the quote page (one sent a quote request), one of the portal
        data.visitor(Visitors.QUOTE_PAGE, monday, monday.plus(ofMinutes(5)));
        data.visitor(Visitors.QUOTE_PAGE, noon(WEEK_2), null);
        data.visitor(Visitors.PORTAL, noon(WEEK_2), null);

        // the tickets above are rows of the timeline and the engine's history, as tickets older than the summary
        // table are: their summary rows come from the start-up backfill (TicketApiTest shows the steps write the same)
        ticketKpis.backfill();
    }

    @Test
    void everyKpiOverThePeriodAndByWeek() {
        Map<String, Map<String, Object>> kpis = figures(PERIOD);

        assertFigure(kpis, "conversionRate", 75.0, 4);
        assertFigure(kpis, "firstResponseMedian", 30.0, 7); // 5 10 20 30 40 60 100
        assertFigure(kpis, "firstResponseP90", 76.0, 7);
        assertFigure(kpis, "resolutionMedian", 3.0, 5); // 1 2 3 4 10 hours
        assertFigure(kpis, "resolutionP90", 7.6, 5);
        assertFigure(kpis, "agentRating", 3.67, 3); // 5 4 2
        assertFigure(kpis, "csat", 50.0, 4); // 5 3 4 2
        assertFigure(kpis, "slaFirstResponse", 66.67, 6);
        assertFigure(kpis, "slaResolution", 80.0, 5);
        assertFigure(kpis, "slaCompliance", 60.0, 5);
        assertFigure(kpis, "newVisitorsQuotePage", 2.0, 2);
        assertFigure(kpis, "newVisitorsPortal", 1.0, 1);
        assertFigure(kpis, "visitorsQuoteRequests", 1.0, 1);
        assertFigure(kpis, "visitorConversion", 33.33, 3);
        assertFigure(kpis, "quoteToSignatureMedian", 2.0, 3); // 1 2 4 days
        assertFigure(kpis, "quoteToSignatureP90", 3.6, 3);
        assertFigure(kpis, "welcomeCallsOnTime", 66.67, 3);
        assertFigure(kpis, "signatureToActivationMedian", 6.0, 2); // 5 7 days
        assertFigure(kpis, "signatureToActivationP90", 6.8, 2);
        assertFigure(kpis, "ticketEscalations", 2.0, 2);
        assertFigure(kpis, "journeyEscalations", 1.0, 1);
        assertFigure(kpis, "reopenRate", 20.0, 5);
        assertFigure(kpis, "surveyResponseRate", 80.0, 5);

        assertThat(weekly(kpis, "firstResponseMedian")).containsExactly(
                Map.of("week", "2031-03-03", "value", 25.0, "count", 6), // 5 10 20 30 40 100
                Map.of("week", "2031-03-10", "value", 60.0, "count", 1));
        assertThat(weekly(kpis, "quoteToSignatureMedian")).containsExactly(
                Map.of("week", "2031-03-03", "value", 3.0, "count", 2),
                Map.of("week", "2031-03-10", "value", 1.0, "count", 1));
        assertThat(weekly(kpis, "newVisitorsPortal")).containsExactly(
                Map.of("week", "2031-03-03", "value", 0.0, "count", 0),
                Map.of("week", "2031-03-10", "value", 1.0, "count", 1));
        assertThat(weekly(kpis, "welcomeCallsOnTime")).extracting(point -> point.get("value"))
                .containsExactly(100.0, 50.0);
    }

    @Test
    void groupAndAgentNarrowTheSupportFigures() {
        Map<String, Map<String, Object>> support = figures(PERIOD + "&group=tech-support");
        assertFigure(support, "firstResponseMedian", 35.0, 6); // 10 20 30 40 60 100
        assertFigure(support, "firstResponseP90", 80.0, 6);
        assertFigure(support, "csat", 33.33, 3); // the ticket surveys: 5 3 2
        assertFigure(support, "conversionRate", 75.0, 4); // not narrowed
        assertThat(support.get("conversionRate").get("narrowed")).isEqualTo(false);
        assertThat(support.get("csat").get("narrowed")).isEqualTo(true);

        Map<String, Map<String, Object>> terrence = figures(PERIOD + "&agent=terrence");
        assertFigure(terrence, "firstResponseMedian", 60.0, 3); // 40 100 60
        assertFigure(terrence, "agentRating", 2.0, 1);
        assertFigure(terrence, "slaFirstResponse", 33.33, 3);
        assertFigure(terrence, "ticketEscalations", 1.0, 1);

        Map<String, Map<String, Object>> tim = figures(PERIOD + "&group=tech-support&agent=tim");
        assertFigure(tim, "agentRating", 4.5, 2);
        assertFigure(tim, "surveyResponseRate", 66.67, 3);
        assertFigure(tim, "reopenRate", 33.33, 3);
    }

    @Test
    void customersCommentsOfThePeriodNewestFirst() {
        Map<String, Object> report = report(PERIOD);
        assertThat(report.get("commentCount")).isEqualTo(4);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> comments = (List<Map<String, Object>>) report.get("comments");
        assertThat(comments).extracting(c -> c.get("text"))
                .containsExactly("Took too long", "Smooth install", "Quick and friendly", "Works now, thanks");
    }

    @Test
    void managersAnalystsAndAdminsOnly() {
        assertThat(new WebSession(port).get("/kpis").statusCode()).as("anonymous: to the login page").isEqualTo(302);
        HttpResponse<String> anonymousApi = new Http(port).get("/api/kpis", "Accept", "application/json");
        assertThat(anonymousApi.statusCode()).isEqualTo(401);
        assertThat(Http.contentType(anonymousApi)).startsWith("application/problem+json");

        WebSession sara = session("sara");
        assertThat(sara.get("/kpis").statusCode()).as("a sales rep").isEqualTo(403);
        assertThat(sara.get("/api/kpis", "Accept", "application/json").statusCode()).isEqualTo(403);
        assertThat(sara.get("/api/kpis.csv").statusCode()).isEqualTo(403);
        assertThat(session("tim").get("/kpis").statusCode()).as("an agent").isEqualTo(403);

        for (String user : List.of("dan", "sue", "alex")) {
            WebSession manager = session(user);
            HttpResponse<String> page = manager.get("/kpis?" + PERIOD);
            assertThat(page.statusCode()).as(user).isEqualTo(200);
            assertThat(page.body()).contains("Managers' KPIs").contains("First response, median")
                    .contains("/webjars/chart.js/4.4.1/dist/chart.umd.js").contains("/kpis.js")
                    .contains("Works now, thanks");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self'");
            assertThat(manager.get("/webjars/chart.js/4.4.1/dist/chart.umd.js").statusCode()).isEqualTo(200);
            assertThat(manager.get("/kpis.js").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void badFiltersAnswer400NamingTheField() {
        WebSession dan = session("dan");
        Map<String, String> bad = Map.of(
                "from=2031-13-01", "from",
                "to=yesterday", "to",
                "from=2031-03-16&to=2031-03-03", "from",
                "from=2030-01-01&to=2031-03-16", "to",
                "group=nobody", "group",
                "agent=%3Cscript%3E", "agent",
                "from=2031-03-01&from=2031-03-02", "from");
        bad.forEach((query, field) -> {
            HttpResponse<String> api = dan.get("/api/kpis?" + query, "Accept", "application/json");
            assertThat(api.statusCode()).as(query).isEqualTo(400);
            assertThat(Http.contentType(api)).startsWith("application/problem+json");
            assertThat(Http.fields(api)).as(query).containsExactly(field);
            assertThat(dan.get("/api/kpis.csv?" + query).statusCode()).as(query).isEqualTo(400);
            HttpResponse<String> page = dan.get("/kpis?" + query);
            assertThat(page.statusCode()).as(query).isEqualTo(400);
            assertThat(page.body()).as(query).contains("class=\"error\"").doesNotContain("kpi-grid");
        });
    }

    @Test
    void csvExportWithTheSameFigures() {
        HttpResponse<String> csv = session("sue").get("/api/kpis.csv?" + PERIOD + "&group=tech-support");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("kpis-2031-03-03-to-2031-03-16.csv");
        assertThat(csv.body()).startsWith("\"kpi\",\"catalogue\",\"label\",\"unit\",\"period_from\",\"period_to\","
                        + "\"week\",\"value\",\"count\",\"group\",\"agent\"\r\n")
                .contains("\"firstResponseMedian\",\"KPI-02\",\"First response, median\",\"minutes\",\"2031-03-03\","
                        + "\"2031-03-16\",\"\",\"35\",\"6\",\"tech-support\",\"\"\r\n")
                .contains("\"firstResponseMedian\",\"KPI-02\",\"First response, median\",\"minutes\",\"2031-03-03\","
                        + "\"2031-03-16\",\"2031-03-10\",\"60\",\"1\",\"tech-support\",\"\"\r\n")
                .contains("\"conversionRate\",\"KPI-01\",\"Conversion rate\",\"%\",\"2031-03-03\",\"2031-03-16\",\"\","
                        + "\"75\",\"4\",\"\",\"\"\r\n")
                .contains("\"signatureToActivationP90\",\"journey\",\"Signature to activation, 90th percentile\","
                        + "\"days\",\"2031-03-03\",\"2031-03-16\",\"\",\"6.8\",\"2\",\"\",\"\"\r\n");
        // one record per figure for the period and one per week
        assertThat(csv.body().split("\r\n")).hasSize(1 + 23 * 3);
    }

    @Test
    void aNewVisitorOfTheQuotePageIsCountedOnceAndItsQuoteRequestToo() {
        WebSession browser = new WebSession(port);
        HttpResponse<String> first = browser.get("/quote");
        assertThat(first.statusCode()).isEqualTo(200);
        String visitor = browser.cookie(VisitorCookieFilter.COOKIE).orElseThrow();
        assertThat(first.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(VisitorCookieFilter.COOKIE + "=" + visitor).contains("HttpOnly").contains("SameSite=Lax")
                .contains("Max-Age=31536000"));
        assertThat(browser.get("/quote").headers().allValues("Set-Cookie"))
                .noneMatch(cookie -> cookie.startsWith(VisitorCookieFilter.COOKIE));
        assertThat(visitorRow(visitor)).containsEntry("FIRST_PAGE", "QUOTE").containsEntry("QUOTE_REQUESTED_AT", null);

        HttpResponse<String> request = browser.post("/api/quote-requests", "application/json", """
                {"companyName": "Visitor Dental", "contactName": "Vera Visitor", "contactEmail": "vera-%s@visitor.example",
                 "phone": "+1 555 010 0199", "seats": 4, "requestedServices": ["HOSTED_VOICE"]}"""
                .formatted(visitor.substring(0, 8)), "Accept", "application/json");
        assertThat(request.statusCode()).as(request.body()).isEqualTo(201);
        assertThat(visitorRow(visitor).get("QUOTE_REQUESTED_AT")).isNotNull();

        WebSession portal = new WebSession(port);
        portal.get("/portal");
        String portalVisitor = portal.cookie(VisitorCookieFilter.COOKIE).orElseThrow();
        assertThat(visitorRow(portalVisitor)).containsEntry("FIRST_PAGE", "PORTAL");
    }

    private Map<String, Object> visitorRow(String id) {
        return jdbc.queryForList("SELECT first_page, quote_requested_at FROM kpi_visitor WHERE visitor_id = ?", id)
                .get(0).entrySet().stream().collect(java.util.HashMap::new,
                        (map, e) -> map.put(e.getKey().toUpperCase(java.util.Locale.ROOT), e.getValue()),
                        java.util.HashMap::putAll);
    }

    private WebSession session(String user) {
        WebSession session = new WebSession(port);
        session.logIn(user, "demo");
        return session;
    }

    private Map<String, Object> report(String query) {
        HttpResponse<String> response = session("dan").get("/api/kpis?" + query, "Accept", "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return json.readValue(response.body(), new TypeReference<>() { });
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> figures(String query) {
        Map<String, Map<String, Object>> byId = new java.util.LinkedHashMap<>();
        ((List<Map<String, Object>>) report(query).get("figures")).forEach(f -> byId.put((String) f.get("id"), f));
        return byId;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> weekly(Map<String, Map<String, Object>> kpis, String id) {
        return (List<Map<String, Object>>) kpis.get(id).get("weekly");
    }

    private static void assertFigure(Map<String, Map<String, Object>> kpis, String id, double value, int count) {
        assertThat(kpis).containsKey(id);
        assertThat(((Number) kpis.get(id).get("value")).doubleValue()).as(id).isEqualTo(value);
        assertThat(((Number) kpis.get(id).get("count")).intValue()).as(id + " count").isEqualTo(count);
    }
}
