package io.touchpoint.provisioning;

import static io.touchpoint.provisioning.ProvisioningProcess.Vars.*;
import static io.touchpoint.testing.ProcessTestBeans.newYork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.touchpoint.escalation.EscalateTaskDelegate;
import io.touchpoint.monitoring.RegisterRouterDelegate;
import io.touchpoint.orders.OrderEvent;
import io.touchpoint.orders.OrderEventType;
import io.touchpoint.orders.OrderEvents;
import io.touchpoint.support.SupportProperties;
import io.touchpoint.testing.AsyncSteps;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.Pdfs;
import io.touchpoint.testing.ProcessTestBeans;
import io.touchpoint.testing.ProcessTestSupport;
import io.touchpoint.testing.RecordingEmailStep.SentEmail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
/**
 * Provisioning (processes/provisioning.bpmn): from a signed and paid order, through welcome call, site survey,
 * number porting and equipment, to install day, training and the completion notice, in business time.
 */
@Deployment(resources = ProvisioningProcess.RESOURCE)
class ProvisioningProcessTest {

    @RegisterExtension
    @Order(1)
    static ProcessEngineCoverageExtension engine = ProcessTestSupport.engine().build();

    @RegisterExtension
    @Order(2)
    static ProcessTestSupport processTests = new ProcessTestSupport();

    /** Monday 16 November 2026, 10:00 in New York. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-11-16T15:00:00Z");
    static final OffsetDateTime FOC = OffsetDateTime.parse("2026-12-03T11:00-05:00");

    /**
     * The technician is due on site 2 hours before the port and reminded a day before that; the customer has 2
     * business days to answer the install date.
     */
    static final ProvisioningProperties SETTINGS = new ProvisioningProperties(Duration.ofHours(2), Duration.ofHours(24), 2);
    /** The key that signs the customers' links (tracking links and install-date answers alike). */
    static final SupportProperties LINKS = new SupportProperties("process-test-secret", 75, 2, 5, 3, List.of());

    ProcessTestBeans beans;
    OrderEvents orderEvents;
    InstallDateAnswers installDateAnswers;
    InstallDateLinks installDateLinks;

    @BeforeEach
    void setUp() {
        ProcessEngine processEngine = engine.getProcessEngine();
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
        beans = ProcessTestBeans.register(processEngine, SETTINGS, LINKS);
        orderEvents = beans.get(OrderEvents.class);
        installDateAnswers = beans.get(InstallDateAnswers.class);
        installDateLinks = beans.get(InstallDateLinks.class);
        ProcessTestBeans.person(processEngine, "sara", "Sara", "Demo", "sales-rep");
        ProcessTestBeans.person(processEngine, "dan", "Dan", "Demo", "sales-manager");
        ProcessTestBeans.person(processEngine, "theo", "Theo", "Demo", "technician");
        ProcessTestBeans.person(processEngine, "carla", "Carla", "Demo", "client-services");
        ProcessTestBeans.person(processEngine, "ivan", "Ivan", "Demo", "installation-coordinator");
        ProcessTestBeans.person(processEngine, "tim", "Tim", "Demo", "tech-support");
    }

    // --- paths -----------------------------------------------------------------------------------------

