package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;
import static io.touchpoint.testing.ProcessTestBeans.newYork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.touchpoint.support.SupportProcess.Reactivation;
import io.touchpoint.testing.ProcessTestBeans;
import io.touchpoint.testing.ProcessTestSupport;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client account reactivation (processes/account-reactivation.bpmn, SUP-12): Laura Croft's account has been
 * inactive for over two years; Kim records her call, she is told at once, Kim verifies who she is and the account,
 * Tim restores her access, and she is told with her login; or she is told why not.
 */
@Deployment(resources = SupportProcess.REACTIVATION_RESOURCE)
class AccountReactivationProcessTest {

    @RegisterExtension
    @Order(1)
    static ProcessEngineCoverageExtension engine = ProcessTestSupport.engine().build();

    @RegisterExtension
    @Order(2)
    static ProcessTestSupport processTests = new ProcessTestSupport();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** Monday 30 November 2026, 09:00 in New York. */
    static final Instant MONDAY_NINE = Instant.parse("2026-11-30T14:00:00Z");

    ProcessTestBeans beans;
    SupportTestBeans support;

    @BeforeEach
    void setUp() {
        ProcessEngine processEngine = engine.getProcessEngine();
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(MONDAY_NINE));
        beans = ProcessTestBeans.registerSendingTo(smtp.getSmtp().getPort(), processEngine, SupportTestBeans.SETTINGS,
                SupportTestBeans.SURVEYS);
        support = new SupportTestBeans(beans);
        ProcessTestBeans.person(processEngine, "kim", "Kim", "John", "customer-care");
        ProcessTestBeans.person(processEngine, "tim", "Tim", "Samuel", "tech-support");
    }

    @Test
    void aClientInactiveForTwoYearsIsVerifiedHasHerAccessRestoredAndIsTold() {
        // Kim records Laura's call with the start form
        ProcessInstance request = runtimeService().startProcessInstanceByKey(SupportProcess.REACTIVATION, laurasCall());
        String number = (String) runtimeService().getVariable(request.getId(), Reactivation.NUMBER);
        assertThat(number).matches("R-2026-\\d{5}");
        assertThat(request.getBusinessKey()).isEqualTo(number);

        // told at once that the request is registered
        assertThat(beans.emails.sent()).singleElement().satisfies(email -> {
            assertThat(email.template()).isEqualTo("reactivation-received");
            assertThat(email.to()).isEqualTo("laura.croft@example.com");
            assertThat(email.subject()).isEqualTo("We received your request " + number + " to reactivate account ACC-3070");
        });
        assertThat(render("reactivation-received", request)).contains(number, "ACC-3070", "customer care first makes sure that you are its");

        // customer care verifies who she is and the account, within four business hours
        Task verify = task("UserTask_VerifyClientIdentity", request);
        assertThat(verify).hasCandidateGroup("customer-care").hasDueDate(newYork("2026-11-30T13:00"));
        complete(verify, withVariables(Reactivation.VERIFICATION, "VERIFIED",
                Reactivation.VERIFICATION_NOTES, "Called back on the number on file; security questions answered"));

        // tech support restores the access, within a business day
        Task restore = task("UserTask_RestoreAccess", request);
        assertThat(restore).hasCandidateGroup("tech-support").hasDueDate(newYork("2026-12-01T17:00"));
        claim(restore, "tim");
        complete(restore, withVariables(Reactivation.LOGIN, "laura.croft",
                Reactivation.RESTORE_NOTES, "Unlocked the account and its portal login; password reset link armed"));

        assertThat(request).isEnded().hasPassed("Task_TellClientReactivated", "EndEvent_AccountReactivated")
                .hasNotPassed("Task_TellClientNotReactivated");
        assertThat(beans.emails.sent()).last().satisfies(email -> {
            assertThat(email.template()).isEqualTo("account-reactivated");
            assertThat(email.to()).isEqualTo("laura.croft@example.com");
            assertThat(email.subject()).isEqualTo("Your account ACC-3070 is active again");
        });
        Map<String, Object> model = historicVariables(request);
        assertThat(support.mail.emails().renderText("account-reactivated", model))
                .contains("is active again", "user name laura.croft", number);
    }

    @Test
    void aClientWhoCannotBeVerifiedIsToldWhyAndTheAccountStaysInactive() {
        ProcessInstance request = runtimeService().startProcessInstanceByKey(SupportProcess.REACTIVATION, laurasCall());

        complete(task("UserTask_VerifyClientIdentity", request), withVariables(Reactivation.VERIFICATION, "NOT_VERIFIED",
                Reactivation.VERIFICATION_NOTES, "Number on file unreachable; caller could not answer the questions",
                Reactivation.DECLINE_REASON, "We could not reach you on the phone number we have on file."));

        assertThat(request).isEnded().hasPassed("EndEvent_ReactivationDeclined").hasNotPassed("UserTask_RestoreAccess");
        assertThat(beans.emails.templates()).containsExactly("reactivation-received", "reactivation-declined");
        assertThat(support.mail.emails().renderText("reactivation-declined", historicVariables(request)))
                .contains("could not reactivate the account ACC-3070", "phone number we have on file");
    }

    @Test
    void aRequestWithoutTheClientsDetailsIsRefusedNamingThem() {
        Map<String, Object> incomplete = laurasCall();
        incomplete.remove(CONTACT_EMAIL);
        incomplete.put(ACCOUNT_NUMBER, "ACC 3070");

        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(SupportProcess.REACTIVATION, incomplete))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("missing contactEmail")
                .hasMessageContaining("accountNumber must be at most 40 letters, digits and dashes");
        assertThat(beans.emails.sent()).isEmpty();
    }

    // -----------------------------------------------------------------------------------------------------------

    /** What the start form gives for Laura's phone call. */
    static Map<String, Object> laurasCall() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CONTACT_NAME, "Laura Croft");
        variables.put(CONTACT_EMAIL, "laura.croft@example.com");
        variables.put(ACCOUNT_NUMBER, "ACC-3070");
        variables.put(CHANNEL, "PHONE");
        variables.put(Reactivation.LAST_ACTIVE, "autumn 2024");
        variables.put(RECORDED_BY, "kim");
        return variables;
    }

    String render(String template, ProcessInstance request) {
        return support.mail.emails().renderText(template, runtimeService().getVariables(request.getId()));
    }

    static Map<String, Object> historicVariables(ProcessInstance request) {
        Map<String, Object> variables = new HashMap<>();
        historyService().createHistoricVariableInstanceQuery().processInstanceId(request.getId()).list()
                .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
        return variables;
    }
}
