package io.touchpoint.postsales;

import static io.touchpoint.testing.ProcessTestBeans.newYork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.touchpoint.notification.OutboxEmail;
import io.touchpoint.survey.Survey;
import io.touchpoint.survey.SurveyAnswer;
import io.touchpoint.survey.SurveyService;
import io.touchpoint.testing.AsyncSteps;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.ProcessTestBeans;
import io.touchpoint.testing.ProcessTestSupport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
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
 * Post-sales (processes/post-sales.bpmn): the first weeks after activation, on time and late: completion letter,
 * the agent's follow-up, the satisfaction survey (answered, reminded, closed), the outage list, the president's
 * note, the account manager, and the first bill review.
 */
@Deployment(resources = PostSalesProcess.RESOURCE)
class PostSalesProcessTest {

    @RegisterExtension
    @Order(1)
    static ProcessEngineCoverageExtension engine = ProcessTestSupport.engine().build();

    @RegisterExtension
    @Order(2)
    static ProcessTestSupport processTests = new ProcessTestSupport();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** Monday 7 December 2026, 10:00 in New York: the day of installation. */
    static final Instant INSTALL_DAY = Instant.parse("2026-12-07T15:00:00Z");

    ProcessTestBeans beans;
    PostSalesTestBeans postSales;

    @BeforeEach
    void setUp() {
        ProcessEngine processEngine = engine.getProcessEngine();
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(INSTALL_DAY));
        beans = ProcessTestBeans.registerSendingTo(smtp.getSmtp().getPort(), processEngine, PostSalesTestBeans.SETTINGS,
                PostSalesTestBeans.SURVEYS);
        postSales = new PostSalesTestBeans(beans);
        ProcessTestBeans.person(processEngine, "sara", "Sara", "Lopez", "sales-rep");
        ProcessTestBeans.person(processEngine, "arman", "Arman", "Reyes", "account-relations");
        ProcessTestBeans.person(processEngine, "mara", "Mara", "Quinn", "marketing");
        ProcessTestBeans.person(processEngine, "theo", "Theo", "Grant", "technician");
    }

    @Test
    void activeCustomerGetsTheWholeCadenceOnTime() throws Exception {
        ProcessInstance customer = activeCustomer("O-2026-00201", 25);
        AsyncSteps.runDue();

        // installed Monday at 10:00: the completion letter waits for Tuesday's opening, not seconds after the notice
        assertThat(beans.emails.templates()).doesNotContain("completion-letter");
        Job letterDue = job("Event_CompletionLetterDue", customer);
        assertThat(letterDue.getDuedate()).isEqualTo(newYork("2026-12-08T08:00"));
        execute(letterDue);
        AsyncSteps.runDue();
        assertThat(beans.emails.sent()).anySatisfy(email -> {
            assertThat(email.template()).isEqualTo("completion-letter");
            assertThat(email.to()).isEqualTo("ann@acme.example");
        });
        assertThat(customer).isWaitingAt("Task_FollowUpWithCustomer", "Task_SendFollowUpSurvey",
                "Task_PreparePresidentNote", "Gateway_FirstInvoice");
        // Marketing sends the survey within 2 business days of the install, and prepares the president's note
        assertThat(task("Task_SendFollowUpSurvey", customer)).hasCandidateGroup("marketing")
                .hasDueDate(newYork("2026-12-09T17:00"));
        assertThat(task("Task_PreparePresidentNote", customer)).hasCandidateGroup("marketing")
                .hasDueDate(newYork("2026-12-09T17:00"));
        marketingSendsSurvey(customer);
        complete(task("Task_PreparePresidentNote", customer));
        assertThat(task("Task_FollowUpWithCustomer", customer)).isAssignedTo("sara")
                .hasCandidateGroupAssociated("sales-rep").hasDueDate(newYork("2026-12-08T17:00"));
        complete(task("Task_FollowUpWithCustomer", customer), withVariables("followUpOutcome", "HAPPY",
                "followUpNotes", "Loves the new phones"));

        assertThat(postSales.outageList.subscribers()).extracting(io.touchpoint.outage.OutageList.Subscriber::email)
                .contains("ann@acme.example");

        assertThat(task("Task_PersonalisePresidentNote", customer)).hasCandidateGroup("executive");
        assertThat((String) runtimeService().getVariable(customer.getId(), PostSalesProcess.Vars.PRESIDENT_NOTE))
                .startsWith("Dear Ann Lee,").contains("Acme Dental");
        complete(task("Task_PersonalisePresidentNote", customer), withVariables(PostSalesProcess.Vars.PRESIDENT_NOTE,
                "Dear Ann, welcome!"));
        AsyncSteps.runDue();
        assertThat(beans.emails.templates()).contains("president-note", "account-manager-introduction");
        assertThat(customer).variables().containsEntry(PostSalesProcess.Vars.ACCOUNT_MANAGER, "arman")
                .containsEntry(PostSalesProcess.Vars.ACCOUNT_MANAGER_NAME, "Arman Reyes");

        MimeMessage surveyEmail = surveyEmail(customer);
        assertThat(GreenMailUtil.getBody(surveyEmail)).contains("Theo Grant");
        String link = GreenMailUtil.getBody(surveyEmail).replaceAll("(?s).*(https://touchpoint\\.example/survey/\\S+?)[\\s\"<].*", "$1");
        assertThat(link).startsWith("https://touchpoint.example/survey/");
        String surveyId = (String) runtimeService().getVariable(customer.getId(), SurveyService.SURVEY_ID);
        assertThat(postSales.surveys.answer(surveyId, new SurveyAnswer(token(customer), 5, null, "Great install")))
                .isEqualTo(SurveyService.Outcome.ANSWERED);
        assertThat(customer).hasPassed("ReceiveTask_SurveyAnswered").variables().containsEntry("surveySatisfaction", 5);

        execute(job("Event_NoInvoiceYet", customer));
        reviewFirstBill(customer, false);
        AsyncSteps.runDue();
        assertThat(customer).isEnded().hasPassed("EndEvent_LifeCycleSupport").hasNotPassed("Task_ContactCustomerAboutBill",
                "Task_RemindSurvey", "Task_EscalateLateFollowUp");
    }

    @Test
    void unansweredSurveyIsRemindedThenAnswered() throws Exception {
        ProcessInstance customer = activeCustomer("O-2026-00202", 5);
        AsyncSteps.runDue();
        marketingSendsSurvey(customer);
        Job reminder = job("BoundaryEvent_SurveyReminderDue", customer);
        assertThat(reminder.getDuedate()).isEqualTo(newYork("2026-12-10T17:00"));
        assertThat(job("BoundaryEvent_SurveyCloseDue", customer).getDuedate()).isEqualTo(newYork("2026-12-21T17:00"));

        ClockUtil.setCurrentTime(reminder.getDuedate());
        execute(reminder);
        AsyncSteps.runDue();
        String reminderToken = token(email(customer, "A reminder: how was your installation?"));
        assertThat(reminderToken).as("the reminder carries a link of its own")
                .isNotEqualTo(token(email(customer, "How was your installation")));
        assertThat(customer).hasPassed("EndEvent_SurveyReminded").isWaitingAt("ReceiveTask_SurveyAnswered");

        String surveyId = (String) runtimeService().getVariable(customer.getId(), SurveyService.SURVEY_ID);
        assertThat(postSales.surveys.answer(surveyId, new SurveyAnswer(reminderToken, 4, null, null)))
                .isEqualTo(SurveyService.Outcome.ANSWERED);
        assertThat(customer).hasPassed("Task_RemindSurvey", "ReceiveTask_SurveyAnswered").hasNotPassed("Task_CloseSurvey");
        assertThat(postSales.mail.outbox().ofProcessInstance(customer.getId())).extracting(OutboxEmail::subject)
                .as("one invitation and one reminder").filteredOn(subject -> subject.toLowerCase().contains("how was your "
                        + "installation")).hasSize(2);
    }

    @Test
    void answerWhileTheReminderIsStillBeingSentCounts() {
        ProcessInstance customer = activeCustomer("O-2026-00206", 5);
        AsyncSteps.runDue();
        marketingSendsSurvey(customer);
        execute(job("BoundaryEvent_SurveyReminderDue", customer));
        assertThat(postSales.mail.outbox().ofProcessInstance(customer.getId()))
                .filteredOn(email -> email.template().equals("survey-reminder")).singleElement()
                .as("the reminder email waits in the outbox").extracting(OutboxEmail::status)
                .isEqualTo(OutboxEmail.Status.PENDING);

        String surveyId = (String) runtimeService().getVariable(customer.getId(), SurveyService.SURVEY_ID);
        assertThat(postSales.surveys.answer(surveyId, new SurveyAnswer(token(customer), 5, null, null)))
                .isEqualTo(SurveyService.Outcome.ANSWERED);
        assertThat(customer).hasPassed("ReceiveTask_SurveyAnswered");
    }

    @Test
    void surveyWithoutAnswerIsClosedAndTakesNoLateAnswer() throws Exception {
        ProcessInstance customer = activeCustomer("O-2026-00203", 5);
        AsyncSteps.runDue();
        marketingSendsSurvey(customer);
        execute(job("BoundaryEvent_SurveyReminderDue", customer));
        AsyncSteps.runDue();
        execute(job("BoundaryEvent_SurveyCloseDue", customer));
        assertThat(customer).hasPassed("Task_CloseSurvey").variables().doesNotContainKey("surveySatisfaction");

        assertThat(customer).hasPassed("Task_CloseSurvey");
        String surveyId = (String) runtimeService().getVariable(customer.getId(), SurveyService.SURVEY_ID);
        assertThat(postSales.surveys.load(surveyId).status()).isEqualTo(Survey.Status.EXPIRED);
        assertThat(postSales.surveys.answer(surveyId, new SurveyAnswer(token(customer), 5, null, null)))
                .isEqualTo(SurveyService.Outcome.CLOSED);
    }

    @Test
    void lateFollowUpIsEscalatedAndSmallCustomersHaveNoAccountManager() {
        ProcessInstance customer = activeCustomer("O-2026-00204", 5);
        AsyncSteps.runDue();
        execute(job("Event_CompletionLetterDue", customer));

        assertThat(customer).hasPassed("Gateway_AccountManagerDone").hasNotPassed("Task_AssignAccountManager");
        Job late = job("BoundaryEvent_FollowUpLate", customer);
        assertThat(late.getDuedate()).isEqualTo(newYork("2026-12-08T17:00"));
        execute(late);

        assertThat(task("Task_FollowUpWithCustomer", customer)).hasCandidateGroupAssociated("sales-manager");
        assertThat(customer).hasPassed("EndEvent_FollowUpEscalated").isWaitingAt("Task_FollowUpWithCustomer");
    }

    @Test
    void firstBillThatDiffersFromTheContractIsTakenUpWithTheCustomer() {
        ProcessInstance customer = activeCustomer("O-2026-00205", 5);
        AsyncSteps.runDue();
        // billing issues the first full invoice: the review starts then, and the fallback timer is gone
        Job fallback = job("Event_NoInvoiceYet", customer);
        assertThat(fallback.getDuedate()).isEqualTo(Date.from(INSTALL_DAY.plus(Duration.ofDays(35))));
        runtimeService().createMessageCorrelation(PostSalesProcess.Messages.FIRST_INVOICE_ISSUED)
                .processInstanceVariableEquals("orderNumber", "O-2026-00205").correlate();
        assertThat(customer).hasPassed("Event_FirstInvoiceIssued").hasNotPassed("Event_NoInvoiceYet");
        assertThat(managementService().createJobQuery().processInstanceId(customer.getId()).activityId("Event_NoInvoiceYet")
                .count()).isZero();

        reviewFirstBill(customer, true);

        assertThat(task("Task_ContactCustomerAboutBill", customer)).hasCandidateGroup("account-relations");
        complete(task("Task_ContactCustomerAboutBill", customer), withVariables("billResolution", "Credit next month"));
        assertThat(customer).hasPassed("Task_ContactCustomerAboutBill", "Gateway_BillReviewed")
                .hasNotPassed("Task_TellCustomerBillChecked");
    }

    @Test
    void withoutAnInvoiceTheBillIsReviewedOnTimeAndACorrectBillIsConfirmedToTheCustomer() {
        ProcessInstance customer = activeCustomer("O-2026-00206", 5);
        AsyncSteps.runDue();
        execute(job("Event_NoInvoiceYet", customer));

        reviewFirstBill(customer, false);

        assertThat(customer).hasPassed("Event_NoInvoiceYet", "Task_TellCustomerBillChecked", "Gateway_BillReviewed")
                .hasNotPassed("Event_FirstInvoiceIssued", "Task_ContactCustomerAboutBill");
        assertThat(beans.emails.sent()).anySatisfy(email -> {
            assertThat(email.template()).isEqualTo("first-bill-checked");
            assertThat(email.to()).isEqualTo("ann@acme.example");
            assertThat(email.subject()).isEqualTo("Your first invoice matches your contract: order O-2026-00206");
        });
    }

    /**
     * FJ expected contacts: once the service runs, the primary contact named on the order hears from us (account
     * manager, first bill), not the decision maker who asked for the quote.
     */
    @Test
    void primaryContactHearsAboutTheAccountManagerAndTheFirstBill() {
        ProcessInstance customer = activeCustomer("O-2026-00207", 5, withVariables("primaryContactName", "Pat Kim",
                "primaryContactEmail", "pat@acme.example"));
        AsyncSteps.runDue();
        execute(job("Event_NoInvoiceYet", customer));
        reviewFirstBill(customer, false);

        assertThat(beans.emails.sent()).filteredOn(email -> email.template().equals("first-bill-checked"))
                .singleElement().satisfies(email -> assertThat(email.to()).isEqualTo("pat@acme.example"));
        assertThat(beans.emails.sent()).filteredOn(email -> email.template().equals("account-manager-introduction"))
                .allSatisfy(email -> assertThat(email.to()).isEqualTo("pat@acme.example"));
    }

    @Test
    void outageListKeepsOneEntryPerCustomerEmail() {
        assertThat(postSales.outageList.add("Bo@Bolt.example", "Bolt Logistics", "O-1")).isTrue();
        assertThat(postSales.outageList.add("bo@bolt.example ", "Bolt Logistics", "O-2")).isFalse();
        assertThat(postSales.outageList.subscribers()).filteredOn(entry -> entry.companyName().equals("Bolt Logistics"))
                .singleElement().satisfies(entry -> {
            assertThat(entry.email()).isEqualTo("bo@bolt.example");
            assertThat(entry.orderNumber()).isEqualTo("O-1");
        });
    }

    // --- steps ---------------------------------------------------------------------------------------------

    ProcessInstance activeCustomer(String orderNumber, int seats) {
        return activeCustomer(orderNumber, seats, Map.of());
    }

    ProcessInstance activeCustomer(String orderNumber, int seats, Map<String, Object> more) {
        Map<String, Object> variables = new java.util.HashMap<>(withVariables("orderNumber", orderNumber,
                "companyName", "Acme Dental", "contactName", "Ann Lee", "contactEmail", "ann@acme.example",
                "phone", "+1 555 010 0100", "salesRep", "sara", "seats", seats, "quoteMonthlyTotal", 125,
                "activationDate", Date.from(INSTALL_DAY), "installedBy", "theo", "installAt", Date.from(INSTALL_DAY)));
        variables.putAll(more);
        ProcessInstance customer = runtimeService().startProcessInstanceByKey(PostSalesProcess.PROCESS_ID, "Q-" + orderNumber,
                variables);
        assertThat(customer).as("post-sales begins in a transaction of its own").isWaitingAt("StartEvent_ServicesActive");
        execute(job("StartEvent_ServicesActive", customer));
        return customer;
    }

    /** Marketing checks the contact and sends the installation survey (PST-03). */
    void marketingSendsSurvey(ProcessInstance customer) {
        complete(task("Task_SendFollowUpSurvey", customer), withVariables("surveyRecipientChecked", true));
        AsyncSteps.runDue();
    }

    void reviewFirstBill(ProcessInstance customer, boolean discrepancy) {
        assertThat(task("Task_ReviewFirstBill", customer)).hasCandidateGroup("billing");
        complete(task("Task_ReviewFirstBill", customer), withVariables("firstInvoiceNumber", "INV-1",
                "firstInvoiceTotal", discrepancy ? 180 : 125, PostSalesProcess.Vars.BILL_DISCREPANCY, discrepancy,
                "discrepancyNotes", discrepancy ? "Charged 2 extra seats" : ""));
    }

    /** The newest survey email of this customer, as the SMTP server received it. */
    MimeMessage surveyEmail(ProcessInstance customer) {
        return email(customer, "How was your installation");
    }

    /** The newest email of this customer whose subject starts so, once sent from the outbox. */
    MimeMessage email(ProcessInstance customer, String subjectStart) {
        return postSales.mail.received(smtp, customer.getId(), subjectStart);
    }

    /** The survey token, from the link in the newest survey email: the process itself holds none. */
    String token(ProcessInstance customer) {
        assertThat(customer).variables().doesNotContainKey("surveyLink");
        return token(surveyEmail(customer));
    }

    static String token(MimeMessage email) {
        String body = Mails.text(email);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(token.find()).as("a survey link in the email").isTrue();
        return token.group(1);
    }
}
