package io.touchpoint.presales;

import static io.touchpoint.journey.CustomerJourneyProcess.Vars.*;
import static io.touchpoint.presales.PresalesProcess.Vars.*;
import static io.touchpoint.testing.ProcessTestBeans.newYork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.touchpoint.journey.Catalog;
import io.touchpoint.journey.CustomerJourney;
import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.journey.QuoteRequest;
import io.touchpoint.orders.OrderEvent;
import io.touchpoint.orders.OrderEventType;
import io.touchpoint.orders.OrderEvents;
import io.touchpoint.testing.AsyncSteps;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.Pdfs;
import io.touchpoint.testing.ProcessTestBeans;
import io.touchpoint.testing.ProcessTestSupport;
import io.touchpoint.testing.RecordingEmailStep.SentEmail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The presales journey (processes/presales.bpmn), one test per situation: from a quote request, through needs
 * analysis, discovery and quotes, to an order signed and paid, or a quote lost with its reason.
 */
@Deployment(resources = PresalesProcess.RESOURCE)
class PresalesProcessTest {

    @RegisterExtension
    @Order(1)
    static ProcessEngineCoverageExtension engine = ProcessTestSupport.engine().build();

    @RegisterExtension
    @Order(2)
    static ProcessTestSupport processTests = new ProcessTestSupport();

