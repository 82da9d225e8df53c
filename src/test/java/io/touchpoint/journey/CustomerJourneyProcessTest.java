package io.touchpoint.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.touchpoint.postsales.PostSalesProcess;
import io.touchpoint.postsales.PostSalesTestBeans;
import io.touchpoint.presales.PresalesProcess;
import io.touchpoint.presales.PresalesTestBeans;
import io.touchpoint.provisioning.ProvisioningProcess;
import io.touchpoint.testing.AsyncSteps;
import io.touchpoint.testing.ProcessTestBeans;
import io.touchpoint.testing.ProcessTestSupport;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole journey (processes/customer-journey.bpmn): one business key from the quote request on; a won order
 * goes on to provisioning with everything presales learned, a lost quote ends the journey. The stages run for real;
 * presales is moved to its end with process instance modification, as its own test walks every path of it.
 */
@Deployment(resources = {CustomerJourneyProcess.RESOURCE, PresalesProcess.RESOURCE, ProvisioningProcess.RESOURCE,
        PostSalesProcess.RESOURCE})
class CustomerJourneyProcessTest {

    @RegisterExtension
    @Order(1)
    static ProcessEngineCoverageExtension engine = ProcessTestSupport.engine()
            .excludeProcessDefinitionKeys(PresalesProcess.PROCESS_ID, ProvisioningProcess.PROCESS_ID,
                    PostSalesProcess.PROCESS_ID).build();

    @RegisterExtension
    @Order(2)
    static ProcessTestSupport processTests = new ProcessTestSupport();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    ProcessTestBeans beans;
    PostSalesTestBeans postSalesBeans;
    CustomerJourney presales;

    @BeforeEach
    void setUp() {
        ProcessEngine processEngine = engine.getProcessEngine();
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-11-16T15:00:00Z")));
        beans = ProcessTestBeans.registerSendingTo(smtp.getSmtp().getPort(), processEngine, PresalesTestBeans.SETTINGS,
                new io.touchpoint.provisioning.ProvisioningProperties(Duration.ofHours(2), Duration.ofHours(24), 2), PostSalesTestBeans.SETTINGS,
                PostSalesTestBeans.SURVEYS);
        postSalesBeans = new PostSalesTestBeans(beans);
        people();
        presales = beans.get(CustomerJourney.class);
    }

    @Test
    void wonOrderGoesOnToProvisioningUnderTheSameBusinessKey() {
        String quoteNumber = presales.start(request());
        ProcessInstance journey = journey(quoteNumber);
        assertThat(journey).isWaitingAt("CallActivity_Presales");
        ProcessInstance stage = stage(PresalesProcess.PROCESS_ID, quoteNumber);
        assertThat(stage).variables().containsEntry("companyName", "Acme Dental").containsEntry("seats", 25);

        runtimeService().setVariable(stage.getId(), "orderNumber", "O-2026-00042");
        moveTo(stage, "Task_RecordOrderWon");
        runAsyncSteps();

        assertThat(journey).hasPassed("CallActivity_Presales").isWaitingAt("CallActivity_Provisioning")
                .variables().containsEntry(CustomerJourneyProcess.Vars.PRESALES_OUTCOME, CustomerJourneyProcess.WON)
                .containsEntry("orderNumber", "O-2026-00042");
        ProcessInstance provisioning = stage(ProvisioningProcess.PROCESS_ID, quoteNumber);
        assertThat(provisioning).isWaitingAt("Task_ScheduleWelcomeCall").variables()
                .containsEntry("orderNumber", "O-2026-00042").containsEntry("contactEmail", "ann@acme.example");
        assertThat(beans.emails.templates()).contains("order-won", "welcome");

        // install day: the technician installs and trains; provisioning ends on its own
        Date installAt = Date.from(java.time.Instant.parse("2026-11-17T15:00:00Z"));
        runtimeService().setVariable(provisioning.getId(), "installAt", installAt);
        runtimeService().createProcessInstanceModification(provisioning.getId()).cancelAllForActivity("Task_ScheduleWelcomeCall")
                .startBeforeActivity("Task_InstallOnSite").execute();
        taskService().claim(task("Task_InstallOnSite", provisioning).getId(), "theo");
        complete(task("Task_InstallOnSite", provisioning), withVariables("routerModel", "OTHER", "routerInstalled", true,
                "phonesPlaced", true));
        complete(task("Task_TrainOnSiteContact", provisioning), withVariables("onSiteTrainingDone", true));
        runAsyncSteps();
        assertThat(provisioning).isEnded();

        assertThat(journey).isWaitingAt("CallActivity_PostSales");
        ProcessInstance postSales = stage(PostSalesProcess.PROCESS_ID, quoteNumber);
        assertThat(postSales).variables().containsEntry("orderNumber", "O-2026-00042").containsKey("activationDate")
                .containsEntry("installedBy", "theo").containsEntry("installAt", installAt);
        runAsyncSteps();
        // Marketing sends the installation survey
        complete(task("Task_SendFollowUpSurvey", postSales), withVariables("surveyRecipientChecked", true));
        runAsyncSteps();
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(postSalesBeans.mail.received(smtp, postSales.getId(),
                "How was your installation"))).as("the survey asks about the technician who installed").contains("Theo Grant");
        execute(job("Event_CompletionLetterDue", postSales));
        assertThat(task("Task_FollowUpWithCustomer", postSales)).hasDueDate(
                Date.from(java.time.Instant.parse("2026-11-18T22:00:00Z")));

