package io.touchpoint.testing;

import static org.awaitility.Awaitility.await;

import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.orders.OrderEvent;
import io.touchpoint.orders.OrderEvents;
import io.touchpoint.postsales.PostSalesProcess;
import io.touchpoint.presales.PresalesProcess;
import io.touchpoint.provisioning.ProvisioningProcess;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives a customer journey in a Spring Boot test as the people of each role fill their forms: the happy path's
 * answer to each task (needs clear, own quote approved, no order change, phones configured, a router that is not a
 * Peplink, the first bill as agreed), which a test may override, and the providers' order events. Used by the portal's
 * journey test and the journey benchmark.
 */
public final class JourneyDriver {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /** A task's answer: who claims it first (null: nobody needs to) and the form's values. */
    public record Answer(String claimAs, Map<String, Object> variables) {
    }

    private final TaskService tasks;
    private final HistoryService history;
    private final ManagementService management;
    private final OrderEvents orderEvents;

    public JourneyDriver(TaskService tasks, HistoryService history, ManagementService management,
                         OrderEvents orderEvents) {
        this.tasks = tasks;
        this.history = history;
        this.management = management;
        this.orderEvents = orderEvents;
    }

    /**
     * The happy path's answer to the task, as the person it is for fills its form; dates are set from {@code soon} (the
     * welcome call then, the site survey a day later, the tentative install date two weeks later).
     */
    public static Answer answer(String taskKey, ZonedDateTime soon) {
        Map<String, Object> variables = new HashMap<>();
        String claimAs = null;
        switch (taskKey) {
            case "Task_IntroduceAndAnalyseNeeds" -> {
                claimAs = "sara";
                variables.putAll(Map.of("needsAnalysis", "Replace PBX", "decisionMaker", "Ann Lee",
                        PresalesProcess.Vars.NEEDS_NEXT, PresalesProcess.NEEDS_CLEAR));
            }
            case "Task_RequestCurrentBills", "Task_PreparePresidentNote" -> { }
            case "Task_PrepareProviderQuote" -> variables.putAll(Map.of("quoteLines", "8 x Hosted seat, 25.00",
                    "quoteMonthlyTotal", 200, "quoteOneTimeTotal", 300, "contractTermMonths", "36"));
            case "Task_GatherAuxiliaryQuotes" -> variables.putAll(Map.of("auxiliaryProvider", "Metro Mobile",
                    "auxiliaryQuoteLines", "10 lines", "auxiliaryMonthlyTotal", 300));
            case "Task_PresentQuotes" -> variables.putAll(Map.of(PresalesProcess.Vars.CUSTOMER_DECISION, "APPROVED",
                    "chosenQuote", "OWN_QUOTE"));
            case "Task_ConvertQuoteToOrder" -> variables.putAll(Map.of("phoneCount", 8, "extensionCount", 8,
                    "installAddress", "1 Main St", "e911Address", "1 Main St", "workbookComplete", true));
            case "Task_ScheduleWelcomeCall" -> variables.put("welcomeCallAt", soon.toOffsetDateTime().toString());
            case "Task_HoldWelcomeCall" -> variables.putAll(Map.of("itemsReconfirmed", true, "extensionList", "101 Ann",
                    "callRouting", "Main number rings reception", "e911Address", "1 Main St"));
            case "Task_ScheduleSiteSurvey" -> variables.putAll(Map.of("siteSurveyAt",
                    soon.plusDays(1).toOffsetDateTime().toString(), ProvisioningProcess.Vars.TENTATIVE_INSTALL_AT,
                    soon.plusDays(14).toOffsetDateTime().toString(), "billCopiesRequested", true));
            case "Task_SendLoa" -> variables.put("loaSent", true);
            case "Task_SubmitPortRequest" -> variables.put("portRequestReference", "PR-1");
            case "Task_ConductSiteSurvey" -> variables.putAll(Map.of("surveyNotes", "All good",
                    ProvisioningProcess.Vars.ORDER_CHANGE, "NONE"));
            case "Task_OrderEquipment" -> variables.putAll(Map.of("equipmentSupplier", "PhoneCo",
                    "equipmentOrderReference", "EQ-1"));
            case "Task_ConfigurePhones" -> variables.put("phonesConfigured", true);
            case "Task_BuildPortalAccount" -> variables.putAll(Map.of("portalAccountId", "BENCH-1", "extensionsBuilt", true));
            case ProvisioningProcess.TASK_INSTALL_ON_SITE -> {
                claimAs = "theo";
                variables.putAll(Map.of("routerInstalled", true, "routerModel", "OTHER", "phonesPlaced", true));
            }
            case "Task_TrainOnSiteContact" -> variables.put("onSiteTrainingDone", true);
            case "Task_SendFollowUpSurvey" -> variables.put("surveyRecipientChecked", true);
            case "Task_FollowUpWithCustomer" -> variables.putAll(Map.of("followUpOutcome", "HAPPY",
                    "followUpNotes", "Loves the new phones"));
            case "Task_PersonalisePresidentNote" -> variables.put(PostSalesProcess.Vars.PRESIDENT_NOTE, "Dear Ann, welcome!");
            case "Task_ReviewFirstBill" -> variables.putAll(Map.of("firstInvoiceNumber", "INV-1", "firstInvoiceTotal", 200,
                    PostSalesProcess.Vars.BILL_DISCREPANCY, false, "discrepancyNotes", ""));
            default -> throw new IllegalStateException("the journey driver has no answer to task " + taskKey);
        }
        return new Answer(claimAs, variables);
    }