    /** Monday 16 November 2026, 10:00 in New York. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-11-16T15:00:00Z");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    ProcessTestBeans beans;
    CustomerJourney presales;
    OrderEvents orderEvents;

    @BeforeEach
    void setUp() {
        ProcessEngine processEngine = engine.getProcessEngine();
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
        beans = ProcessTestBeans.registerSendingTo(smtp.getSmtp().getPort(), processEngine, PresalesTestBeans.SETTINGS);
        presales = beans.get(CustomerJourney.class);
        orderEvents = beans.get(OrderEvents.class);
        if (identityService().createUserQuery().userId("sara").count() == 0) {
            User sara = identityService().newUser("sara");
            sara.setEmail("sara@touchpoint.example");
            identityService().saveUser(sara);
        }
        ProcessTestBeans.person(processEngine, "dan", "Dan", "Manager", "sales-manager");
        ProcessTestBeans.person(processEngine, "mike", "Mike", "Presales", "sales-engineer");
        ProcessTestBeans.person(processEngine, "pete", "Pete", "Presales", "sales-engineer");
    }

    // --- paths -----------------------------------------------------------------------------------------

    @Test
    void customerWithTwentySeatsGetsDiscoveryMeetingAndSignsTheOrder() {
        ProcessInstance quote = webRequest(25, "MOBILE_LINES");

        runAsyncSteps();
        assertThat(beans.emails.sent()).first().satisfies(email -> {
            assertThat(email.template()).isEqualTo("quote-request-received");
            assertThat(email.to()).isEqualTo("ann@acme.example");
            assertThat(email.subject()).isEqualTo("Your quote request " + quote.getBusinessKey());
        });
        assertThat(quote.getBusinessKey()).matches("Q-2026-\\d{5}");
        assertThat(quote).isWaitingAt("Task_IntroduceAndAnalyseNeeds");
        assertThat(task()).hasCandidateGroup("sales-rep").isNotAssigned()
                .hasDueDate(newYork("2026-11-17T17:00"));
        introduceAs("sara", quote, withVariables(DISCOVERY_MEETING_WANTED, true));

        assertThat(quote).isWaitingAt("Task_HoldDiscoveryMeeting");
        assertThat(task()).hasCandidateGroup("sales-engineer").hasDueDate(newYork("2026-11-23T17:00"));
        complete(task(), withVariables("discoveryMeetingDate", "2026-11-18T10:00-05:00", "discoveryNotes", "3 sites"));

        assertThat(quote).isWaitingAt("Task_RequestCurrentBills");
        assertThat(task()).hasCandidateGroupAssociated("sales-rep").isAssignedTo("sara");
        complete(task(), withVariables("billsReceived", true, "currentMonthlySpend", 2400));

        assertThat(quote).isWaitingAt("Task_PrepareProviderQuote", "Task_GatherAuxiliaryQuotes");
        prepareQuotes(quote);
        runAsyncSteps();
        assertThat(beans.emails.sent()).last().satisfies(email -> {
            assertThat(email.template()).isEqualTo("quotes-ready");
            assertThat(email.to()).isEqualTo("sara@touchpoint.example");
        });

        approveAndConvert(quote);
        String orderNumber = orderNumberOf(quote);
        assertThat(orderNumber).matches("O-2026-\\d{5}");
        assertThat(quote).variables().containsEntry(SIGNATURE_URL, "https://sign.example/" + orderNumber)
                .containsEntry(PAYMENT_URL, "https://pay.example/" + orderNumber);
        runAsyncSteps();
        assertThat(beans.emails.sent()).last().satisfies(email -> {
            assertThat(email.template()).isEqualTo("order-for-signature");
            assertThat(email.to()).isEqualTo("ann@acme.example");
            assertThat(email.subject()).contains(orderNumber);
        });
        assertThat(quote).isWaitingAt("ReceiveTask_OrderSigned", "ReceiveTask_PaymentReceived");

        assertThat(orderEvents.deliver(orderNumber, OrderEvent.of(OrderEventType.ORDER_SIGNED))).isEqualTo(OrderEvents.Result.ACCEPTED);
        assertThat(orderEvents.deliver(orderNumber, OrderEvent.of(OrderEventType.ORDER_SIGNED)))
                .isEqualTo(OrderEvents.Result.ALREADY_RECEIVED);
        assertThat(quote).isWaitingAt("ReceiveTask_PaymentReceived");
        assertThat(orderEvents.deliver(orderNumber, OrderEvent.of(OrderEventType.PAYMENT_RECEIVED)))
                .isEqualTo(OrderEvents.Result.ACCEPTED);
        runAsyncSteps();

        assertThat(quote).hasPassedInOrder("Task_IntroduceAndAnalyseNeeds", "Task_HoldDiscoveryMeeting",
                "Task_RequestCurrentBills", "Task_SendQuotesToAgent", "Task_PresentQuotes", "Task_ConvertQuoteToOrder",
                "Task_CreateOrder", "Task_SendOrderForSignature", "Task_RecordOrderWon", "Task_NotifyAgentOrderWon")
                .isEnded().hasPassed("EndEvent_OrderWon");
        assertOutcome(quote, CustomerJourneyProcess.WON, "SIGNED_AND_PAID");
        assertThat(beans.emails.sent()).last().satisfies(email -> {
            assertThat(email.template()).isEqualTo("order-won");
            assertThat(email.to()).isEqualTo("sara@touchpoint.example");
        });
    }

    @Test
    void customerWithFewerThanTwentySeatsHasNoDiscoveryMeetingNorPartnerQuotes() {
        ProcessInstance quote = webRequest(8);
        runAsyncSteps();
        introduceAs("sara", quote);

        assertThat(quote).isWaitingAt("Task_RequestCurrentBills");
        complete(task());
        assertThat(quote).isWaitingAt("Task_PrepareProviderQuote").hasNotPassed("Task_HoldDiscoveryMeeting");
        assertThat(task()).hasCandidateGroup("sales-engineer").hasDueDate(newYork("2026-11-18T17:00"));
        assertThat(taskQuery().taskDefinitionKey("Task_GatherAuxiliaryQuotes").count()).isZero();
    }

    /**
     * PRE-01, PRE-02, PRE-08: the district sales manager and the sales engineers are invited to the introduction and
     * the needs analysis, and copied on the quotes for the proposal review; the rep records who took part.
     */
    @Test
    void dsmAndSalesEngineersJoinTheIntroductionAndTheProposalReview() {
        ProcessInstance quote = webRequest(8);
        runAsyncSteps();

        assertThat(quote).hasPassed("Task_InviteTeamToIntroduction").isWaitingAt("Task_IntroduceAndAnalyseNeeds");
        assertThat(beans.emails.sent()).filteredOn(email -> email.template().equals("team-introduction")).singleElement()
                .satisfies(email -> {
                    assertThat(email.to().split(",")).contains("dan@touchpoint.example", "mike@touchpoint.example",
                            "pete@touchpoint.example");
                    assertThat(email.cc()).as("nobody owns the quote yet: the sales team").isEqualTo("sales@touchpoint.example");
                    assertThat(email.subject()).isEqualTo("Join the introduction to Acme Dental (" + quote.getBusinessKey() + ")");
                });
        introduceAs("sara", quote, withVariables("introductionTeam", List.of("DSM", "SALES_ENGINEER")));
        complete(task("Task_RequestCurrentBills", quote));
        prepareQuotes(quote);
        runAsyncSteps();

        assertThat(beans.emails.sent()).last().satisfies(email -> {
            assertThat(email.template()).isEqualTo("quotes-ready");
            assertThat(email.to()).isEqualTo("sara@touchpoint.example");
            assertThat(email.cc().split(",")).contains("dan@touchpoint.example", "mike@touchpoint.example");
        });
        complete(task("Task_PresentQuotes", quote), withVariables(CUSTOMER_DECISION, "APPROVED", "chosenQuote", "OWN_QUOTE",
                "proposalReviewTeam", List.of("DSM")));
        assertThat(quote).isWaitingAt("Task_ConvertQuoteToOrder");
    }