        runtimeService().createProcessInstanceModification(postSales.getId())
                .cancelAllForActivity("Gateway_Cadence").cancelAllForActivity("Task_FollowUpWithCustomer")
                .cancelAllForActivity("ReceiveTask_SurveyAnswered").cancelAllForActivity("Task_PreparePresidentNote")
                .cancelAllForActivity("Gateway_FirstInvoice").cancelAllForActivity("Gateway_AccountManagerDone")
                .cancelAllForActivity("Gateway_CadenceDone")
                .startBeforeActivity("EndEvent_LifeCycleSupport").execute();
        assertThat(journey).isEnded().hasPassed("CallActivity_PostSales", "EndEvent_CustomerActive");
    }

    @Test
    void lostQuoteEndsTheJourney() {
        String quoteNumber = presales.start(request());
        ProcessInstance journey = journey(quoteNumber);
        ProcessInstance stage = stage(PresalesProcess.PROCESS_ID, quoteNumber);

        runtimeService().setVariable(stage.getId(), PresalesProcess.Vars.CUSTOMER_DECISION, "DECLINED");
        moveTo(stage, "Task_RecordQuoteDeclined");
        runAsyncSteps();

        assertThat(journey).isEnded().hasPassed("EndEvent_QuoteLost").hasNotPassed("CallActivity_Provisioning");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(journey.getId())
                .variableName(CustomerJourneyProcess.Vars.PRESALES_OUTCOME_REASON).singleResult().getValue()).isEqualTo("DECLINED");
    }

    @Test
    void salesRepStartingTheJourneyInTasklistGivesItAQuoteNumber() {
        identityService().setAuthenticatedUserId("sara");
        ProcessInstance journey = runtimeService().startProcessInstanceByKey(CustomerJourneyProcess.PROCESS_ID,
                withVariables("companyName", "Bolt Logistics", "contactName", "Bo", "contactEmail", "bo@bolt.example",
                        "phone", "+1 555 010 0200", "seats", 12, CustomerJourneyProcess.Vars.INTRODUCTION_DONE, true));
        identityService().clearAuthentication();

        assertThat(journey.getBusinessKey()).matches("Q-2026-\\d{5}");
        ProcessInstance stage = stage(PresalesProcess.PROCESS_ID, journey.getBusinessKey());
        assertThat(stage).variables().containsEntry("salesRep", "sara")
                .containsEntry(CustomerJourneyProcess.Vars.QUOTE_NUMBER, journey.getBusinessKey());
    }

    /** The technician and the account manager of the stretch of install day the journey runs for real. */
    void people() {
        for (String role : new String[] {"theo:technician", "arman:account-relations"}) {
            String[] person = role.split(":");
            if (identityService().createUserQuery().userId(person[0]).count() == 0) {
                var user = identityService().newUser(person[0]);
                user.setFirstName(person[0].equals("theo") ? "Theo" : "Arman");
                user.setLastName(person[0].equals("theo") ? "Grant" : "Reyes");
                user.setEmail(person[0] + "@touchpoint.example");
                identityService().saveUser(user);
                identityService().saveGroup(identityService().newGroup(person[1]));
                identityService().createMembership(person[0], person[1]);
            }
        }
    }

    static QuoteRequest request() {
        return new QuoteRequest("Acme Dental", "Ann Lee", "ann@acme.example", "+1 555 010 0100", 25,
                List.of(Catalog.Service.HOSTED_VOICE), List.of(), "", "");
    }

    ProcessInstance journey(String quoteNumber) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(CustomerJourneyProcess.PROCESS_ID)
                .processInstanceBusinessKey(quoteNumber).singleResult();
    }

    ProcessInstance stage(String processKey, String quoteNumber) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(quoteNumber).singleResult();
    }

    /** Moves a stage from wherever it waits (its first task: the confirmation email is sent already) to an activity. */
    static void moveTo(ProcessInstance stage, String activityId) {
        var modification = runtimeService().createProcessInstanceModification(stage.getId());
        for (var waiting : runtimeService().getActivityInstance(stage.getId()).getChildActivityInstances()) {
            modification.cancelActivityInstance(waiting.getId());
        }
        modification.startBeforeActivity(activityId).execute();
    }

    void runAsyncSteps() {
        AsyncSteps.runDue();
    }
}
