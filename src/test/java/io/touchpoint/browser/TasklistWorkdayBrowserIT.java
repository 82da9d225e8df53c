package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.touchpoint.journey.Catalog;
import io.touchpoint.journey.CustomerJourney;
import io.touchpoint.journey.QuoteRequest;
import io.touchpoint.support.NewTicket;
import io.touchpoint.support.TicketService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A working day in Tasklist (issue 10): a sales rep tells her cards apart by company and finds a task by typing its
 * quote number; a support agent's P1 ticket sorts first and shows in "Escalated" once escalated; "Due today" holds
 * only his own tasks and his groups' unclaimed ones, with people by their full names.
 */
class TasklistWorkdayBrowserIT extends BrowserTestSupport {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 1000;

    @Autowired
    CustomerJourney journeys;
    @Autowired
    TicketService tickets;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void salesRepTellsCardsApartByCompanyAndFindsATaskByTypingTheQuoteNumber() {
        String bayview = journeys.start(request("Bayview Orthodontics"));
        String cedar = journeys.start(request("Cedar Ridge Realty"));
        awaitTask(bayview, "Task_IntroduceAndAnalyseNeeds");
        Task cedarTask = awaitTask(cedar, "Task_IntroduceAndAnalyseNeeds");

        Page sara = newPage(WIDTH, HEIGHT);
        login(sara, "tasklist", "sara", DEMO_PASSWORD);
        openFilter(sara, "My group's queue");
        Locator bayviewCard = card(sara, bayview);
        Locator cedarCard = card(sara, cedar);
        assertThat(bayviewCard.locator("h4.task")).containsText("Introduce our team and analyse needs · Bayview Orthodontics");
        assertThat(bayviewCard.locator(".variables")).containsText("Company:");
        assertThat(bayviewCard.locator(".variables")).containsText("Bayview Orthodontics");
        assertThat(bayviewCard.locator(".variables")).containsText(bayview);
        assertThat(cedarCard.locator(".variables")).containsText("Cedar Ridge Realty");
        calm(sara);
        screenshot(sara, "tasklist-workday-01-sara-cards-by-company");

        // she types the quote number into the search, as it stands on the customer's email
        Locator search = sara.locator("input.main-field");
        search.click();
        search.fill(cedar);
        search.press("Enter");
        assertThat(sara.locator("ol.tasks-list > li.task")).hasCount(1);
        assertThat(card(sara, cedar).locator(".variables")).containsText("Cedar Ridge Realty");
        card(sara, cedar).locator("h4.task a").click();
        assertThat(sara.locator("h2.task")).containsText(cedarTask.getName());
        assertThat(sara.locator(".fjs-form")).isVisible();
        calm(sara);
        screenshot(sara, "tasklist-workday-02-sara-found-by-quote-number");
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    @Test
    void agentsP1TicketSortsFirstAndShowsInEscalatedOnceEscalated() {
        String outage = openAssignedToTim("Whole office offline", NewTicket.Priority.P1);
        String glitch = openAssignedToTim("Echo on some calls", NewTicket.Priority.P3);
        String question = openAssignedToTim("Change of voicemail greeting", NewTicket.Priority.P4);

        Page tim = newPage(WIDTH, HEIGHT);
        login(tim, "tasklist", "tim", DEMO_PASSWORD);
        openFilter(tim, "My tasks");
        sortByPriority(tim);
        assertThat(card(tim, outage).locator(".priority")).hasText("70");
        assertThat(card(tim, glitch).locator(".priority")).hasText("50");
        assertThat(card(tim, question).locator(".priority")).hasText("40");
        assertThat(card(tim, outage).locator(".variables")).containsText("P1");
        // Tasklist renders the list again in the new order: wait for it
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> names = tim.locator("ol.tasks-list > li.task h4.task").allTextContents();
            assertThat(indexOf(names, outage)).as("the P1 outage first of his tickets").isLessThan(indexOf(names, glitch));
            assertThat(indexOf(names, glitch)).isLessThan(indexOf(names, question));
            List<Integer> priorities = tim.locator("ol.tasks-list > li.task .priority").allTextContents().stream()
                    .map(String::strip).map(Integer::valueOf).toList();
            assertThat(priorities).as("sorted by priority").isSortedAccordingTo((a, b) -> b - a);
        });
        calm(tim);
        screenshot(tim, "tasklist-workday-03-tim-by-priority");

