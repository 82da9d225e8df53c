package io.touchpoint.portal;

import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.postsales.PostSalesProcess;
import io.touchpoint.provisioning.ProvisioningProcess;
import io.touchpoint.support.SupportPolicy;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * My journey (REG-02, REG-04): each order of the customer's company in plain words, from the engine's history and the
 * open tasks of the journey and its stages (presales, provisioning, post-sales): the milestones done and to come,
 * the dates that were agreed (welcome call, site survey, porting, install day), and the next step with its due date
 * and who owns it. A journey of another company is "not found".
 */
@Service
public class PortalJourneys {

    /** One milestone: done (with when), or to come (with the agreed date, if any). */
    public record Milestone(String title, boolean done, String when, String detail) {
    }

    /**
     * What happens next, who does it and by when ({@code due}); an appointment agreed with the customer (the welcome
     * call, the site survey, the install day, the porting) has its date and time instead ({@code on}).
     */
    public record NextStep(String what, String owner, String due, String on) {
    }

    /** One order or quote of the company as the customer reads it. */
    public record Journey(String quoteNumber, String orderNumber, String started, String state, List<Milestone> milestones,
                          List<NextStep> next) {
    }

    /** Candidate groups in the customer's words. */
    static final Map<String, String> OWNERS = Map.ofEntries(Map.entry("sales-rep", "your sales representative"),
            Map.entry("sales-manager", "our sales manager"), Map.entry("sales-engineer", "our sales engineers"),
            Map.entry("client-services", "our client services team"),
            Map.entry("installation-coordinator", "our installation coordinator"),
            Map.entry("technician", "our technician"), Map.entry("lnp", "our number-porting team"),
            Map.entry("account-relations", "our account relations team"), Map.entry("billing", "our billing team"),
            Map.entry("marketing", "our marketing team"), Map.entry("executive", "our president's office"),
            Map.entry("customer-care", "our customer care"), Map.entry("tech-support", "our technical support"),
            Map.entry("tech-support-l2", "our second-level support"));

