package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.touchpoint.support.TicketKpis;
import io.touchpoint.testing.KpiTestData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The managers' KPI dashboard in a real browser: a manager logs in, opens /kpis for four weeks of known tickets,
 * surveys and journeys, and every figure's weekly chart is drawn by Chart.js (served by Touchpoint under its
 * 'self'-only CSP), on a laptop and on a 390 px phone.
 */
class KpiDashboardBrowserIT extends BrowserTestSupport {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDate FIRST_MONDAY = LocalDate.of(2032, 5, 3);
    private static final String PERIOD = "from=2032-05-03&to=2032-05-30";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TicketKpis ticketKpis;

    private static boolean seeded;

    private synchronized void seed() {
        if (seeded) {
            return;
        }
        KpiTestData data = new KpiTestData(jdbc);
        for (int week = 0; week < 4; week++) {
            for (int day = 0; day < 5; day++) {
                Instant created = FIRST_MONDAY.plusWeeks(week).plusDays(day).atTime(LocalTime.of(9, 0)).atZone(ZONE)
                        .toInstant();
                int minutes = 10 + 7 * day + 11 * week;
                KpiTestData.Ticket ticket = data.ticket("tech-support", day % 2 == 0 ? "tim" : "terrence", created)
                        .acknowledged(ofMinutes(minutes), minutes < 45).resolved(ofHours(2 + day + week), day != 3);
                data.survey("ticket", ticket.processInstance, ticket.number, day % 2 == 0 ? "tim" : "terrence",
                        created.plus(ofHours(6)), day == 4 ? null : created.plus(ofHours(30)), 2 + (day + week) % 4,
                        3 + day % 3, day == 1 ? "Week " + (week + 1) + ": fixed the same morning" : null);
                data.visitor(day % 3 == 0 ? "PORTAL" : "QUOTE", created, day == 2 ? created.plus(ofMinutes(9)) : null);
            }
            Instant monday = FIRST_MONDAY.plusWeeks(week).atTime(LocalTime.NOON).atZone(ZONE).toInstant();
            data.journey(monday, monday.plus(java.time.Duration.ofDays(1 + week)), week != 2,
                    week != 2 ? monday.plus(java.time.Duration.ofDays(1 + week)) : null,
                    week != 2 ? monday.plus(java.time.Duration.ofDays(6 + week)) : null);
            data.welcomeCallScheduled(monday.plus(ofHours(30)), monday.plus(ofHours(week == 1 ? 40 : 20)));
        }
        // the tickets' summary rows, as the start-up backfill writes them for tickets kept in timeline and history
        ticketKpis.backfill();
        seeded = true;
    }

    @Test
    void aManagerSeesEveryWeeklyTrendDrawnOnALaptop() {
        seed();
        Page page = newPage(1280, 800);
        page.navigate(url("/kpis?" + PERIOD));
        logIn(page, "dan", DEMO_PASSWORD);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/kpis\\?" + PERIOD + "(&continue)?$"));
        assertChartsDrawn(page);
        assertThat(page.locator(".kpi-card[data-kpi=firstResponseMedian] .kpi-value")).containsText("minutes");
        assertThat(page.locator("#kpi-comments")).containsText("Week 4: fixed the same morning");
        screenshot(page, "kpis-1280");
        viewport(page, "kpis-1280-top");
        assertThat(consoleErrors).as("browser console errors (a CSP refusal would show here)").isEmpty();
    }

    @Test
    void theDashboardFitsAPhone() {
        seed();
        Page phone = newPage(390, 844);
        phone.navigate(url("/kpis?" + PERIOD + "&group=tech-support"));
        logIn(phone, "sue", DEMO_PASSWORD);
        assertChartsDrawn(phone);
        Number scrollWidth = (Number) phone.evaluate("() => document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(390);
        screenshot(phone, "kpis-phone-390");
        viewport(phone, "kpis-phone-390-top");
        phone.locator("#kpi-comments").scrollIntoViewIfNeeded();
        viewport(phone, "kpis-phone-390-comments");
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    /** What the window shows, without scrolling: a full page of 23 charts is too tall to look at on a phone. */
    private static void viewport(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshotDir().resolve(name + ".png")));
    }

    /** Every figure's chart exists with a point per week, and its canvas holds more than an empty canvas would. */
    private void assertChartsDrawn(Page page) {
        assertThat(page.locator("#kpi-grid[data-charts=drawn]")).hasCount(1);
        @SuppressWarnings("unchecked")
        List<Object> weeks = (List<Object>) page.evaluate("""
                () => Object.values(window.touchpointKpiCharts).map(chart => chart.data.datasets[0].data.length)""");
        assertThat(weeks).hasSize(23).allSatisfy(count -> assertThat(((Number) count).intValue()).isEqualTo(4));
        Number points = (Number) page.evaluate("""
                () => window.touchpointKpiCharts.firstResponseMedian.data.datasets[0].data.filter(v => v !== null).length""");
        assertThat(points.intValue()).as("first-response weeks with a value").isEqualTo(4);
        @SuppressWarnings("unchecked")
        List<Object> blank = (List<Object>) page.evaluate("""
                () => Array.from(document.querySelectorAll('.kpi-card canvas')).map(canvas => {
                  const empty = document.createElement('canvas');
                  empty.width = canvas.width;
                  empty.height = canvas.height;
                  return canvas.width > 0 && canvas.toDataURL() === empty.toDataURL();
                })""");
        assertThat(blank).as("blank canvases").hasSize(23).containsOnly(false);
    }
}
