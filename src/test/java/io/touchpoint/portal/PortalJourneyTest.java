package io.touchpoint.portal;

import static io.touchpoint.portal.CustomerAccountsPageTest.quoteRequest;
import static io.touchpoint.portal.PortalTestCustomers.loggedIn;
import static io.touchpoint.portal.PortalTestCustomers.registerAndConfirm;
import static io.touchpoint.portal.PortalTestCustomers.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.orders.OrderEvent;
import io.touchpoint.orders.OrderEventType;
import io.touchpoint.orders.OrderEvents;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
    OrderEvents orderEvents;

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

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
     * The milestones past the quote request, from a journey driven as the staff and the e-signature provider drive
     * it: the quote sent, the order signed, the welcome call on the date Client Services agreed with the customer;
     * the next step is that call, with its owner.
     */
    @Test
    void theJourneyMovesFromTheQuoteToTheAgreedWelcomeCall() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String login = uniqueEmail("kai");
        quoteRequest(port, "Kai Dental " + suffix, "Kai Moss", login);
        registerAndConfirm(new WebSession(port), smtp, "Kai Moss", login);
        String quote = quote("Kai Dental " + suffix);

        complete(quote, "Task_IntroduceAndAnalyseNeeds", Map.of("needsAnalysis", "Two sites", "needsNext", "NEEDS_CLEAR"));
        complete(quote, "Task_RequestCurrentBills", Map.of());
        complete(quote, "Task_PrepareProviderQuote", Map.of("quoteLines", "8 x Hosted seat, 25.00",
                "quoteMonthlyTotal", 200, "quoteOneTimeTotal", 300, "contractTermMonths", "36"));
        complete(quote, "Task_PresentQuotes", Map.of("customerDecision", "APPROVED", "chosenQuote", "OWN_QUOTE"));
        complete(quote, "Task_ConvertQuoteToOrder", Map.of("phoneCount", 8, "extensionCount", 8,
                "installAddress", "1 Main St", "e911Address", "1 Main St", "workbookComplete", true));
        String order = await().atMost(Duration.ofSeconds(60)).until(() -> history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(quote).list()
                        .stream().map(instance -> instance.getId()).toArray(String[]::new))
                .variableName(CustomerJourneyProcess.Vars.ORDER_NUMBER).list().stream()
                .map(variable -> (String) variable.getValue()).filter(java.util.Objects::nonNull).findFirst().orElse(null),
                java.util.Objects::nonNull);
        for (OrderEventType signedAndPaid : List.of(OrderEventType.ORDER_SIGNED, OrderEventType.PAYMENT_RECEIVED)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> orderEvents.deliver(order, OrderEvent.of(signedAndPaid))
                    == OrderEvents.Result.ACCEPTED);
        }
        ZonedDateTime call = ZonedDateTime.now(ZoneId.of("America/New_York")).plusDays(7).withHour(14).withMinute(0)
                .truncatedTo(ChronoUnit.MINUTES);
        complete(quote, "Task_ScheduleWelcomeCall", Map.of("welcomeCallAt", call.toOffsetDateTime().toString()));
        await().atMost(Duration.ofSeconds(60)).until(() -> taskOf(quote, "Task_HoldWelcomeCall") != null);

        String page = loggedIn(port, login).get("/portal/journey/" + quote).body();
        String today = LocalDate.now(ZoneId.of("America/New_York")).format(DAY);
        assertThat(page).contains(order)
                .containsPattern("Quote sent</[a-z]+>\\s*<[^>]+>" + today)
                .containsPattern("Order signed</[a-z]+>\\s*<[^>]+>" + today)
                .contains("Welcome call on " + call.format(DAY))
                .contains("Welcome call</strong>");
    }

    void complete(String quote, String taskKey, Map<String, Object> variables) {
        Task task = await().atMost(Duration.ofSeconds(60)).until(() -> taskOf(quote, taskKey), java.util.Objects::nonNull);
        tasks.complete(task.getId(), variables);
    }

    Task taskOf(String quote, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(quote).taskDefinitionKey(taskKey).singleResult();
    }

    String quote(String company) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(CustomerJourneyProcess.PROCESS_ID)
                .variableValueEquals(CustomerJourneyProcess.Vars.COMPANY_NAME, company).singleResult().getBusinessKey();
    }
}