        openFilter(tim, "Escalated");
        assertThat(card(tim, outage)).hasCount(0);

        // the first response is missed: the SLA timer escalates the ticket
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(outage).singleResult().getId();
        Job breach = management.createJobQuery().processInstanceId(instance).activityId("BoundaryEvent_FirstResponseBreached")
                .singleResult();
        management.executeJob(breach.getId());
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgeTask(outage).getPriority() >= 80);

        tim.reload();
        assertThat(card(tim, outage).locator(".priority")).hasText("90");
        assertThat(card(tim, glitch)).hasCount(0);
        calm(tim);
        screenshot(tim, "tasklist-workday-04-tim-escalated");
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    @Test
    void dueTodayHoldsOnlyHisTasksAndHisGroupsUnclaimedOnes() {
        Date now = new Date();
        List<Task> created = new ArrayList<>();
        Task mine = standaloneTask(created, "Call back Birch Bakery", now, "tech-support", "tim");
        Task unclaimed = standaloneTask(created, "Call back Birch Garage", now, "tech-support", null);
        Task colleagues = standaloneTask(created, "Call back Birch Florist", now, "tech-support", "terrence");
        Task billings = standaloneTask(created, "Call back Birch Dentist", now, "billing", null);
        Task later = standaloneTask(created, "Call back Birch Library", Date.from(Instant.now().plus(Duration.ofDays(3))),
                "tech-support", null);
        try {
            Page tim = newPage(WIDTH, HEIGHT);
            login(tim, "tasklist", "tim", DEMO_PASSWORD);
            openFilter(tim, "Due today");
            Locator list = tim.locator("ol.tasks-list");
            assertThat(card(tim, mine.getName()).locator("h5.assignee")).hasText("Tim Samuel");
            assertThat(card(tim, unclaimed.getName())).isVisible();
            for (Task other : List.of(colleagues, billings, later)) {
                assertThat(list).not().containsText(other.getName());
            }
            assertThat(list).not().containsText("terrence");
            calm(tim);
            growViewportToContent(tim, HEIGHT);
            screenshot(tim, "tasklist-workday-05-tim-due-today");
            assertThat(consoleErrors).as("browser console errors").isEmpty();
        } finally {
            created.forEach(task -> tasks.deleteTask(task.getId(), true));
        }
    }

    /** Point 11: the webapps show no "migrate to Camunda 8" banner (hidden by Touchpoint's user-styles.css). */
    @Test
    void theWebappsShowNoCamunda8Banner() {
        Page admin = newPage(WIDTH, HEIGHT);
        login(admin, "cockpit", "admin", "admin");
        for (String app : List.of("cockpit", "tasklist", "admin")) {
            admin.navigate(url("/camunda/app/" + app + "/"));
            assertThat(admin.locator("[cam-widget-header] .navbar-brand")).isVisible();
            assertThat(admin.locator(".ce-eol-banner")).hasCount(1);
            assertThat(admin.locator(".ce-eol-banner")).isHidden();
            calm(admin);
            screenshot(admin, "tasklist-workday-06-no-banner-" + app);
        }
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    /**
     * Point 5: a sales rep picks a task in her group's queue and claims it; the task stays in the list, selected, and
     * its form stays open for her to fill in.
     */
    @Test
    void aTaskClaimedInTheGroupsQueueStaysOpenAndSelected() {
        String juniper = journeys.start(request("Juniper Veterinary Clinic"));
        Task intro = awaitTask(juniper, "Task_IntroduceAndAnalyseNeeds");

        Page sara = newPage(WIDTH, HEIGHT);
        login(sara, "tasklist", "sara", DEMO_PASSWORD);
        openFilter(sara, "My group's queue");
        card(sara, juniper).locator("h4.task a").click();
        assertThat(sara.locator("h2.task")).containsText(intro.getName());
        assertThat(sara.locator(".fjs-form")).isVisible();

        // no reload, unlike claimInTasklist: what Tasklist shows right after the claim is what she works with
        sara.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim").setExact(true)).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> "sara".equals(tasks.createTaskQuery().taskId(intro.getId())
                .singleResult().getAssignee()));
        sara.waitForLoadState(LoadState.NETWORKIDLE);

        assertThat(sara.locator(".task-filter.active")).containsText("My group's queue");
        // the list as Tasklist loaded it again after the claim: her name on the card, which is still the selected one
        assertThat(card(sara, juniper).locator("h5.assignee")).containsText("Sara");
        assertThat(card(sara, juniper)).hasClass(java.util.regex.Pattern.compile("\\bactive\\b"));
        assertThat(sara.locator("h2.task")).containsText(intro.getName());
        assertThat(formField(sara, "Needs analysis")).isEditable();
        typeInForm(sara, "Needs analysis", "Eight seats, two sites; wants call recording.");
        calm(sara);
        screenshot(sara, "tasklist-workday-07-sara-claimed-in-groups-queue");
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    /**
     * Point 7: Complete with a required field left empty: the field says what is missing. Read-only checkboxes read
     * ticked or not at a glance.
     */
    @Test
    void aMissingRequiredFieldSaysWhatIsMissingAndReadOnlyCheckboxesDiffer() {
        String larch = journeys.start(request("Larch Street Pharmacy"));
        Task intro = awaitTask(larch, "Task_IntroduceAndAnalyseNeeds");
        tasks.setAssignee(intro.getId(), "sara");

        Page sara = newPage(WIDTH, HEIGHT);
        login(sara, "tasklist", "sara", DEMO_PASSWORD);
        showTask(sara, intro);
        assertThat(formField(sara, "Needs analysis")).isEditable();

        sara.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete").setExact(true)).click();
        Locator needsAnalysis = sara.locator(".fjs-form-field-textarea.fjs-has-errors")
                .filter(new Locator.FilterOptions().setHasText("Needs analysis"));
        assertThat(needsAnalysis.locator(".fjs-form-field-error"))
                .hasText("Needs analysis is missing: please fill it in.");
        assertThat(needsAnalysis.locator("textarea")).isInViewport();
        assertThat(needsAnalysis.locator("textarea")).isFocused();
        assertThat(sara.locator(".fjs-form .fjs-form-field-error")).hasCount(2); // needs analysis and the next step
        assertThat(tasks.createTaskQuery().taskId(intro.getId()).count()).as("not completed").isEqualTo(1);
        calm(sara);
        screenshot(sara, "tasklist-workday-08-sara-told-what-is-missing");

        // read-only checkboxes: the service the customer asked for reads ticked, the others fade
        Locator services = sara.locator(".fjs-form-field-checklist.fjs-readonly")
                .filter(new Locator.FilterOptions().setHasText("Requested services"));
        Locator ticked = services.locator("label.fjs-checked").filter(new Locator.FilterOptions().setHasText("Hosted VoIP"));
        Locator unticked = services.locator("label").filter(new Locator.FilterOptions().setHasText("SIP trunking"));
        assertThat(ticked.locator("input")).isChecked();
        assertThat(unticked.locator("input")).not().isChecked();
        assertThat(style(ticked, "color")).isNotEqualTo(style(unticked, "color"));
        assertThat(style(ticked.locator("input"), "opacity")).isEqualTo("1");
        assertThat(style(unticked.locator("input"), "opacity")).isNotEqualTo("1");
        services.scrollIntoViewIfNeeded();
        services.screenshot(new Locator.ScreenshotOptions().setPath(screenshotDir().resolve("tasklist-workday-09-read-only-checkboxes.png")));

        typeInForm(sara, "Needs analysis", "Eight seats; wants call recording.");
        sara.getByLabel("The needs are clear: go on to the quote").check();
        assertThat(sara.locator(".fjs-form .fjs-form-field-error")).hasCount(0);
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    // --- helpers

    /** Moves the mouse off the filters, so that no tooltip covers them in a screenshot. */
    private static void calm(Page page) {
        page.mouse().move(900, 700);
    }

    /** Opens a filter of Tasklist's list by its name and waits for its tasks (or the word that there are none). */
    private void openFilter(Page page, String name) {
        page.locator(".task-filter .name a", new Page.LocatorOptions().setHasText(name)).first().click();
        assertThat(page.locator(".task-filter.active")).containsText(name);
        assertThat(page.locator("ol.tasks-list").or(page.getByText("No task matching filters found.")).first())
                .isVisible();
    }

    /** Sorts the list by priority, as a person does in the list's "Sort by" menu (highest first). */
    private static void sortByPriority(Page page) {
        Locator choice = page.locator("[cam-sorting-choices] li.sorting-choice").first();
        choice.locator("a.dropdown-toggle").first().click();
        choice.locator(".dropdown-menu").getByText("Priority", new Locator.GetByTextOptions().setExact(true)).first()
                .click();
        // Tasklist shows the chosen sorting as "Priority", or for a moment as its untranslated key "PRIORITY" when the
        // locale arrives late on a busy machine (Camunda's one-time binding, seen once on CI): either names the choice
        assertThat(choice).containsText(java.util.regex.Pattern.compile("priority",
                java.util.regex.Pattern.CASE_INSENSITIVE));
    }

    /** The card of the task list whose name mentions {@code text} (a number, a company). */
    private static Locator card(Page page, String text) {
        return page.locator("ol.tasks-list > li.task").filter(new Locator.FilterOptions()
                .setHas(page.locator("h4.task", new Page.LocatorOptions().setHasText(text))));
    }

    private static String style(Locator element, String property) {
        return (String) element.evaluate("(e, property) => getComputedStyle(e)[property]", property);
    }

    private static int indexOf(List<String> names, String number) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).contains(number)) {
                return i;
            }
        }
        throw new AssertionError(number + " is not in the list: " + names);
    }

    private String openAssignedToTim(String subject, NewTicket.Priority priority) {
        String number = tickets.open(new NewTicket(subject, "Reported by phone.", NewTicket.Category.OUTAGE, priority,
                null, null, "ops@birch.example", "Kai Birch", null, null, null, null)).ticketNumber();
        Task acknowledge = await().atMost(Duration.ofSeconds(30)).until(() -> acknowledgeTask(number), task -> task != null);
        if (!"tim".equals(acknowledge.getAssignee())) {
            tasks.setAssignee(acknowledge.getId(), "tim"); // as customer care hands it over
        }
        return number;
    }

    private Task acknowledgeTask(String ticketNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(ticketNumber)
                .taskDefinitionKey("UserTask_AcknowledgeTicket").singleResult();
    }

    private Task standaloneTask(List<Task> created, String name, Date due, String group, String assignee) {
        Task task = tasks.newTask();
        task.setName(name);
        task.setDueDate(due);
        tasks.saveTask(task);
        created.add(task);
        tasks.addCandidateGroup(task.getId(), group);
        if (assignee != null) {
            tasks.setAssignee(task.getId(), assignee);
        }
        return task;
    }

    private Task awaitTask(String quoteNumber, String taskKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(quoteNumber).taskDefinitionKey(taskKey).singleResult(), task -> task != null);
    }

    private static QuoteRequest request(String company) {
        return new QuoteRequest(company, "Maria Chen", "maria.chen@example.com", "+1 555 010 0142", 8,
                List.of(Catalog.Service.HOSTED_VOICE), List.of(), "OldTel", null);
    }
}