    /**
     * PRE-02, VO "Mike/Pete/Amy supports agent to answer questions": the rep asks presales support during the needs
     * analysis; a sales engineer answers; the needs analysis comes back to the rep with the answer and who gave it,
     * as often as the rep asks.
     */
    @Test
    void agentAsksPresalesSupportDuringNeedsAnalysisAndGetsTheAnswerBack() {
        ProcessInstance quote = webRequest(8);
        runAsyncSteps();
        introduceAs("sara", quote, withVariables(NEEDS_NEXT, PresalesProcess.ASK_PRESALES,
                PRESALES_QUESTION, "Can we keep their paging system?"));

        assertThat(quote).isWaitingAt("Task_AnswerAgentQuestion");
        Task question = task();
        assertThat(question).hasCandidateGroup("sales-engineer").isNotAssigned().hasDueDate(newYork("2026-11-17T17:00"));
        assertThat(taskService().getVariable(question.getId(), PRESALES_QUESTION)).isEqualTo("Can we keep their paging system?");
        taskService().claim(question.getId(), "mike");
        complete(question, withVariables(PRESALES_ANSWER, "Yes, with the paging adapter."));

        assertThat(quote).isWaitingAt("Task_IntroduceAndAnalyseNeeds");
        assertThat(task()).isAssignedTo("sara");
        assertThat(quote).variables().containsEntry(PRESALES_ANSWER, "Yes, with the paging adapter.")
                .containsEntry(PRESALES_ANSWERED_BY, "Mike Presales").containsEntry(NEEDS_NEXT, null);
        introduceAs("sara", quote);

        assertThat(quote).isWaitingAt("Task_RequestCurrentBills").hasPassedInOrder("Task_IntroduceAndAnalyseNeeds",
                "Task_AnswerAgentQuestion", "Task_IntroduceAndAnalyseNeeds");
    }

    /** PRE-03: the discovery meeting "can be set" for 20+ seats; the agent decides, and fewer seats get none. */
    @Test
    void discoveryMeetingIsTheAgentsChoiceFromTwentySeats() {
        ProcessInstance notWanted = webRequest(40);
        runAsyncSteps();
        assertThat(notWanted).variables().containsEntry(DISCOVERY_MEETING_MIN_SEATS, 20)
                .containsEntry(DISCOVERY_MEETING_WANTED, false);
        introduceAs("sara", notWanted);
        assertThat(notWanted).isWaitingAt("Task_RequestCurrentBills").hasNotPassed("Task_HoldDiscoveryMeeting");

        ProcessInstance tooSmall = webRequest(12);
        runAsyncSteps();
        introduceAs("sara", tooSmall, withVariables(DISCOVERY_MEETING_WANTED, true));
        assertThat(tooSmall).isWaitingAt("Task_RequestCurrentBills").hasNotPassed("Task_HoldDiscoveryMeeting");
    }