    @Test
    void portedOrderGoesFromWelcomeCallToActiveServices() {
        ProcessInstance order = signedOrder("O-2026-00101", "+1 555 010 0101\n+1 555 010 0102");
        runAsyncSteps();
        assertThat(beans.emails.sent()).first().satisfies(email -> {
            assertThat(email.template()).isEqualTo("welcome");
            assertThat(email.to()).isEqualTo("ann@acme.example");
        });

        assertThat(order).isWaitingAt("Task_ScheduleWelcomeCall");
        assertThat(task()).hasCandidateGroup("client-services").hasDueDate(newYork("2026-11-18T17:00"));
        throughWelcomeCall(order);

        assertThat(order).isWaitingAt("Task_SendLoa", "Task_ConductSiteSurvey");
        assertThat(task("Task_ConductSiteSurvey")).hasCandidateGroup("technician").hasDueDate(newYork("2026-11-23T17:00"));
        assertThat(task("Task_SendLoa")).hasCandidateGroup("client-services");
        complete(task("Task_SendLoa"), withVariables("loaReference", "LOA-1", "loaSent", true));
        assertThat(order).isWaitingAt("ReceiveTask_LoaSigned");
        assertThat(deliver("O-2026-00101", OrderEventType.LOA_SIGNED)).isEqualTo(OrderEvents.Result.ACCEPTED);
        assertThat(deliver("O-2026-00101", OrderEventType.LOA_SIGNED)).isEqualTo(OrderEvents.Result.ALREADY_RECEIVED);

        assertThat(task("Task_SubmitPortRequest")).hasCandidateGroup("lnp").hasDueDate(newYork("2026-11-17T17:00"));
        complete(task("Task_SubmitPortRequest"), withVariables("losingCarrier", "Old Telco", "portRequestReference", "PR-1"));
        assertThat(order).isWaitingAt("Gateway_CarrierAnswer", "Task_ConductSiteSurvey");
        assertThat(orderEvents.deliver("O-2026-00101", new OrderEvent(OrderEventType.FOC_RECEIVED, null, FOC, null)))
                .isEqualTo(OrderEvents.Result.ACCEPTED);
        runAsyncSteps();
        assertThat(order).variables().containsEntry(INSTALL_AT, Date.from(FOC.toInstant()))
                .containsEntry(INSTALL_DATE_TEXT, "Thursday 3 December 2026 at 11:00 AM EST");
        SentEmail invitation = last();
        assertThat(invitation.template()).isEqualTo("installation-invitation");
        assertThat(invitation.to()).isEqualTo("ann@acme.example,it@acme.example");
        assertThat(order).isWaitingAt("Gateway_CustomerAnswer", "Task_ConductSiteSurvey");
        assertThat(customerAccepts("O-2026-00101")).isEqualTo(InstallDateAnswers.Outcome.DONE);
        assertThat(customerAccepts("O-2026-00101")).as("answered once").isEqualTo(InstallDateAnswers.Outcome.NOT_WAITING);
        assertThat(last().activityId()).isEqualTo("Task_SendTechnicianInvite");
        assertThat(last().to()).isEqualTo("theo@touchpoint.example");
        assertThat(last().subject()).isEqualTo("Install day: Acme Dental, on site by Thursday 3 December 2026 at 9:00 AM EST");

        throughEquipment(order, "NONE");
        assertThat(order).isWaitingAt("Task_InstallOnSite");
        assertThat(task()).hasCandidateGroup("technician").hasDueDate(newYork("2026-12-03T09:00"));
        taskService().claim(task().getId(), "theo");
        complete(task(), withVariables("routerInstalled", true, "routerModel", "PEPLINK",
                "routerSerialNumbers", "1824-ABCD-0001\n1824-ABCD-0002", "phonesPlaced", true));
        runAsyncSteps();
        assertThat(order).hasPassed("Task_RegisterRouter").variables()
                .containsEntry(RegisterRouterDelegate.REGISTRATION, "NOT_CONFIGURED").containsEntry("installedBy", "theo");

        assertThat(order).isWaitingAt("ReceiveTask_PortCompleted");
        assertThat(deliver("O-2026-00101", OrderEventType.PORT_COMPLETED)).isEqualTo(OrderEvents.Result.ACCEPTED);
        assertThat(task()).hasCandidateGroup("technician");
        complete(task(), withVariables("onSiteTrainingDone", true, "groupTrainingDone", true));
        runAsyncSteps();

        assertThat(order).isEnded().hasPassedInOrder("Task_SendWelcomeEmail", "Task_ScheduleWelcomeCall",
                "Task_SendWelcomeCallInvite", "Task_HoldWelcomeCall", "Task_ScheduleSiteSurvey",
                "Task_SendInstallationInvitation", "Event_DateAccepted", "Task_SendTechnicianInvite", "Task_InstallOnSite",
                "Task_TrainOnSiteContact", "Task_RecordActivation", "Task_SendCompletionNotice")
                .hasPassed("EndEvent_ServicesActive");
        assertThat(historicVariable(order, ACTIVATION_DATE)).isEqualTo(Date.from(MONDAY_MORNING));
        assertThat(last().template()).isEqualTo("completion-notice");
        // the fiber map's completion notice: the agent, the installation coordinator, field services and hosted-PBX
        // support are told too
        assertThat(last().cc().split(",")).contains("sara@touchpoint.example", "ivan@touchpoint.example",
                "theo@touchpoint.example", "tim@touchpoint.example");
    }

