package io.touchpoint.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.numbering.BusinessNumbers;
import io.touchpoint.presales.PresalesProcess;
import io.touchpoint.testing.Json;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The events API of the e-signature and payment providers: correlation by order number, and its refusals. */
@TouchpointSpringTest
class OrderEventsApiTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtime;

    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    @Autowired
    BusinessNumbers numbers;

    @Test
    void signatureIsAcceptedOnceAndADuplicateChangesNothing() {
        String order = orderWaitingForSignatureAndPayment();

        ResponseEntity<Map> first = send(order, "ORDER_SIGNED", "test-events-key");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(first.getBody()).containsEntry("status", "ACCEPTED").containsEntry("orderNumber", order);
        ProcessInstance waiting = instanceOf(order);
        assertThat(runtime.getActiveActivityIds(waiting.getId())).contains("ReceiveTask_PaymentReceived").doesNotContain("ReceiveTask_OrderSigned");
        Object signedAt = runtime.getVariable(waiting.getId(), PresalesProcess.Vars.ORDER_SIGNED_AT);

        ResponseEntity<Map> again = send(order, "ORDER_SIGNED", "test-events-key");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("status", "ALREADY_RECEIVED");
        assertThat(runtime.getActiveActivityIds(waiting.getId())).contains("ReceiveTask_PaymentReceived").doesNotContain("ReceiveTask_OrderSigned");
        assertThat(runtime.getVariable(waiting.getId(), PresalesProcess.Vars.ORDER_SIGNED_AT)).isEqualTo(signedAt);
    }

    @Test
    void paymentThenSignatureCompletesTheOrder() {
        String order = orderWaitingForSignatureAndPayment();
        // found before the events: once both are in, the order's presales instance may end at any moment
        String instanceId = instanceOf(order).getId();

        assertThat(send(order, "PAYMENT_RECEIVED", "test-events-key").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(send(order, "ORDER_SIGNED", "test-events-key").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> history
                .createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName(CustomerJourneyProcess.Vars.PRESALES_OUTCOME).variableValueEquals(CustomerJourneyProcess.Vars.PRESALES_OUTCOME,
                        CustomerJourneyProcess.WON).count() == 1);
    }

    @Test
    void eventForAnOrderThatIsNotWaitingForItIsAConflict() {
        String order = numbers.next(BusinessNumbers.ORDER);
        runtime.createProcessInstanceByKey(PresalesProcess.PROCESS_ID).businessKey("Q-TEST-" + order)
                .startBeforeActivity("Task_NotifyAgentOrderWon")
                .setVariables(Variables.putValue(CustomerJourneyProcess.Vars.ORDER_NUMBER, order).putValue("companyName", "Acme"))
                .execute();

        ResponseEntity<Map> response = send(order, "PAYMENT_RECEIVED", "test-events-key");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).containsEntry("title", "Order is not waiting for this event");
    }

    @Test
    void unknownOrderIsNotFound() {
        ResponseEntity<Map> response = send("O-1999-00001", "ORDER_SIGNED", "test-events-key");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).containsEntry("title", "Unknown order");
    }

    @Test
    void eventWithoutTheRightApiKeyIsRefusedAndChangesNothing() {
        String order = orderWaitingForSignatureAndPayment();

        assertThat(send(order, "ORDER_SIGNED", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<Map> wrongKey = send(order, "ORDER_SIGNED", "guess");
        assertThat(wrongKey.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrongKey.getBody()).containsEntry("title", "Missing or invalid API key");

        assertThat(runtime.getActiveActivityIds(instanceOf(order).getId()))
                .containsExactlyInAnyOrder("ReceiveTask_OrderSigned", "ReceiveTask_PaymentReceived");
    }

    @Test
    void unknownEventTypeIsABadRequestNamingTheField() {
        String order = orderWaitingForSignatureAndPayment();
        ResponseEntity<Map> response = send(order, "ORDER_TELEPORTED", "test-events-key");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").toString()).contains("field=type");
    }

    private String orderWaitingForSignatureAndPayment() {
        return io.touchpoint.testing.Orders.waitingForSignatureAndPayment(runtime, numbers);
    }

    private ProcessInstance instanceOf(String order) {
        return runtime.createProcessInstanceQuery()
                .variableValueEquals(CustomerJourneyProcess.Vars.ORDER_NUMBER, order).singleResult();
    }

    private ResponseEntity<Map> send(String order, String type, String apiKey) {
        return http.postForEntity("/api/orders/{order}/events", Json.body("{\"type\": \"" + type + "\"}", apiKey),
                Map.class, order);
    }
}
