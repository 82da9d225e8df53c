package io.touchpoint.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.notification.Outbox;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * PRV-11 on the customer's side: the invitation's link opens the install-date page; a date that is garbage, past or
 * on a weekend is refused with the page naming the field and changes nothing; a working day goes to the installation
 * coordinator as a Tasklist task; a forged link opens nothing.
 */
@TouchpointSpringTest
class InstallDatePageTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+(/install-date\\?order=[\\w-]+&token=[\\w-]+)");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    Outbox outbox;

    @Autowired
    BusinessCalendar calendar;

    @Test
    void customerProposesAWorkingDayAfterTheirMistakesAreNamed() {
        String order = invitedOrder("O-2026-80011");
        String page = link(order);
        WebSession customer = new WebSession(port);

        HttpResponse<String> opened = customer.get(page);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("Thursday 3 December 2026 at 11:00 AM EST").contains("This date suits us")
                .contains("Propose another date");

        String proposal = "/install-date/O-2026-80011/proposal";
        String token = page.substring(page.indexOf("token=") + 6);
        LocalDate today = LocalDate.now(calendar.zone());
        HttpResponse<String> garbage = customer.submit(page, proposal, Map.of("token", token, "proposedDate", "next week"));
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("Proposed date: please give a date such as");
        HttpResponse<String> past = customer.submit(page, proposal, Map.of("token", token,
                "proposedDate", today.minusDays(3).toString()));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("Proposed date: please choose a date after today.");
        LocalDate saturday = today.plusDays(7).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        HttpResponse<String> weekend = customer.submit(page, proposal, Map.of("token", token,
                "proposedDate", saturday.toString()));
        assertThat(weekend.statusCode()).isEqualTo(400);
        assertThat(weekend.body()).contains("Proposed date: " + saturday + " is not a working day");
        LocalDate workingDay = nextWorkingDay(today.plusDays(7));
        HttpResponse<String> badTime = customer.submit(page, proposal, Map.of("token", token,
                "proposedDate", workingDay.toString(), "proposedTime", "25:99"));
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("Proposed time: please give a time such as 10:30.");
        assertThat(tasks.createTaskQuery().processInstanceId(order).taskDefinitionKey("Task_AgreeInstallDate").count())
                .as("refused answers change nothing").isZero();

        HttpResponse<String> taken = customer.submit(page, proposal, Map.of("token", token,
                "proposedDate", workingDay.toString(), "proposedTime", "10:00", "comment", "Mornings suit us"));
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(customer.follow(taken).body()).contains("we have your proposed date")
                .contains("Client Services confirms it").doesNotContain("This date suits us");

        assertThat(tasks.createTaskQuery().processInstanceId(order).taskDefinitionKey("Task_AgreeInstallDate")
                .taskCandidateGroup("installation-coordinator").count()).isEqualTo(1);
        assertThat((String) runtime.getVariable(order, ProvisioningProcess.Vars.INSTALL_DATE_COMMENT))
                .isEqualTo("Mornings suit us");
        HttpResponse<String> again = customer.postForm("/install-date/O-2026-80011/accept",
                Map.of("token", token, "_csrf", WebSession.csrfToken(opened.body()).orElseThrow()));
        assertThat(again.statusCode()).as("the date is being agreed: no second answer").isEqualTo(409);
    }

    @Test
    void forgedLinkOpensNothingAndAcceptsNothing() {
        String order = invitedOrder("O-2026-80012");
        WebSession stranger = new WebSession(port);

        HttpResponse<String> forged = stranger.get("/install-date?order=O-2026-80012&token=forged");
        assertThat(forged.body()).contains("We found no order for this link").doesNotContain("This date suits us");
        String csrf = WebSession.csrfToken(stranger.get("/login").body()).orElseThrow();
        HttpResponse<String> accept = stranger.postForm("/install-date/O-2026-80012/accept",
                Map.of("token", "forged", "_csrf", csrf));
        assertThat(accept.statusCode()).isEqualTo(404);

        HttpResponse<String> accepted = stranger.submit(link(order), "/install-date/O-2026-80012/accept",
                Map.of("token", link(order).substring(link(order).indexOf("token=") + 6)));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(stranger.follow(accepted).body()).contains("the install date is confirmed");
    }

    /** An order whose invitation the customer received, waiting for the answer. */
    private String invitedOrder(String orderNumber) {
        OffsetDateTime foc = OffsetDateTime.parse("2026-12-03T11:00-05:00");
        return runtime.createProcessInstanceByKey(ProvisioningProcess.PROCESS_ID).businessKey("Q-" + orderNumber.substring(2))
                .startBeforeActivity("Task_ConfirmInstallDate")
                .setVariables(InstallationInvitationTest.order(orderNumber)
                        .putValue(ProvisioningProcess.Vars.FOC_AT, Date.from(foc.toInstant())))
                .execute().getId();
    }

    /** The link of the order's invitation, as the customer's mail program shows it. */
    private String link(String order) {
        String text = Mails.text(Mails.awaitReceived(smtp, outbox, order, "Installation of your services on"));
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("the invitation carries the link to answer").isTrue();
        return link.group(1);
    }

    private LocalDate nextWorkingDay(LocalDate from) {
        LocalDate day = from;
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