    /**
     * FJ expected contacts: the office manager named on the order hears what the decision maker hears while we deliver
     * (welcome, welcome call); without one, the same emails go to the contact alone (the other paths of this class).
     */
    @Test
    void officeManagerIsAddressedWithTheDecisionMakerWhileWeDeliver() {
        ProcessInstance order = runtimeService().startProcessInstanceByKey(ProvisioningProcess.PROCESS_ID, "Q-2026-00109",
                withVariables("orderNumber", "O-2026-00109", "companyName", "Acme Dental", "contactName", "Ann Lee",
                        "contactEmail", "ann@acme.example", "itContactEmail", "it@acme.example", "salesRep", "sara",
                        "officeManagerName", "Olga Diaz", "officeManagerEmail", "olga@acme.example",
                        NUMBERS_TO_PORT, "", PHONE_COUNT, 5, "installAddress", "1 Main St, Springfield"));
        runAsyncSteps();
        assertThat(beans.emails.sent()).first().satisfies(email -> {
            assertThat(email.template()).isEqualTo("welcome");
            assertThat(email.to()).isEqualTo("ann@acme.example,olga@acme.example");
        });
        throughWelcomeCall(order);
        assertThat(beans.emails.sent()).filteredOn(email -> email.template().equals("welcome-call-invite")).singleElement()
                .satisfies(email -> assertThat(email.to()).isEqualTo("ann@acme.example,it@acme.example,olga@acme.example"));
        // no numbers to port: the installation invitation follows at once, to the office manager too
        assertThat(beans.emails.sent()).filteredOn(email -> email.template().equals("installation-invitation"))
                .singleElement().satisfies(email -> assertThat(email.to())
                        .isEqualTo("ann@acme.example,it@acme.example,olga@acme.example"));
    }