    /** Steps in the customer's words, by their element id; others keep their name. */
    static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry("Task_IntroduceAndAnalyseNeeds", "Meet you and understand your needs"),
            Map.entry("Task_AnswerAgentQuestion", "Our presales team answers a question about your needs"),
            Map.entry("Task_HoldDiscoveryMeeting", "Discovery meeting with you"),
            Map.entry("Task_RequestCurrentBills", "Get a copy of your current bills"),
            Map.entry("Task_PrepareProviderQuote", "Prepare your quote"),
            Map.entry("Task_GatherAuxiliaryQuotes", "Gather partner quotes"),
            Map.entry("Task_PresentQuotes", "Present the quote and hear your decision"),
            Map.entry("Task_ConvertQuoteToOrder", "Turn your quote into an order"),
            Map.entry("Task_FollowUpUnsignedOrder", "Follow up on the unsigned order"),
            Map.entry("ReceiveTask_OrderSigned", "Sign the order"),
            Map.entry("ReceiveTask_PaymentReceived", "Pay the order"),
            Map.entry("Task_ScheduleWelcomeCall", "Schedule the welcome call with you"),
            Map.entry("Task_HoldWelcomeCall", "Welcome call"),
            Map.entry("Task_ScheduleSiteSurvey", "Schedule the site survey and the install date"),
            Map.entry("Task_SendLoa", "Prepare the letter of authorization for your numbers"),
            Map.entry("ReceiveTask_LoaSigned", "Sign the letter of authorization (LOA)"),
            Map.entry("Task_SubmitPortRequest", "Ask your current carrier to move your numbers"),
            Map.entry("Event_FocReceived", "Your current carrier confirms the porting date"),
            Map.entry("Event_DateAccepted", "Accept the install date or propose another"),
            Map.entry("Task_AgreeInstallDate", "Agree the install date with you"),
            Map.entry("Task_ConductSiteSurvey", "Site survey"),
            Map.entry("ReceiveTask_OrderChangeSigned", "Sign the order change"),
            Map.entry("Task_OrderEquipment", "Order your equipment"),
            Map.entry("ReceiveTask_EquipmentDelivered", "Equipment delivery"),
            Map.entry("Task_ConfigurePhones", "Configure and label your phones"),
            Map.entry("Task_BuildPortalAccount", "Set up your phone system's portal"),
            Map.entry("Task_InstallOnSite", "Install day"),
            Map.entry("ReceiveTask_PortCompleted", "Your numbers move to us"),
            Map.entry("Task_TrainOnSiteContact", "Training for your on-site contact"),
            Map.entry("Task_FollowUpWithCustomer", "Check in with you after the install"),
            Map.entry("Task_SendFollowUpSurvey", "Send you our survey about the install"),
            Map.entry("Task_PreparePresidentNote", "A personal note from our president"),
            Map.entry("Task_PersonalisePresidentNote", "A personal note from our president"),
            Map.entry("Event_FirstInvoiceIssued", "Your first full invoice"),
            Map.entry("ReceiveTask_SurveyAnswered", "Answer our satisfaction survey"),
            Map.entry("Task_ReviewFirstBill", "Check your first bill against the contract"),
            Map.entry("Task_ContactCustomerAboutBill", "Talk with you about your first bill"));

    /** Wait states where the customer (or a third party) acts, not a team of ours. */
    static final Map<String, String> WAITING_ON = Map.of("ReceiveTask_OrderSigned", "you",
            "ReceiveTask_PaymentReceived", "you", "ReceiveTask_LoaSigned", "you", "Event_DateAccepted", "you",
            "ReceiveTask_OrderChangeSigned", "you", "ReceiveTask_SurveyAnswered", "you",
            "Event_FocReceived", "your current carrier", "ReceiveTask_PortCompleted", "your current carrier",
            "ReceiveTask_EquipmentDelivered", "our equipment supplier", "Event_FirstInvoiceIssued", "our billing team");

    /** Steps that are appointments: the variable holding the date and time agreed for them. */
    static final Map<String, String> APPOINTMENTS = Map.of("Task_HoldWelcomeCall", "welcomeCallAt",
            "Task_ConductSiteSurvey", "siteSurveyAt", "Task_InstallOnSite", CustomerJourneyProcess.Vars.INSTALL_AT,
            "ReceiveTask_PortCompleted", ProvisioningProcess.Vars.FOC_AT);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final CompanyDirectory directory;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final SupportPolicy dates;
    private final BusinessCalendar calendar;

    PortalJourneys(CompanyDirectory directory, HistoryService history, RuntimeService runtime, TaskService tasks,
                   SupportPolicy dates, BusinessCalendar calendar) {
        this.calendar = calendar;
        this.directory = directory;
        this.history = history;
        this.runtime = runtime;
        this.tasks = tasks;
        this.dates = dates;
    }

    public List<Journey> list(PortalCustomers.Customer customer) {
        return directory.journeys(customer.company()).stream().map(this::journey).toList();
    }

    /** The journey of the quote number, when it is one of the customer's company. */
    public Optional<Journey> find(PortalCustomers.Customer customer, String quoteNumber) {
        if (customer.company() == null || quoteNumber == null) {
            return Optional.empty();
        }
        return directory.journeys(customer.company()).stream()
                .filter(journey -> quoteNumber.equals(journey.getBusinessKey())).findFirst().map(this::journey);
    }

    private Journey journey(HistoricProcessInstance root) {
        List<HistoricProcessInstance> instances = new ArrayList<>();
        instances.add(root);
        instances.addAll(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root.getId()).list().stream()
                .filter(instance -> !instance.getId().equals(root.getId())).toList());
        String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        Map<String, Object> variables = variables(root.getId(), ids);
        Map<String, HistoricActivityInstance> activities = new LinkedHashMap<>();
        for (String id : ids) {
            for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery().processInstanceId(id)
                    .orderByHistoricActivityInstanceStartTime().asc().list()) {
                activities.merge(activity.getActivityId(), activity,
                        (first, later) -> later.getEndTime() != null ? later : first);
            }
        }
        boolean lost = CustomerJourneyProcess.LOST.equals(text(variables.get(CustomerJourneyProcess.Vars.PRESALES_OUTCOME)));
        List<Milestone> milestones = new ArrayList<>();
        milestones.add(new Milestone("Quote requested", true, day(root.getStartTime()), null));
        milestones.add(reached("Quote sent", activities.get("Task_PresentQuotes"), false, null));
        if (lost) {
            milestones.add(new Milestone("Quote closed", true, day(date(variables.get(
                    CustomerJourneyProcess.Vars.PRESALES_CLOSED_AT))), "We did not go ahead with this quote."));
        } else {
            milestones.add(reached("Order signed", activities.get("ReceiveTask_OrderSigned"), true, null));
            milestones.add(planned("Welcome call", activities.get("Task_HoldWelcomeCall"), variables.get("welcomeCallAt")));
            milestones.add(planned("Site survey", activities.get("Task_ConductSiteSurvey"), variables.get("siteSurveyAt")));
            if (!activities.containsKey("StartEvent_OrderSignedAndPaid")
                    || variables.containsKey(CustomerJourneyProcess.Vars.NUMBERS_TO_PORT)) {
                // an order without numbers to port (known once provisioning started) has no porting date
                milestones.add(planned("Porting date", activities.get("ReceiveTask_PortCompleted"),
                        variables.get(ProvisioningProcess.Vars.FOC_AT)));
            }
            milestones.add(planned("Install day", activities.get("Task_InstallOnSite"),
                    variables.getOrDefault(CustomerJourneyProcess.Vars.INSTALL_AT, variables.get("tentativeInstallAt"))));
            milestones.add(reached("Activation", activities.get("Task_RecordActivation"), true, null));
            milestones.add(reached("First bill review", activities.get("Task_ReviewFirstBill"), true,
                    billReview(variables.get(PostSalesProcess.Vars.BILL_DISCREPANCY))));
        }
        String state = root.getEndTime() != null ? (lost ? "Closed" : "Complete")
                : lost ? "Closed" : milestones.stream().filter(Milestone::done).reduce((a, b) -> b)
                .map(last -> "After: " + last.title().toLowerCase(Locale.ENGLISH)).orElse("Started");
        return new Journey(root.getBusinessKey(), text(variables.get(CustomerJourneyProcess.Vars.ORDER_NUMBER)),
                day(root.getStartTime()), state, milestones, root.getEndTime() == null ? next(ids, variables) : List.of());
    }

    /** The open tasks and customer waits of the journey's running instances, soonest due first. */
    private List<NextStep> next(String[] ids, Map<String, Object> variables) {
        List<NextStep> steps = new ArrayList<>();
        List<Task> open = tasks.createTaskQuery().processInstanceIdIn(ids).orderByDueDate().asc().list();
        for (Task task : open) {
            Set<String> owners = new TreeSet<>(); // in a steady order: the engine returns a task's groups in any
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (link.getGroupId() != null && "candidate".equals(link.getType())) {
                    owners.add(OWNERS.getOrDefault(link.getGroupId(), "our team"));
                }
            }
            if (owners.isEmpty()) {
                owners.add("our team");
            }
            Date on = appointment(task.getTaskDefinitionKey(), variables);
            steps.add(new NextStep(STEPS.getOrDefault(task.getTaskDefinitionKey(), task.getName()),
                    String.join(" or ", owners), on != null || task.getDueDate() == null ? null
                    : dates.format(task.getDueDate()), dates.format(on)));
        }
        for (String id : ids) {
            if (runtime.createProcessInstanceQuery().processInstanceId(id).count() == 0) {
                continue;
            }
            // a catch event behind an event-based gateway is not an active activity: its subscription says it waits
            Set<String> waiting = new LinkedHashSet<>(runtime.getActiveActivityIds(id));
            runtime.createEventSubscriptionQuery().processInstanceId(id).list()
                    .forEach(subscription -> waiting.add(subscription.getActivityId()));
            for (String activity : waiting) {
                if (WAITING_ON.containsKey(activity)) {
                    steps.add(new NextStep(STEPS.getOrDefault(activity, activity), WAITING_ON.get(activity), null,
                            dates.format(appointment(activity, variables))));
                }
            }
        }
        return steps;
    }

    /** What the first bill review found, once it did. */
    private static String billReview(Object discrepancy) {
        if (discrepancy == null) {
            return null;
        }
        return Boolean.parseBoolean(discrepancy.toString())
                ? "It differs from your contract: our account relations team talks with you about it."
                : "It matches your contract.";
    }

    /** The date and time agreed for the step, when it is an appointment and one was agreed. */
    private Date appointment(String step, Map<String, Object> variables) {
        return APPOINTMENTS.containsKey(step) ? date(variables.get(APPOINTMENTS.get(step))) : null;
    }

    private Map<String, Object> variables(String rootId, String[] ids) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<HistoricVariableInstance> all = new ArrayList<>(history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(ids).disableCustomObjectDeserialization().list());
        // the journey's own values last, so that they win over a stage's copy
        all.sort(Comparator.comparing((HistoricVariableInstance variable) -> rootId.equals(variable.getProcessInstanceId())));
        for (HistoricVariableInstance variable : all) {
            if (variable.getValue() != null && !variable.getValue().toString().isBlank()) {
                values.put(variable.getName(), variable.getValue());
            }
        }
        return values;
    }

    private Milestone reached(String title, HistoricActivityInstance activity, boolean atEnd, String detail) {
        if (activity == null || (atEnd && activity.getEndTime() == null)) {
            return new Milestone(title, false, null, detail);
        }
        return new Milestone(title, true, day(atEnd ? activity.getEndTime() : activity.getStartTime()), detail);
    }

    /** A milestone with a date agreed beforehand: "on <date>" until it happened. */
    private Milestone planned(String title, HistoricActivityInstance activity, Object agreed) {
        String on = day(date(agreed));
        if (activity != null && activity.getEndTime() != null) {
            return new Milestone(title, true, day(activity.getEndTime()), null);
        }
        return new Milestone(on == null ? title : title + " on " + on, false, null, null);
    }

    private String day(Date date) {
        return date == null ? null : DAY.format(date.toInstant().atZone(zone()));
    }

    private java.time.ZoneId zone() {
        return calendar.zone();
    }

    /** A date variable: a {@link Date}, or the text of a form's date-time field. */
    private Date date(Object value) {
        if (value instanceof Date date) {
            return date;
        }
        String text = text(value);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Date.from(ZonedDateTime.parse(text).toInstant());
        } catch (RuntimeException notZoned) {
            try {
                return Date.from(LocalDateTime.parse(text).atZone(zone()).toInstant());
            } catch (RuntimeException notLocal) {
                try {
                    return Date.from(java.time.LocalDate.parse(text).atStartOfDay(zone()).toInstant());
                } catch (RuntimeException notADate) {
                    return null;
                }
            }
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
