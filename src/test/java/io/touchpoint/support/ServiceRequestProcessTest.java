package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;
import static io.touchpoint.testing.ProcessTestBeans.newYork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.touchpoint.testing.AsyncSteps;
import io.touchpoint.testing.ProcessTestBeans;
import io.touchpoint.testing.ProcessTestSupport;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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
 * Service requests (processes/service-request.bpmn, SUP-01): billing to billing, move/add/change and general
 * inquiries to account relations, each with the targets of ticket-sla.dmn, an acknowledgement and an answer.
 */
@Deployment(resources = {SupportProcess.SERVICE_REQUEST_RESOURCE, SupportProcess.SLA_RESOURCE})
class ServiceRequestProcessTest {

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
        ProcessTestBeans.person(processEngine, "betty", "Betty", "Cole", "billing");
        ProcessTestBeans.person(processEngine, "arman", "Arman", "Reyes", "account-relations");
        ProcessTestBeans.person(processEngine, "sue", "Sue", "Park", SupportProcess.SUPERVISORS);
    }

    @Test
    void billingQuestionGoesToBillingAndIsAnsweredByEmail() {
        String number = beans.numbers.next("S");
        ProcessInstance request = runtimeService().startProcessInstanceByKey("serviceRequest", number,
                request("BILLING", "Why was I charged twice in November?").putValue(NUMBER, number));
        AsyncSteps.runDue();
        assertThat(beans.emails.sent()).singleElement().satisfies(email -> {
            assertThat(email.template()).isEqualTo("ticket-received");
            assertThat(email.subject()).isEqualTo("We received your request " + number + ": Why was I charged twice in November?");
        });

        // billing: 27 business hours (three days of nine) to answer
        Task handle = task("UserTask_HandleRequest", request);
        assertThat(handle).isAssignedTo("betty").hasCandidateGroupAssociated("billing")
                .hasDueDate(newYork("2026-12-03T09:00"));
        assertThat(request).variables().containsEntry(KIND, "SERVICE_REQUEST").containsEntry(RESOLUTION_MINUTES, 1620);

        complete(handle, withVariables(RESOLUTION, "The second charge was a pro-rated first month; it is credited on your next bill."));
        AsyncSteps.runDue();
        assertThat(beans.emails.templates()).containsExactly("ticket-received", "service-request-answered");
        assertThat(request).isEnded().hasPassed("EndEvent_RequestAnswered").hasNotPassed("Task_WarnAgent");
        Ticket closed = support.tickets.find(number).orElseThrow();
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(support.tickets.timeline(number)).extracting(Ticket.Event::type).containsExactly(
                Ticket.EventType.RECEIVED, Ticket.EventType.ASSIGNED, Ticket.EventType.RESOLVED, Ticket.EventType.CLOSED);
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(request.getId())
                .variableName(CLOSED_REASON).singleResult().getValue()).isEqualTo("ANSWERED");
    }

    @Test
    void moveRecordedByPhoneGoesToAccountRelationsAndALateAnswerIsEscalated() {
        // recorded in Tasklist with the start form: the request gets its number there
        ProcessInstance request = runtimeService().startProcessInstanceByKey("serviceRequest",
                request("MOVE_ADD_CHANGE", "Move two extensions to the new office").putValue(RECORDED_BY, "kim"));
        String number = (String) runtimeService().getVariable(request.getId(), NUMBER);
        assertThat(number).matches("S-2026-\\d{5}");
        AsyncSteps.runDue();
        Task handle = task("UserTask_HandleRequest", request);
        assertThat(handle).isAssignedTo("arman").hasCandidateGroupAssociated("account-relations");

        Job warning = job("BoundaryEvent_ResponseDueSoon", request);
        ClockUtil.setCurrentTime(warning.getDuedate());
        execute(warning);
        AsyncSteps.runDue();
        assertThat(beans.emails.sent()).filteredOn(e -> e.template().equals("ticket-sla-warning")).singleElement()
                .satisfies(email -> assertThat(email.to()).isEqualTo("arman@touchpoint.example"));

        Job late = job("BoundaryEvent_ResponseLate", request);
        ClockUtil.setCurrentTime(late.getDuedate());
        execute(late);
        AsyncSteps.runDue();
        assertThat(beans.emails.sent()).filteredOn(e -> e.template().equals("service-request-late")).singleElement()
                .satisfies(email -> assertThat(email.to()).isEqualTo("sue@touchpoint.example"));
        assertThat(request).variables().containsEntry(ESCALATION_LEVEL, 1);
        assertThat(taskService().createTaskQuery().taskId(handle.getId()).singleResult().getPriority()).isEqualTo(80);

        complete(handle, withVariables(RESOLUTION, "Booked for Friday 10:00."));
        AsyncSteps.runDue();
        assertThat(request).isEnded().hasPassed("EndEvent_AgentWarned", "EndEvent_SupervisorTold", "EndEvent_RequestAnswered");
    }

    static Map<String, Object> requestMap(String category, String subject) {
        Map<String, Object> values = new HashMap<>();
        values.put(SUBJECT, subject);
        values.put(DESCRIPTION, "Please see the subject.");
        values.put(CATEGORY, category);
        values.put(PRIORITY, "P3");
        values.put(CONTACT_NAME, "Ann Lee");
        values.put(CONTACT_EMAIL, "ann@acme.example");
        values.put(ACCOUNT_NUMBER, "ACC-2040");
        return values;
    }

    static org.camunda.bpm.engine.variable.VariableMap request(String category, String subject) {
        return org.camunda.bpm.engine.variable.Variables.fromMap(requestMap(category, subject));
    }
}