    /**
     * PRE-09 and FJ contacts: the workbook proposes the requester as the primary contact and takes an office manager;
     * presales support is told which quote to convert, with the workbook and the contacts.
     */
    @Test
    void presalesSupportIsToldWhichQuoteToConvertWithTheOrdersContacts() {
        ProcessInstance quote = toPresentation(webRequest(8));
        complete(task(), withVariables(CUSTOMER_DECISION, "APPROVED", "chosenQuote", "OWN_QUOTE"));
        Task workbook = task("Task_ConvertQuoteToOrder", quote);
        assertThat(taskService().getVariables(workbook.getId())).containsEntry(PRIMARY_CONTACT_NAME, "Ann Lee")
                .containsEntry(PRIMARY_CONTACT_EMAIL, "ann@acme.example");

        complete(workbook, withVariables("phoneCount", 5, "extensionCount", 6, "installAddress", "1 Main St",
                "e911Address", "1 Main St", "workbookComplete", true, PRIMARY_CONTACT_NAME, "Pat Kim",
                PRIMARY_CONTACT_EMAIL, "pat@acme.example", OFFICE_MANAGER_NAME, "Olga Diaz",
                OFFICE_MANAGER_EMAIL, "olga@acme.example"));
        runAsyncSteps();

        assertThat(quote).hasPassedInOrder("Task_ConvertQuoteToOrder", "Task_TellPresalesWhichQuote", "Task_CreateOrder");
        assertThat(beans.emails.sent()).filteredOn(email -> email.template().equals("quote-to-convert")).singleElement()
                .satisfies(email -> {
                    assertThat(email.to().split(",")).containsExactlyInAnyOrder("mike@touchpoint.example",
                            "pete@touchpoint.example");
                    assertThat(email.cc()).isEqualTo("sara@touchpoint.example");
                    assertThat(email.subject()).isEqualTo("Convert " + quote.getBusinessKey() + " for Acme Dental to an order");
                });
        assertThat(quote).variables().containsEntry(PRIMARY_CONTACT_EMAIL, "pat@acme.example")
                .containsEntry(OFFICE_MANAGER_EMAIL, "olga@acme.example");
    }

    /**
     * PRE-01, PRE-08 and PRE-10 with their documents, as the customer and the agent receive them: the product overview
     * with the confirmation, the service proposal with the quotes sent to the agent, the service agreement with the
     * order to sign; each a PDF of the quote's or the order's data.
     */
    @Test
    void customerAndAgentReceiveTheProductOverviewProposalAndServiceAgreementAsPdf() {
        beans.sendingEmails();
        ProcessInstance quote = webRequest(25, "MOBILE_LINES");
        String quoteNumber = quote.getBusinessKey();
        runAsyncSteps();

        MimeMessage confirmation = beans.mail.received(smtp, quote.getId(), "Your quote request " + quoteNumber);
        assertThat(Mails.text(confirmation)).contains("product overview");
        assertThat(Pdfs.text(Mails.attachment(confirmation, "product-overview.pdf", "application/pdf"), "process-product-overview"))
                .contains("Product overview", "Prepared for Acme Dental", "Hosted VoIP phone system");

        introduceAs("sara", quote);
        complete(task("Task_RequestCurrentBills", quote));
        complete(task("Task_PrepareProviderQuote", quote), withVariables("quoteLines",
                "Hosted seat, 25, 25.00\nFiber 500 Mbps, 1, 450.00", "quoteMonthlyTotal", 1075, "quoteOneTimeTotal", 1200,
                "contractTermMonths", "36"));
        complete(task("Task_GatherAuxiliaryQuotes", quote), withVariables("auxiliaryProvider", "Metro Mobile",
                "auxiliaryQuoteLines", "Mobile line, 10, 30.00", "auxiliaryMonthlyTotal", 300));
        runAsyncSteps();

        MimeMessage quotesReady = beans.mail.received(smtp, quote.getId(), "Quotes ready for Acme Dental");
        assertThat(Mails.attachmentNames(quotesReady)).containsExactly("service-proposal-" + quoteNumber + ".pdf");
        assertThat(Pdfs.text(Mails.attachment(quotesReady, "service-proposal-" + quoteNumber + ".pdf", "application/pdf"),
                "process-service-proposal")).contains("Service proposal", "Prepared for Acme Dental", quoteNumber,
                "Seats 25", "Replace PBX", "Hosted seat 25 $25.00", "Fiber 500 Mbps 1 $450.00",
                "Monthly recurring total $1,075.00", "$1,200.00", "36 months", "Metro Mobile", "Mobile line 10 $30.00",
                "Partner monthly total $300.00");

        approveAndConvert(quote);
        runAsyncSteps();
        String orderNumber = orderNumberOf(quote);
        MimeMessage toSign = beans.mail.received(smtp, quote.getId(), "Please sign your order " + orderNumber);
        assertThat(Mails.text(toSign)).contains("service agreement");
        String agreement = "service-agreement-" + orderNumber + ".pdf";
        assertThat(Mails.attachmentNames(toSign)).containsExactly(agreement);
        assertThat(Pdfs.text(Mails.attachment(toSign, agreement, "application/pdf"), "process-service-agreement"))
                .contains("Service agreement", "Order " + orderNumber, quoteNumber, "Acme Dental",
                        "Ann Lee, ann@acme.example", "Service address 1 Main St", "Hosted seat 25 $25.00",
                        "Monthly recurring charges $1,075.00", "One-time charges $1,200.00",
                        "36 months from the activation date", "Phones 5", "Extensions 6",
                        "Signature, for Acme Dental", "Signature, for Touchpoint Communications");
    }