    /** Completes the task with its happy answer (dates from {@code soon}), claimed by the right person when needed. */
    public void complete(Task task, ZonedDateTime soon) {
        complete(task, answer(task.getTaskDefinitionKey(), soon), Map.of());
    }

    /** Waits for the journey's task and completes it with its happy answer, {@code overrides} changing some values. */
    public void complete(String quote, String taskKey, Map<String, Object> overrides) {
        Task task = await().atMost(PATIENCE).until(() -> task(quote, taskKey), Objects::nonNull);
        complete(task, answer(taskKey, ZonedDateTime.now(NEW_YORK).plusDays(3)), overrides);
    }

    /** Waits for the journey's task and completes it with its happy answer. */
    public void complete(String quote, String taskKey) {
        complete(quote, taskKey, Map.of());
    }

    /** The journey's open task of that key (in any of its stages, which share its business key), or null. */
    public Task task(String quote, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(quote).taskDefinitionKey(taskKey).singleResult();
    }

    /** The order number, once presales has given the order one. */
    public String orderNumber(String quote) {
        return await().atMost(PATIENCE).until(() -> history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(quote).list()
                        .stream().map(instance -> instance.getId()).toArray(String[]::new))
                .variableName(CustomerJourneyProcess.Vars.ORDER_NUMBER).list().stream()
                .map(variable -> (String) variable.getValue()).filter(Objects::nonNull).findFirst().orElse(null),
                Objects::nonNull);
    }

    /** Delivers the provider's event as the events API does, once the order waits for it. */
    public void deliver(String order, OrderEvent event) {
        await().atMost(PATIENCE).until(() -> orderEvents.deliver(order, event) == OrderEvents.Result.ACCEPTED);
    }

    /** Lets the journey's timer at that element fire now instead of at its time (as "move to due" in Cockpit). */
    public void fireTimer(String quote, String activityId) {
        // one query per instance: the engine's SQL for processInstanceIds(..) with activityId(..) is invalid (7.24)
        Job timer = await().atMost(PATIENCE).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(quote).unfinished().list().stream()
                .map(instance -> management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                        .timers().singleResult()).filter(Objects::nonNull).findFirst().orElse(null), Objects::nonNull);
        management.executeJob(timer.getId());
    }

    private void complete(Task task, Answer answer, Map<String, Object> overrides) {
        if (answer.claimAs() != null && task.getAssignee() == null) {
            tasks.claim(task.getId(), answer.claimAs());
        }
        Map<String, Object> variables = new HashMap<>(answer.variables());
        variables.putAll(overrides);
        tasks.complete(task.getId(), variables);
    }
}
