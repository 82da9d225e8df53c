package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.touchpoint.journey.Catalog;
import io.touchpoint.journey.CustomerJourney;
import io.touchpoint.journey.QuoteRequest;
import io.touchpoint.knowledge.KnowledgeBase;
import io.touchpoint.knowledge.NewArticle;
import io.touchpoint.notification.CapturedMailbox;
import io.touchpoint.support.NewTicket;
import io.touchpoint.support.TicketService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Touchpoint's own pages at the sizes people use them: the tracking page on a 390 px phone, the captured mail at
 * 1280 px, the knowledge base with its categories and tags named as staff say them.
 */
class OwnPagesBrowserIT extends BrowserTestSupport {

    @Autowired
    TicketService tickets;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    CustomerJourney journey;
    @Autowired
    CapturedMailbox mailbox;

    @Test
    void theTrackingPageFitsAPhoneAndSpeaksTheCustomersWords() {
        TicketService.Created created = tickets.open(new NewTicket("Phones down at the front desk",
                "Since 8:00 every desk phone at reception shows No service; the log says "
                        + "https://pbx.harbor.example/admin/registrations/failed?since=2026-12-01T08:00:00-05:00&all=true",
                NewTicket.Category.OUTAGE, NewTicket.Priority.P1, null, null, "ops@harbor-phones.example", "Hana Ortiz",
                "ACC-5151", NewTicket.Channel.PORTAL, NewTicket.RequesterType.CUSTOMER, null));
        ProcessInstance ticket = runtime.createProcessInstanceQuery().processInstanceBusinessKey(created.ticketNumber())
                .singleResult();
        complete(ticket, "UserTask_AcknowledgeTicket", Map.of("acknowledgementNote", "Calling the site now"));
        complete(ticket, "UserTask_WorkTicket", Map.of("workOutcome", "NEED_INFO",
                "questionToCustomer", "Which firmware does the router show? Its status page is "
                        + "https://192.168.1.1/cgi-bin/luci/admin/status/overview?tab=firmware-and-hardware-details"));

        Page phone = newPage(390, 844);
        phone.navigate(created.trackingUrl().replaceFirst("^https?://[^/]+", url("")));
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your agent asks"))).isVisible();
        assertThat(phone.locator("#urgency")).hasText("Critical: we work on it first");
        assertThat(phone.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Ticket status")))
                .not().containsText("P1");
        Locator history = phone.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Ticket history"));
        assertThat(history).containsText("Which firmware does the router show?");
        assertThat(history.locator("td.details").first()).isVisible();
        assertNoSidewaysScroll(phone, 390);
        screenshot(phone, "track-phone-390");
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    @Test
    void theCapturedMailShowsWholeSubjectsAt1280() {
        String quoteNumber = journey.start(new QuoteRequest("Greenfield Landscape Architects and Partners LLP",
                "Samuel Okafor-Richardson", "samuel.okafor-richardson@greenfield-landscape-architects.example",
                "+1 555 010 0191", 12, List.of(Catalog.Service.HOSTED_VOICE), List.of(), null, null));
        String subject = "Your quote request " + quoteNumber;
        awaitCapturedMail(mailbox, subject);
        Page page = newPage(1280, 800);
        page.navigate(url("/mail"));
        logIn(page, "admin", "admin");
        // the row of the customer's confirmation: the team's invitation to the introduction names the quote too
        Locator row = page.locator("tr").filter(new Locator.FilterOptions().setHasText(subject));
        Locator cell = row.locator("td.subject");
        assertThat(cell).hasText(subject);
        Map<?, ?> size = (Map<?, ?>) cell.evaluate("c => ({scroll: c.scrollWidth, client: c.clientWidth})");
        assertThat(((Number) size.get("scroll")).intValue()).as("the subject's width, of its cell's")
                .isLessThanOrEqualTo(((Number) size.get("client")).intValue());
        assertNoSidewaysScroll(page, 1280);
        screenshot(page, "mail-list-1280");
    }

    @Test
    void theKnowledgeBaseNamesCategoriesAndTagsAsStaffSayThem() {
        String title = "Moving a desk phone to another floor " + System.nanoTime();
        knowledge.create(new NewArticle(title, "A phone moved to another floor gets no dial tone",
                "Re-assign the port in the switch and reboot the phone", "MOVE_ADD_CHANGE", List.of("moves", "desk phone"),
                null), "tim");
        Page page = newPage(1280, 900);
        page.navigate(url("/kb?q=" + title.replace(' ', '+')));
        logIn(page, "tim", DEMO_PASSWORD);
        Locator row = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(row.locator("td").nth(1)).hasText("Move, add, change");
        assertThat(row.locator("td").nth(2)).hasText("moves, desk phone");
        assertThat(page.locator("#category option")).containsText(new String[] {"Any category", "Outage",
            "Degraded service", "Equipment", "Access", "Billing", "Move, add, change", "General"});
        assertThat(page.locator("body")).not().containsText("MOVE_ADD_CHANGE");
        screenshot(page, "kb-search-categories");

        row.getByRole(AriaRole.LINK).click();
        assertThat(page.locator("p.hint")).containsText("Move, add, change");
        assertThat(page.locator("p.hint")).containsText("tags: moves, desk phone");
    }

    private void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        Task task = await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery()
                .processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult(), t -> t != null);
        tasks.complete(task.getId(), variables);
    }

}