    @Test
    void salesRepWhoMetTheCustomerFirstStartsInTasklistWithoutAnotherIntroduction() {
        identityService().setAuthenticatedUserId("sara");
        ProcessInstance quote = runtimeService().startProcessInstanceByKey(PresalesProcess.PROCESS_ID, withVariables(
                "companyName", "Bolt Logistics", "contactName", "Bo", "contactEmail", "bo@bolt.example",
                "phone", "+1 555 010 0200", "seats", 12, INTRODUCTION_DONE, true, "needsAnalysis", "Two offices"));
        identityService().clearAuthentication();

        assertThat(quote.getBusinessKey()).matches("Q-2026-\\d{5}");
        assertThat(quote).variables().containsEntry(QUOTE_NUMBER, quote.getBusinessKey())
                .containsEntry(CHANNEL, CustomerJourneyProcess.CHANNEL_SALES_REP).containsEntry("salesRep", "sara");
        runAsyncSteps();
        assertThat(beans.emails.templates()).containsExactly("quote-request-received");
        assertThat(quote).isWaitingAt("Task_RequestCurrentBills").hasNotPassed("Task_IntroduceAndAnalyseNeeds");
        assertThat(task()).isAssignedTo("sara");
    }

    @Test
    void auxiliaryServicesAreQuotedByPartnersWhileTheEngineerPreparesOurQuote() {
        ProcessInstance quote = toQuoting(webRequest(5, "BACKUP_INTERNET", "BUSINESS_TV"));

        assertThat(quote).isWaitingAt("Task_PrepareProviderQuote", "Task_GatherAuxiliaryQuotes");
        assertThat(task("Task_GatherAuxiliaryQuotes")).hasCandidateGroup("sales-engineer")
                .hasCandidateGroup("client-services").hasDueDate(newYork("2026-11-19T17:00"));
        complete(task("Task_GatherAuxiliaryQuotes"), withVariables("auxiliaryProvider", "Metro Mobile",
                "auxiliaryQuoteLines", "10 lines", "auxiliaryMonthlyTotal", 300));
        assertThat(quote).isWaitingAt("Task_PrepareProviderQuote");
        runAsyncSteps();
        assertThat(beans.emails.templates()).doesNotContain("quotes-ready");

        complete(task("Task_PrepareProviderQuote"), quoteVariables());
        runAsyncSteps();
        assertThat(beans.emails.templates()).contains("quotes-ready");
        assertThat(quote).isWaitingAt("Task_PresentQuotes");
    }

    @Test
    void customerAsksForChangesAndGetsARevisedQuote() {
        ProcessInstance quote = toPresentation(webRequest(5));
        assertThat(task()).hasDueDate(Date.from(MONDAY_MORNING.plus(Duration.ofDays(30))));

        complete(task(), withVariables(CUSTOMER_DECISION, "CHANGES_REQUESTED", "requestedChanges", "Add 2 seats"));

        assertThat(quote).isWaitingAt("Task_PrepareProviderQuote").variables()
                .containsEntry(QUOTE_REVISION, 1).containsEntry("requestedChanges", "Add 2 seats")
                .doesNotContainKey(CUSTOMER_DECISION);
        complete(task(), quoteVariables());
        runAsyncSteps();
        assertThat(quote).isWaitingAt("Task_PresentQuotes");
        assertThat(taskQuery().taskDefinitionKey("Task_PrepareProviderQuote").count()).isZero();
        assertThat(beans.emails.templates()).containsSubsequence("quotes-ready", "quotes-ready");
    }