    @Test
    void rejectedPortRequestGoesBackToLnpToFixAndResubmit() {
        ProcessInstance order = signedOrder("O-2026-00102", "+1 555 010 0103");
        runAsyncSteps();
        throughWelcomeCall(order);
        complete(task("Task_SendLoa"), withVariables("loaSent", true));
        assertThat(deliver("O-2026-00102", OrderEventType.FOC_CHANGED, FOC)).isEqualTo(OrderEvents.Result.NOT_WAITING);
        deliver("O-2026-00102", OrderEventType.LOA_SIGNED);
        complete(task("Task_SubmitPortRequest"), withVariables("portRequestReference", "PR-1"));

        OrderEvent rejection = new OrderEvent(OrderEventType.PORT_REJECTED, null, null, "Account number mismatch");
        assertThat(orderEvents.deliver("O-2026-00102", rejection)).isEqualTo(OrderEvents.Result.ACCEPTED);
        assertThat(orderEvents.deliver("O-2026-00102", rejection)).isEqualTo(OrderEvents.Result.ALREADY_RECEIVED);

        assertThat(order).isWaitingAt("Task_SubmitPortRequest", "Task_ConductSiteSurvey").variables()
                .containsEntry(PORT_REJECTION_REASON, "Account number mismatch");
        assertThat(task("Task_SubmitPortRequest")).hasCandidateGroup("lnp");
        complete(task("Task_SubmitPortRequest"), withVariables("portRequestReference", "PR-2"));
        assertThat(deliver("O-2026-00102", OrderEventType.FOC_RECEIVED, FOC)).isEqualTo(OrderEvents.Result.ACCEPTED);
        assertThat(order).hasPassed("Event_PortRejected", "Event_FocReceived", "Task_ConfirmInstallDate");
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(order.getId())
                .activityId("Task_SubmitPortRequest").count()).isEqualTo(2);
    }

    @Test
    void carrierMovesTheFocDateAndTheInstallDayMovesWithIt() {
        ProcessInstance order = signedOrder("O-2026-00103", "+1 555 010 0104");
        runAsyncSteps();
        throughWelcomeCall(order);
        throughPorting(order, "O-2026-00103");
        customerAccepts("O-2026-00103");
        throughEquipment(order, "NONE");
        assertThat(task("Task_InstallOnSite")).hasDueDate(newYork("2026-12-03T09:00"));
        assertThat(job("BoundaryEvent_RemindTechnician", order).getDuedate()).isEqualTo(newYork("2026-12-02T09:00"));

        OffsetDateTime later = OffsetDateTime.parse("2026-12-08T13:30-05:00");
        assertThat(deliver("O-2026-00103", OrderEventType.FOC_CHANGED, later)).isEqualTo(OrderEvents.Result.ACCEPTED);
        runAsyncSteps();

        assertThat(task("Task_InstallOnSite")).hasDueDate(newYork("2026-12-08T11:30"));
        assertThat(job("BoundaryEvent_RemindTechnician", order).getDuedate()).as("the reminder moves with the port")
                .isEqualTo(newYork("2026-12-07T11:30"));
        assertThat(order).hasPassed("Task_MoveInstallDate", "EndEvent_InstallMoved").variables()
                .containsEntry(INSTALL_AT, Date.from(later.toInstant())).containsEntry(INSTALL_INVITE_SEQUENCE, 1);
        List<SentEmail> sent = beans.emails.sent();
        assertThat(sent.get(sent.size() - 2).activityId()).isEqualTo("Task_SendUpdatedInvitation");
        assertThat(sent.get(sent.size() - 2).subject()).isEqualTo("New installation date: Tuesday 8 December 2026 at 1:30 PM EST");
        assertThat(last().activityId()).isEqualTo("Task_SendUpdatedTechnicianInvite");
        assertThat(last().subject()).isEqualTo("Install day moved: Acme Dental, on site by Tuesday 8 December 2026 at 11:30 AM EST");
        assertThat(deliver("O-2026-00103", OrderEventType.FOC_CHANGED, later))
                .isEqualTo(OrderEvents.Result.ALREADY_RECEIVED);
    }

    @Test
    void orderWithoutNumbersToPortSkipsPortingAndInstallsOnTheTentativeDate() {
        ProcessInstance order = signedOrder("O-2026-00104", "");
        runAsyncSteps();
        throughWelcomeCall(order);

        assertThat(order).isWaitingAt("Task_ConductSiteSurvey").hasNotPassed("Task_SendLoa");
        assertThat(order).variables().containsEntry(INSTALL_AT, newYork("2026-12-01T09:00"));
        runAsyncSteps();
        assertThat(beans.emails.templates()).contains("installation-invitation");
        customerAccepts("O-2026-00104");
        throughEquipment(order, "NONE");
        assertThat(task()).hasDueDate(newYork("2026-12-01T07:00"));
        complete(task(), withVariables("routerInstalled", true, "routerModel", "OTHER", "phonesPlaced", true));

        assertThat(order).isWaitingAt("Task_TrainOnSiteContact").hasNotPassed("Task_RegisterRouter", "ReceiveTask_PortCompleted");
        assertThat(deliver("O-2026-00104", OrderEventType.PORT_COMPLETED)).isEqualTo(OrderEvents.Result.NOT_WAITING);
        complete(task(), withVariables("onSiteTrainingDone", true));
        runAsyncSteps();
        assertThat(order).isEnded().hasPassed("EndEvent_ServicesActive");
    }

    @Test
    void surveyChangeThatRaisesThePriceWaitsForTheCustomersSignature() {
        ProcessInstance order = signedOrder("O-2026-00105", "");
        runAsyncSteps();
        throughWelcomeCall(order);
        complete(task("Task_ConductSiteSurvey"), withVariables("surveyNotes", "Two more desks", "orderChange",
                "PRICE_INCREASE", "orderChangeDescription", "2 more phones", "newPhoneCount", 7,
                "monthlyPriceIncrease", 50.0));
        runAsyncSteps();

        assertThat(order).isWaitingAt("ReceiveTask_OrderChangeSigned");
        assertThat(beans.emails.sent()).anySatisfy(email -> {
            assertThat(email.template()).isEqualTo("order-change-approval");
            assertThat(email.to()).isEqualTo("ann@acme.example");
        });
        assertThat(taskQuery().taskDefinitionKey("Task_OrderEquipment").count()).as("provisioning waits").isZero();
        assertThat(deliver("O-2026-00105", OrderEventType.CHANGE_SIGNED)).isEqualTo(OrderEvents.Result.ACCEPTED);
        runAsyncSteps();

        assertThat(order).isWaitingAt("Task_OrderEquipment").variables().containsEntry(PHONE_COUNT, 7);
        assertThat((String) runtimeService().getVariable(order.getId(), ORDER_CHANGE_LOG)).contains("PRICE_INCREASE: 2 more phones");
        assertThat(last().template()).isEqualTo("order-changed");
        assertThat(last().to()).isEqualTo("sara@touchpoint.example");
    }

    @Test
    void surveyChangeWithoutPriceIncreaseIsRecordedAndTheAgentIsTold() {
        ProcessInstance order = signedOrder("O-2026-00106", "");
        runAsyncSteps();
        throughWelcomeCall(order);
        complete(task("Task_ConductSiteSurvey"), withVariables("surveyNotes", "Upgrade 2 phones", "orderChange",
                "NO_PRICE_CHANGE", "orderChangeDescription", "Phone upgrade at same price", "newPhoneCount", 5));
        runAsyncSteps();

        assertThat(order).isWaitingAt("Task_OrderEquipment").hasNotPassed("ReceiveTask_OrderChangeSigned")
                .hasPassed("Task_RecordOrderChange");
        assertThat(last().template()).isEqualTo("order-changed");
    }

    @Test
    void lateWelcomeCallIsEscalatedToTheSalesManagers() {
        ProcessInstance order = signedOrder("O-2026-00107", "");
        runAsyncSteps();
        Job late = job("BoundaryEvent_WelcomeCallLate", order);
        assertThat(late.getDuedate()).isEqualTo(newYork("2026-11-18T17:00"));

        execute(late);
        runAsyncSteps();

        assertThat(task("Task_ScheduleWelcomeCall", order)).hasCandidateGroup("client-services")
                .hasCandidateGroup("sales-manager");
        assertThat(task("Task_ScheduleWelcomeCall", order).getPriority()).isEqualTo(EscalateTaskDelegate.ESCALATED_PRIORITY);
        assertThat(last().template()).isEqualTo("welcome-call-late");
        assertThat(last().to()).isEqualTo("dan@touchpoint.example");
        assertThat(order).hasPassed("EndEvent_WelcomeCallEscalated").isWaitingAt("Task_ScheduleWelcomeCall");
    }

    @Test
    void customerProposesAnotherDateAndTheCoordinatorAcceptsIt() {
        ProcessInstance order = signedOrder("O-2026-00108", "+1 555 010 0108");
        runAsyncSteps();
        throughWelcomeCall(order);
        throughPorting(order, "O-2026-00108");
        assertThat(last().subject()).isEqualTo("Installation of your services on Thursday 3 December 2026 at 11:00 AM EST");

        Instant friday = installDateAnswers.proposedTime("2026-12-04", "10:00", null);
        assertThat(installDateAnswers.propose("O-2026-00108", "a forged token", friday, "")).as("a wrong link changes nothing")
                .isEqualTo(InstallDateAnswers.Outcome.NOT_FOUND);
        assertThat(installDateAnswers.propose("O-2026-00108", installDateLinks.token("O-2026-00108"), friday,
                "Thursday mornings are our busiest")).isEqualTo(InstallDateAnswers.Outcome.DONE);

        assertThat(order).isWaitingAt("Task_AgreeInstallDate", "Task_ConductSiteSurvey").variables()
                .containsEntry(PROPOSED_INSTALL_DATE_TEXT, "Friday 4 December 2026 at 10:00 AM EST")
                .containsEntry(INSTALL_DATE_COMMENT, "Thursday mornings are our busiest");
        assertThat(task("Task_AgreeInstallDate")).hasCandidateGroup("installation-coordinator")
                .hasCandidateGroup("client-services").hasDueDate(newYork("2026-11-17T17:00"));
        complete(task("Task_AgreeInstallDate"), withVariables(INSTALL_DATE_DECISION, "ACCEPT"));

        assertThat(order).variables().containsEntry(INSTALL_AT, Date.from(friday)).containsEntry(INSTALL_INVITE_SEQUENCE, 1);
        List<SentEmail> sent = beans.emails.sent();
        assertThat(sent.get(sent.size() - 2)).satisfies(confirmation -> {
            assertThat(confirmation.template()).isEqualTo("installation-date-confirmed");
            assertThat(confirmation.subject()).isEqualTo("Installation confirmed for Friday 4 December 2026 at 10:00 AM EST");
            assertThat(confirmation.to()).isEqualTo("ann@acme.example,it@acme.example");
        });
        assertThat(last().subject()).isEqualTo("Install day: Acme Dental, on site by Friday 4 December 2026 at 8:00 AM EST");
        throughEquipment(order, "NONE");
        assertThat(task("Task_InstallOnSite")).hasDueDate(newYork("2026-12-04T08:00"));
    }

    @Test
    void coordinatorCountersAndTheCustomerAcceptsTheCounterDate() {
        ProcessInstance order = signedOrder("O-2026-00109", "+1 555 010 0109");
        runAsyncSteps();
        throughWelcomeCall(order);
        throughPorting(order, "O-2026-00109");
        installDateAnswers.propose("O-2026-00109", installDateLinks.token("O-2026-00109"),
                installDateAnswers.proposedTime("2026-12-04", "", Date.from(FOC.toInstant())), "");
        assertThat(order).variables().containsEntry(PROPOSED_INSTALL_DATE_TEXT, "Friday 4 December 2026 at 11:00 AM EST");

        complete(task("Task_AgreeInstallDate"), withVariables(INSTALL_DATE_DECISION, "COUNTER",
                COUNTER_INSTALL_AT, "2026-12-07T13:00-05:00"));

        assertThat(order).isWaitingAt("Gateway_CustomerAnswer", "Task_ConductSiteSurvey")
                .hasNotPassed("Task_ConfirmAgreedDate", "Task_SendTechnicianInvite");
        assertThat(last().template()).isEqualTo("installation-invitation");
        assertThat(last().subject()).isEqualTo("Installation of your services on Monday 7 December 2026 at 1:00 PM EST");
        assertThat(customerAccepts("O-2026-00109")).isEqualTo(InstallDateAnswers.Outcome.DONE);
        assertThat(order).variables().containsEntry(INSTALL_AT, newYork("2026-12-07T13:00"));
        assertThat(last().subject()).isEqualTo("Install day: Acme Dental, on site by Monday 7 December 2026 at 11:00 AM EST");
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(order.getId())
                .activityId("Task_SendInstallationInvitation").count()).isEqualTo(2);
    }

    @Test
    void customerWhoDoesNotAnswerInTwoBusinessDaysKeepsTheFocDateAndIsToldSo() {
        ProcessInstance order = signedOrder("O-2026-00110", "+1 555 010 0110");
        runAsyncSteps();
        throughWelcomeCall(order);
        throughPorting(order, "O-2026-00110");
        Job noAnswer = job("Event_NoAnswer", order);
        assertThat(noAnswer.getDuedate()).isEqualTo(newYork("2026-11-18T17:00"));

        execute(noAnswer);

        assertThat(order).hasPassed("Task_TellDateKept", "Task_SendTechnicianInvite").hasNotPassed("Task_AgreeInstallDate")
                .variables().containsEntry(INSTALL_AT, Date.from(FOC.toInstant()));
        List<SentEmail> sent = beans.emails.sent();
        assertThat(sent.get(sent.size() - 2)).satisfies(kept -> {
            assertThat(kept.template()).isEqualTo("installation-date-kept");
            assertThat(kept.subject()).isEqualTo("Your installation stays on Thursday 3 December 2026 at 11:00 AM EST");
        });
        assertThat(customerAccepts("O-2026-00110")).as("too late: the date stands")
                .isEqualTo(InstallDateAnswers.Outcome.NOT_WAITING);
    }

    @Test
    void technicianIsRemindedTheDayBeforeArrivingTwoHoursBeforeThePort() {
        ProcessInstance order = signedOrder("O-2026-00111", "+1 555 010 0111");
        runAsyncSteps();
        throughWelcomeCall(order);
        throughPorting(order, "O-2026-00111");
        customerAccepts("O-2026-00111");
        throughEquipment(order, "NONE");
        assertThat(task("Task_InstallOnSite")).hasDueDate(newYork("2026-12-03T09:00"));
        Job reminder = job("BoundaryEvent_RemindTechnician", order);
        assertThat(reminder.getDuedate()).isEqualTo(newYork("2026-12-02T09:00"));

        ClockUtil.setCurrentTime(newYork("2026-12-02T09:00"));
        execute(reminder);

        assertThat(last().template()).isEqualTo("technician-reminder");
        assertThat(last().to()).isEqualTo("theo@touchpoint.example");
        assertThat(last().subject()).isEqualTo("Reminder: on site at Acme Dental by Thursday 3 December 2026 at 9:00 AM EST");
        assertThat(order).hasPassed("EndEvent_TechnicianReminded").isWaitingAt("Task_InstallOnSite");
    }

    /**
     * PRV-07: Client Services prepares the LOA from the current bill, and the customer receives it as a PDF to sign,
     * with every number to port, the account to port them from and the signature lines.
     */
    @Test
    void customerReceivesTheLetterOfAuthorizationForEveryNumberToPort() {
        // this test also sends its emails, to an SMTP server of its own
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            beans = ProcessTestBeans.registerSendingTo(smtp.getSmtp().getPort(), engine.getProcessEngine(), SETTINGS)
                    .sendingEmails();
            ProcessInstance order = signedOrder("O-2026-00107", "+1 555 010 0101\n+1 555 010 0102");
            runAsyncSteps();
            throughWelcomeCall(order);

            assertThat(task("Task_SendLoa", order)).hasCandidateGroup("client-services");
            complete(task("Task_SendLoa", order), withVariables("currentProvider", "Old Telco",
                    CURRENT_PROVIDER_ACCOUNT, "OT-778812", BILLING_TELEPHONE_NUMBER, "+1 555 010 0100", "loaChecked", true));

            assertThat(order).hasPassedInOrder("Task_SendLoa", "Task_EmailLoa").isWaitingAt("ReceiveTask_LoaSigned");
            MimeMessage email = beans.mail.received(smtp, order.getId(),
                    "Please sign the Letter of Authorization for your order O-2026-00107");
            assertThat(Mails.text(email)).contains("Dear Ann Lee", "from Old Telco to Touchpoint",
                    "letter-of-authorization-O-2026-00107.pdf");
            assertThat(Mails.attachmentNames(email)).containsExactly("letter-of-authorization-O-2026-00107.pdf");
            byte[] loa = Mails.attachment(email, "letter-of-authorization-O-2026-00107.pdf", "application/pdf");
            assertThat(Pdfs.pages(loa)).isEqualTo(1);
            assertThat(Pdfs.text(loa, "process-letter-of-authorization")).contains("Letter of Authorization",
                    "order O-2026-00107", "Customer (as on the current bill) Acme Dental",
                    "Service address 1 Main St, Springfield", "Current provider Old Telco", "OT-778812",
                    "Billing telephone number +1 555 010 0100", "1 +1 555 010 0101", "2 +1 555 010 0102",
                    "I authorize Touchpoint Communications", "Authorized signature", "Printed name", "Title", "Date");

            assertThat(deliver("O-2026-00107", OrderEventType.LOA_SIGNED)).isEqualTo(OrderEvents.Result.ACCEPTED);
            assertThat(order).isWaitingAt("Task_SubmitPortRequest", "Task_ConductSiteSurvey");
        } finally {
            smtp.stop();
        }
    }

    // --- steps ---------------------------------------------------------------------------------------------

    ProcessInstance signedOrder(String orderNumber, String numbersToPort) {
        return runtimeService().startProcessInstanceByKey(ProvisioningProcess.PROCESS_ID, "Q-2026-" + orderNumber.substring(7),
                withVariables("orderNumber", orderNumber, "companyName", "Acme Dental", "contactName", "Ann Lee",
                        "contactEmail", "ann@acme.example", "itContactEmail", "it@acme.example", "salesRep", "sara",
                        NUMBERS_TO_PORT, numbersToPort, PHONE_COUNT, 5, "installAddress", "1 Main St, Springfield"));
    }

    void throughWelcomeCall(ProcessInstance order) {
        complete(task("Task_ScheduleWelcomeCall", order), withVariables("welcomeCallAt", "2026-11-17T14:00-05:00"));
        runAsyncSteps();
        assertThat(beans.emails.templates()).contains("welcome-call-invite");
        assertThat(task("Task_HoldWelcomeCall", order)).hasCandidateGroup("client-services")
                .hasDueDate(newYork("2026-11-17T17:00"));
        complete(task("Task_HoldWelcomeCall", order), withVariables("itemsReconfirmed", true, "extensionList", "101 Ann",
                "callRouting", "Main number rings reception", "e911Address", "1 Main St"));
        assertThat(task("Task_ScheduleSiteSurvey", order)).hasCandidateGroup("client-services")
                .hasCandidateGroup("installation-coordinator");
        complete(task("Task_ScheduleSiteSurvey", order), withVariables("siteSurveyAt", "2026-11-19T10:00-05:00",
                TENTATIVE_INSTALL_AT, "2026-12-01T09:00-05:00", "billCopiesRequested", true));
    }

    void throughPorting(ProcessInstance order, String orderNumber) {
        complete(task("Task_SendLoa", order), withVariables("loaSent", true));
        deliver(orderNumber, OrderEventType.LOA_SIGNED);
        complete(task("Task_SubmitPortRequest", order), withVariables("portRequestReference", "PR-1"));
        deliver(orderNumber, OrderEventType.FOC_RECEIVED, FOC);
        runAsyncSteps();
    }

    void throughEquipment(ProcessInstance order, String orderChange) {
        complete(task("Task_ConductSiteSurvey", order), withVariables("surveyNotes", "All good", "orderChange", orderChange));
        assertThat(task("Task_OrderEquipment", order)).hasCandidateGroup("client-services");
        complete(task("Task_OrderEquipment", order), withVariables("equipmentSupplier", "PhoneCo",
                "equipmentOrderReference", "EQ-1"));
        String orderNumber = (String) runtimeService().getVariable(order.getId(), "orderNumber");
        assertThat(deliver(orderNumber, OrderEventType.EQUIPMENT_DELIVERED)).isEqualTo(OrderEvents.Result.ACCEPTED);
        complete(task("Task_ConfigurePhones", order), withVariables("phonesConfigured", true));
        complete(task("Task_BuildPortalAccount", order), withVariables("portalAccountId", "ACME-1", "extensionsBuilt", true));
        runAsyncSteps();
    }

    /** The customer accepts the install date on the page the invitation's link opens. */
    InstallDateAnswers.Outcome customerAccepts(String orderNumber) {
        InstallDateAnswers.Outcome outcome = installDateAnswers.accept(orderNumber, installDateLinks.token(orderNumber));
        runAsyncSteps();
        return outcome;
    }

    OrderEvents.Result deliver(String orderNumber, OrderEventType type) {
        return orderEvents.deliver(orderNumber, OrderEvent.of(type));
    }

    OrderEvents.Result deliver(String orderNumber, OrderEventType type, OffsetDateTime focAt) {
        return orderEvents.deliver(orderNumber, new OrderEvent(type, null, focAt, null));
    }

    void runAsyncSteps() {
        AsyncSteps.runDue();
    }

    SentEmail last() {
        List<SentEmail> sent = beans.emails.sent();
        return sent.get(sent.size() - 1);
    }

    Object historicVariable(ProcessInstance instance, String name) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult().getValue();
    }
}
