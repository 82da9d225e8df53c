package io.touchpoint.portal;

import static io.touchpoint.portal.CustomerAccountsPageTest.quoteRequest;
import static io.touchpoint.portal.PortalTestCustomers.loggedIn;
import static io.touchpoint.portal.PortalTestCustomers.registerAndConfirm;
import static io.touchpoint.portal.PortalTestCustomers.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.orders.OrderEvent;
import io.touchpoint.orders.OrderEventType;
import io.touchpoint.orders.OrderEvents;
import io.touchpoint.provisioning.InstallDateAnswers;
import io.touchpoint.provisioning.InstallDateLinks;
import io.touchpoint.testing.JourneyDriver;
import io.touchpoint.support.SupportPolicy;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * My journey (REG-02, REG-04) over real HTTP: the company's orders in plain words from the engine's history, the next
 * step with its owner and due date; another company's order refused with 404 on the page and the API.
 */
@TouchpointSpringTest
class PortalJourneyTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @LocalServerPort
    int port;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    OrderEvents orderEvents;
    @Autowired
    InstallDateAnswers installDates;
    @Autowired
    InstallDateLinks installDateLinks;
    @Autowired
    SupportPolicy dates;
    @Autowired
    BusinessCalendar calendar;
    JourneyDriver driver;

    @BeforeEach
    void driver() {
        driver = new JourneyDriver(tasks, history, management, orderEvents);
    }

    static final ZoneId NEW_YORK = JourneyDriver.NEW_YORK;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    static final Pattern STATUS = Pattern.compile("class=\"status\">([^<]*)<");
    static final Pattern ITEM = Pattern.compile("(?s)<li[^>]*>(.*?)</li>");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);

    @Test
    void aCustomerFollowsTheCompanysOrdersAndNeverAnotherCompanys() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String login = uniqueEmail("ivy");
        quoteRequest(port, "Ivy Clinics " + suffix, "Ivy Hart", login);
        registerAndConfirm(new WebSession(port), smtp, "Ivy Hart", login);
        String other = uniqueEmail("jon");
        quoteRequest(port, "Jon Garage " + suffix, "Jon Tate", other);
        String ours = quote("Ivy Clinics " + suffix);
        String theirs = quote("Jon Garage " + suffix);

        WebSession ivy = loggedIn(port, login);
        HttpResponse<String> page = ivy.get("/portal/journey");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Quote " + ours).doesNotContain(theirs)
                .contains("Quote requested").contains("Quote sent").contains("Install day").contains("First bill review")
                .contains("Meet you and understand your needs").contains("your sales representative").contains(" · by");
        assertThat(ivy.get("/portal/journey/" + ours).statusCode()).isEqualTo(200);
        assertThat(ivy.get("/portal/api/journeys", "Accept", "application/json").body()).contains(ours)
                .doesNotContain(theirs);

        for (String refused : new String[] {theirs, "Q-2099-99999"}) {
            HttpResponse<String> notOurs = ivy.get("/portal/journey/" + refused);
            assertThat(notOurs.statusCode()).isEqualTo(404);
            assertThat(notOurs.body()).doesNotContain("Jon");
            assertThat(ivy.get("/portal/api/journeys/" + refused, "Accept", "application/json").statusCode())
                    .isEqualTo(404);
        }
    }

    /**
     * One order from the quote to the first bill review, driven as the staff, the providers and the customer drive it
     * ({@link JourneyDriver}); at each stage the customer's page shows the milestone reached with its date in plain
     * words, the dates agreed for what is to come, and the next step with who owns it, in words.
     */
    @Test
    void theCustomerFollowsTheOrderFromTheQuoteToTheFirstBillReview() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String login = uniqueEmail("kai");
        quoteRequest(port, "Kai Dental " + suffix, "Kai Moss", login);
        registerAndConfirm(new WebSession(port), smtp, "Kai Moss", login);
        String quote = quote("Kai Dental " + suffix);
        WebSession kai = loggedIn(port, login);
        String today = LocalDate.now(NEW_YORK).format(DAY);

        // presales: the quote sent, the order signed and paid
        driver.complete(quote, "Task_IntroduceAndAnalyseNeeds");
        driver.complete(quote, "Task_RequestCurrentBills");
        driver.complete(quote, "Task_PrepareProviderQuote");
        driver.complete(quote, "Task_PresentQuotes");
        driver.complete(quote, "Task_ConvertQuoteToOrder", Map.of("numbersToPort", "+1 555 010 0100"));
        String order = driver.orderNumber(quote);
        driver.deliver(order, OrderEvent.of(OrderEventType.ORDER_SIGNED));
        driver.deliver(order, OrderEvent.of(OrderEventType.PAYMENT_RECEIVED));
        ZonedDateTime call = weekday(ZonedDateTime.now(NEW_YORK).plusDays(7)).withHour(14).truncatedTo(ChronoUnit.HOURS);
        driver.complete(quote, "Task_ScheduleWelcomeCall", Map.of("welcomeCallAt", call.toOffsetDateTime().toString()));
        await().atMost(Duration.ofSeconds(60)).until(() -> driver.task(quote, "Task_HoldWelcomeCall") != null);
        assertThat(kai.get("/portal/journey/" + quote).body()).contains("Order " + order);
        assertThat(seen(kai, quote)).contains("State: After: order signed", "Milestone: Quote sent " + today,
                "Milestone: Order signed " + today, "Milestone: Welcome call on " + call.format(DAY) + " to come",
                "Next: Welcome call · our client services team · on " + call.format(TIME));

        // the welcome call held; the site survey and a tentative install date agreed
        driver.complete(quote, "Task_HoldWelcomeCall");
        await().atMost(Duration.ofSeconds(60)).until(() -> driver.task(quote, "Task_ScheduleSiteSurvey") != null);
        assertThat(seen(kai, quote)).contains("State: After: welcome call", "Milestone: Welcome call " + today,
                "Milestone: Site survey to come", "Next: Schedule the site survey and the install date"
                        + " · our client services team or our installation coordinator · by " + businessDays(2));
        ZonedDateTime survey = weekday(call.plusDays(2)).withHour(9);
        ZonedDateTime install = weekday(call.plusDays(14)).withHour(9);
        driver.complete(quote, "Task_ScheduleSiteSurvey", Map.of("siteSurveyAt", survey.toOffsetDateTime().toString(),
                "tentativeInstallAt", install.toOffsetDateTime().toString()));
        await().atMost(Duration.ofSeconds(60)).until(() -> driver.task(quote, "Task_ConductSiteSurvey") != null);
        assertThat(seen(kai, quote)).contains("Milestone: Site survey on " + survey.format(DAY) + " to come",
                "Milestone: Porting date to come", "Milestone: Install day on " + install.format(DAY) + " to come",
                "Next: Site survey · our technician · on " + survey.format(TIME),
                "Next: Prepare the letter of authorization for your numbers · our client services team · by "
                        + businessDays(1));

        // porting: the customer signs the LOA, the carrier confirms the porting date (FOC), which sets the install time
        driver.complete(quote, "Task_SendLoa");
        await().atMost(Duration.ofSeconds(60)).until(() -> seen(kai, quote)
                .contains("Next: Sign the letter of authorization (LOA) · you"));
        driver.deliver(order, OrderEvent.of(OrderEventType.LOA_SIGNED));
        driver.complete(quote, "Task_SubmitPortRequest");
        await().atMost(Duration.ofSeconds(60)).until(() -> seen(kai, quote)
                .contains("Next: Your current carrier confirms the porting date · your current carrier"));
        ZonedDateTime port = install.withHour(11);
        driver.deliver(order, new OrderEvent(OrderEventType.FOC_RECEIVED, null, port.toOffsetDateTime(), null));
        await().atMost(Duration.ofSeconds(60)).until(() -> seen(kai, quote)
                .contains("Next: Accept the install date or propose another · you"));
        assertThat(seen(kai, quote)).contains("Milestone: Porting date on " + port.format(DAY) + " to come",
                "Milestone: Install day on " + install.format(DAY) + " to come")
                .doesNotContain("Next: Your current carrier confirms the porting date · your current carrier");

        // the customer accepts the install date; the site survey is done; the equipment is ready
        assertThat(installDates.accept(order, installDateLinks.token(order))).isEqualTo(InstallDateAnswers.Outcome.DONE);
        driver.complete(quote, "Task_ConductSiteSurvey");
        await().atMost(Duration.ofSeconds(60)).until(() -> driver.task(quote, "Task_OrderEquipment") != null);
        assertThat(seen(kai, quote)).contains("State: After: site survey", "Milestone: Site survey " + today,
                "Next: Order your equipment · our client services team · by " + businessDays(1))
                .doesNotContain("Next: Accept the install date or propose another · you");
        driver.complete(quote, "Task_OrderEquipment");
        driver.deliver(order, OrderEvent.of(OrderEventType.EQUIPMENT_DELIVERED));
        driver.complete(quote, "Task_ConfigurePhones");
        driver.complete(quote, "Task_BuildPortalAccount");
        await().atMost(Duration.ofSeconds(60)).until(() -> driver.task(quote, "Task_InstallOnSite") != null);
        // the install time moved to the porting time (the technician is there two hours before)
        assertThat(seen(kai, quote)).contains("Milestone: Install day on " + install.format(DAY) + " to come",
                "Next: Install day · our technician · on " + port.format(TIME));

        // install day, the numbers ported, training: the services are active
        driver.complete(quote, "Task_InstallOnSite");
        await().atMost(Duration.ofSeconds(60)).until(() -> seen(kai, quote)
                .contains("Next: Your numbers move to us · your current carrier · on " + port.format(TIME)));
        assertThat(seen(kai, quote)).contains("State: After: install day", "Milestone: Install day " + today,
                "Milestone: Porting date on " + port.format(DAY) + " to come");
        driver.deliver(order, OrderEvent.of(OrderEventType.PORT_COMPLETED));
        driver.complete(quote, "Task_TrainOnSiteContact");
        await().atMost(Duration.ofSeconds(60)).until(() -> driver.task(quote, "Task_PreparePresidentNote") != null);
        assertThat(seen(kai, quote)).contains("State: After: activation", "Milestone: Porting date " + today,
                "Milestone: Activation " + today, "Milestone: First bill review to come",
                "Next: Your first full invoice · our billing team");

        // post-sales: the completion letter the morning after the install, the agent's follow-up, the first bill
        driver.fireTimer(quote, "Event_CompletionLetterDue");
        await().atMost(Duration.ofSeconds(60)).until(() -> driver.task(quote, "Task_FollowUpWithCustomer") != null);
        assertThat(seen(kai, quote)).anyMatch(line -> line.startsWith(
                "Next: Check in with you after the install · your sales representative · by "));
        driver.complete(quote, "Task_FollowUpWithCustomer");
        driver.deliver(order, OrderEvent.of(OrderEventType.INVOICE_ISSUED));
        await().atMost(Duration.ofSeconds(60)).until(() -> driver.task(quote, "Task_ReviewFirstBill") != null);
        assertThat(seen(kai, quote)).contains("Next: Check your first bill against the contract · our billing team · by "
                + businessDays(3)).doesNotContain("Next: Your first full invoice · our billing team");
        driver.complete(quote, "Task_ReviewFirstBill");
        List<String> reviewed = seen(kai, quote);
        assertThat(reviewed).contains("State: After: first bill review",
                "Milestone: First bill review " + today + " It matches your contract.");

        // every owner is a role in words, never a candidate group's id
        assertThat(reviewed).filteredOn(line -> line.startsWith("Next: ")).isNotEmpty()
                .allSatisfy(line -> assertThat(line.split(" · ")[1]).startsWith("our "));
    }

    /** What the customer reads on the journey's page now. */
    List<String> seen(WebSession customer, String quote) {
        return seen(customer.get("/portal/journey/" + quote).body());
    }

    /** The day and closing time that many business days from now, as the page writes a due date. */
    String businessDays(int days) {
        return dates.format(calendar.businessDaysFromNow(days));
    }

    static ZonedDateTime weekday(ZonedDateTime day) {
        return day.getDayOfWeek().getValue() >= 6 ? weekday(day.plusDays(1)) : day;
    }

    /** What the customer reads on the journey's page: the state, then each next step and each milestone, one a line. */
    static List<String> seen(String page) {
        List<String> lines = new ArrayList<>();
        Matcher status = STATUS.matcher(page);
        if (status.find()) {
            lines.add("State: " + status.group(1));
        }
        for (String[] list : new String[][] {{"Next: ", "<div class=\"next\">", "</div>"},
                {"Milestone: ", "<ol class=\"timeline\">", "</ol>"}}) {
            int at = page.indexOf(list[1]);
            Matcher item = ITEM.matcher(at < 0 ? "" : page.substring(at, page.indexOf(list[2], at)));
            while (item.find()) {
                lines.add(list[0] + item.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim());
            }
        }
        return lines;
    }

    String quote(String company) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(CustomerJourneyProcess.PROCESS_ID)
                .variableValueEquals(CustomerJourneyProcess.Vars.COMPANY_NAME, company).singleResult().getBusinessKey();
    }
}