    @Test
    void customerWhoKeepsAskingForChangesLosesTheQuoteAfterTheLimit() {
        ProcessInstance quote = toPresentation(webRequest(5));
        for (int revision = 1; revision <= 3; revision++) {
            complete(task(), withVariables(CUSTOMER_DECISION, "CHANGES_REQUESTED", "requestedChanges", "again"));
            assertThat(quote).isWaitingAt("Task_PrepareProviderQuote").variables().containsEntry(QUOTE_REVISION, revision);
            complete(task(), quoteVariables());
            runAsyncSteps();
        }
        complete(task(), withVariables(CUSTOMER_DECISION, "CHANGES_REQUESTED", "requestedChanges", "one more"));
        runAsyncSteps();

        assertThat(quote).isEnded().hasPassed("Task_RecordQuoteDeclined", "EndEvent_QuoteLost");
        assertOutcome(quote, CustomerJourneyProcess.LOST, "TOO_MANY_REVISIONS");
    }

    @Test
    void customerDeclinesAndTheAgentLearnsWhy() {
        ProcessInstance quote = toPresentation(webRequest(5));
        complete(task(), withVariables(CUSTOMER_DECISION, "DECLINED", "declineReason", "Too expensive"));
        runAsyncSteps();

        assertThat(quote).isEnded().hasPassedInOrder("Task_RecordQuoteDeclined", "Task_NotifyAgentQuoteLost")
                .hasPassed("EndEvent_QuoteLost");
        assertOutcome(quote, CustomerJourneyProcess.LOST, "DECLINED");
        SentEmail lost = beans.emails.sent().get(beans.emails.sent().size() - 1);
        assertThat(lost.template()).isEqualTo("quote-lost");
        assertThat(lost.to()).isEqualTo("sara@touchpoint.example");
    }

    @Test
    void agentIsRemindedBeforeTheQuoteExpiresAndAnUndecidedQuoteIsLost() {
        ProcessInstance quote = toPresentation(webRequest(5));

        Job reminder = job("BoundaryEvent_QuoteExpiresSoon");
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(MONDAY_MORNING.plus(Duration.ofDays(25))));
        assertThat(job("BoundaryEvent_QuoteExpired").getDuedate())
                .isEqualTo(Date.from(MONDAY_MORNING.plus(Duration.ofDays(30))));
        execute(reminder);
        runAsyncSteps();
        assertThat(beans.emails.templates()).endsWith("quote-expiring");
        assertThat(quote).isWaitingAt("Task_PresentQuotes").hasPassed("EndEvent_AgentReminded");

        execute(job("BoundaryEvent_QuoteExpired"));
        runAsyncSteps();
        assertThat(quote).isEnded().hasPassed("Task_RecordQuoteExpired", "EndEvent_QuoteLost");
        assertOutcome(quote, CustomerJourneyProcess.LOST, "EXPIRED");
        assertThat(beans.emails.templates()).endsWith("quote-lost");
    }

    @Test
    void customerWhoPaysBeforeSigningAlsoWinsTheOrder() {
        ProcessInstance quote = toSignature(webRequest(5));
        String orderNumber = orderNumberOf(quote);

        assertThat(orderEvents.deliver(orderNumber, OrderEvent.of(OrderEventType.PAYMENT_RECEIVED))).isEqualTo(OrderEvents.Result.ACCEPTED);
        assertThat(quote).isWaitingAt("ReceiveTask_OrderSigned");
        assertThat(orderEvents.deliver(orderNumber, OrderEvent.of(OrderEventType.ORDER_SIGNED))).isEqualTo(OrderEvents.Result.ACCEPTED);
        runAsyncSteps();

        assertThat(quote).isEnded().hasPassed("EndEvent_OrderWon");
        assertOutcome(quote, CustomerJourneyProcess.WON, "SIGNED_AND_PAID");
        assertThat(quote).variables().containsKeys(ORDER_SIGNED_AT, PAYMENT_RECEIVED_AT);
    }

    @Test
    void customerIsRemindedToSignWhileTheOrderWaits() {
        ProcessInstance quote = toSignature(webRequest(5));
        Job first = job("BoundaryEvent_RemindCustomer");
        assertThat(first.getDuedate()).isEqualTo(Date.from(MONDAY_MORNING.plus(Duration.ofDays(2))));

        execute(first);
        runAsyncSteps();

        assertThat(beans.emails.sent()).last().satisfies(email -> {
            assertThat(email.template()).isEqualTo("signature-reminder");
            assertThat(email.to()).isEqualTo("ann@acme.example");
        });
        assertThat(quote).isWaitingAt("ReceiveTask_OrderSigned", "ReceiveTask_PaymentReceived")
                .hasPassed("EndEvent_CustomerReminded");
        assertThat(job("BoundaryEvent_RemindCustomer")).as("the next reminder").isNotNull();
    }

    @Test
    void agentFollowsUpAnOrderThatWaitsTooLongAndTheCustomerThenSigns() {
        ProcessInstance quote = toSignature(webRequest(5));
        Job followUp = job("StartEvent_OrderWaitsTooLong");
        assertThat(followUp.getDuedate()).isEqualTo(Date.from(MONDAY_MORNING.plus(Duration.ofDays(7))));
        execute(followUp);

        assertThat(task("Task_FollowUpUnsignedOrder")).hasCandidateGroupAssociated("sales-rep").isAssignedTo("sara")
                .hasDueDate(newYork("2026-11-17T17:00"));
        complete(task("Task_FollowUpUnsignedOrder"), withVariables("followUpOutcome", "KEEP_WAITING",
                "followUpNotes", "Signing on Friday"));
        assertThat(quote).hasPassed("EndEvent_KeepWaiting").isWaitingAt("ReceiveTask_OrderSigned", "ReceiveTask_PaymentReceived");

        String orderNumber = orderNumberOf(quote);
        orderEvents.deliver(orderNumber, OrderEvent.of(OrderEventType.ORDER_SIGNED));
        orderEvents.deliver(orderNumber, OrderEvent.of(OrderEventType.PAYMENT_RECEIVED));
        runAsyncSteps();
        assertThat(quote).isEnded().hasPassed("EndEvent_OrderWon");
    }

    @Test
    void openFollowUpIsWithdrawnWhenTheOrderIsSignedAndPaid() {
        ProcessInstance quote = toSignature(webRequest(5));
        execute(job("StartEvent_OrderWaitsTooLong"));
        assertThat(quote).isWaitingAt("Task_FollowUpUnsignedOrder");

        String orderNumber = orderNumberOf(quote);
        orderEvents.deliver(orderNumber, OrderEvent.of(OrderEventType.ORDER_SIGNED));
        orderEvents.deliver(orderNumber, OrderEvent.of(OrderEventType.PAYMENT_RECEIVED));
        runAsyncSteps();

        assertThat(taskQuery().count()).isZero();
        assertThat(quote).isEnded().hasPassed("EndEvent_SignedAndPaid", "EndEvent_OrderWon");
    }

    @Test
    void customerWithdrawsTheOrderAndItIsLost() {
        ProcessInstance quote = toSignature(webRequest(5));
        execute(job("StartEvent_OrderWaitsTooLong"));
        complete(task("Task_FollowUpUnsignedOrder"), withVariables("followUpOutcome", "WITHDRAWN",
                "followUpNotes", "Chose another provider"));
        runAsyncSteps();

        assertThat(quote).isEnded().hasPassed("EndEvent_OrderWithdrawn", "Task_RecordOrderWithdrawn", "EndEvent_QuoteLost");
        assertOutcome(quote, CustomerJourneyProcess.LOST, "WITHDRAWN");
        assertThat(orderEvents.deliver(orderNumberOf(quote), OrderEvent.of(OrderEventType.ORDER_SIGNED)))
                .isEqualTo(OrderEvents.Result.NOT_WAITING);
        assertThat(orderEvents.deliver("O-2026-99999", OrderEvent.of(OrderEventType.ORDER_SIGNED)))
                .isEqualTo(OrderEvents.Result.UNKNOWN_ORDER);
    }

    // --- steps of the journey -------------------------------------------------------------------------

    ProcessInstance webRequest(int seats, String... auxiliaryServices) {
        String quoteNumber = presales.startAs(PresalesProcess.PROCESS_ID, new QuoteRequest("Acme Dental", "Ann Lee", "ann@acme.example",
                "+1 555 010 0100", seats, List.of(Catalog.Service.HOSTED_VOICE, Catalog.Service.FIBER_INTERNET),
                java.util.Arrays.stream(auxiliaryServices).map(Catalog.AuxiliaryService::valueOf).toList(),
                "Old Telco", ""));
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(quoteNumber).singleResult();
    }

    void introduceAs(String salesRep, ProcessInstance quote) {
        introduceAs(salesRep, quote, Map.of());
    }

    void introduceAs(String salesRep, ProcessInstance quote, Map<String, Object> more) {
        Task intro = task("Task_IntroduceAndAnalyseNeeds", quote);
        if (intro.getAssignee() == null) {
            taskService().claim(intro.getId(), salesRep);
        }
        Map<String, Object> variables = new java.util.HashMap<>(withVariables("needsAnalysis", "Replace PBX",
                "decisionMaker", "Ann Lee", NEEDS_NEXT, PresalesProcess.NEEDS_CLEAR));
        variables.putAll(more);
        complete(intro, variables);
        assertThat(quote).variables().containsEntry("salesRep", salesRep);
    }

    ProcessInstance toQuoting(ProcessInstance quote) {
        runAsyncSteps();
        introduceAs("sara", quote);
        complete(task("Task_RequestCurrentBills", quote));
        return quote;
    }

    void prepareQuotes(ProcessInstance quote) {
        complete(task("Task_PrepareProviderQuote", quote), quoteVariables());
        if (taskQuery().taskDefinitionKey("Task_GatherAuxiliaryQuotes").count() > 0) {
            complete(task("Task_GatherAuxiliaryQuotes", quote), withVariables("auxiliaryProvider", "Metro Mobile",
                    "auxiliaryQuoteLines", "10 lines", "auxiliaryMonthlyTotal", 300));
        }
    }

    ProcessInstance toPresentation(ProcessInstance quote) {
        toQuoting(quote);
        prepareQuotes(quote);
        runAsyncSteps();
        assertThat(quote).isWaitingAt("Task_PresentQuotes");
        assertThat(task()).hasCandidateGroupAssociated("sales-rep").isAssignedTo("sara");
        return quote;
    }

    void approveAndConvert(ProcessInstance quote) {
        assertThat(quote).isWaitingAt("Task_PresentQuotes");
        complete(task(), withVariables(CUSTOMER_DECISION, "APPROVED", "chosenQuote", "OWN_QUOTE"));
        assertThat(quote).isWaitingAt("Task_ConvertQuoteToOrder");
        assertThat(task()).hasCandidateGroupAssociated("sales-rep").isAssignedTo("sara").hasDueDate(newYork("2026-11-18T17:00"));
        complete(task(), withVariables("phoneCount", 5, "extensionCount", 6, "installAddress", "1 Main St",
                "e911Address", "1 Main St", "workbookComplete", true));
    }

    ProcessInstance toSignature(ProcessInstance quote) {
        toPresentation(quote);
        approveAndConvert(quote);
        runAsyncSteps();
        assertThat(quote).isWaitingAt("ReceiveTask_OrderSigned", "ReceiveTask_PaymentReceived");
        return quote;
    }

    static Map<String, Object> quoteVariables() {
        return withVariables("quoteLines", "5 x Hosted seat, 25.00", "quoteMonthlyTotal", 125,
                "quoteOneTimeTotal", 400, "contractTermMonths", "36");
    }

    void runAsyncSteps() {
        AsyncSteps.runDue();
    }

    String orderNumberOf(ProcessInstance quote) {
        return (String) historyService().createHistoricVariableInstanceQuery().processInstanceId(quote.getId())
                .variableName(ORDER_NUMBER).singleResult().getValue();
    }

    void assertOutcome(ProcessInstance quote, String outcome, String reason) {
        Map<String, Object> variables = new java.util.HashMap<>();
        historyService().createHistoricVariableInstanceQuery().processInstanceId(quote.getId()).list()
                .forEach(v -> variables.put(v.getName(), v.getValue()));
        assertThat(variables).containsEntry(PRESALES_OUTCOME, outcome).containsEntry(PRESALES_OUTCOME_REASON, reason)
                .containsKey(PRESALES_CLOSED_AT);
    }
}
