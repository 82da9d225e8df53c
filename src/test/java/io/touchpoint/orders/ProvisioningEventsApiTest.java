package io.touchpoint.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.numbering.BusinessNumbers;
import io.touchpoint.provisioning.ProvisioningProcess;
import io.touchpoint.testing.Json;
import io.touchpoint.testing.TouchpointSpringTest;
import java.util.Date;
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

/**
 * The events API for provisioning: LOA signed, FOC received and changed, port rejected and completed, equipment
 * delivered, order change signed; each accepted when the order waits for it, harmless when repeated, refused
 * (409) when the order does not wait for it, and refused (400) when it lacks its data.
 */
@TouchpointSpringTest
class ProvisioningEventsApiTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtime;

    @Autowired
    BusinessNumbers numbers;

    @Test
    void loaSignatureIsAcceptedOnceAndThenRecognised() {
        String order = orderWaitingAt("ReceiveTask_LoaSigned", Map.of());
        assertThat(send(order, "{\"type\": \"LOA_SIGNED\"}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(activities(order)).containsExactly("Task_SubmitPortRequest");
        ResponseEntity<Map> again = send(order, "{\"type\": \"LOA_SIGNED\"}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("status", "ALREADY_RECEIVED");
        assertThat(activities(order)).containsExactly("Task_SubmitPortRequest");
    }

    @Test
    void focDateSetsTheInstallTimeAndNeedsItsDate() {
        String order = orderWaitingAt("Gateway_CarrierAnswer", Map.of("tentativeInstallAt", "2026-12-01T09:00-05:00"));

        ResponseEntity<Map> noDate = send(order, "{\"type\": \"FOC_RECEIVED\"}");
        assertThat(noDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noDate.getBody().get("errors").toString()).contains("field=focAt");
        ResponseEntity<Map> badDate = send(order, "{\"type\": \"FOC_RECEIVED\", \"focAt\": \"next Tuesday\"}");
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badDate.getBody().get("errors").toString()).contains("field=focAt");
        assertThat(activities(order)).contains("Gateway_CarrierAnswer");

        assertThat(send(order, "{\"type\": \"FOC_RECEIVED\", \"focAt\": \"2026-12-03T11:00:00-05:00\"}").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(variable(order, ProvisioningProcess.Vars.INSTALL_AT))
                .isEqualTo(Date.from(java.time.OffsetDateTime.parse("2026-12-03T11:00:00-05:00").toInstant()));
        assertThat(send(order, "{\"type\": \"FOC_RECEIVED\", \"focAt\": \"2026-12-03T11:00:00-05:00\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void focChangeIsAConflictBeforeAFocDateAndMovesTheInstallAfterwards() {
        String order = orderWaitingAt("Gateway_CarrierAnswer", Map.of());
        String change = "{\"type\": \"FOC_CHANGED\", \"focAt\": \"2026-12-08T13:30:00-05:00\"}";
        assertThat(send(order, change).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        send(order, "{\"type\": \"FOC_RECEIVED\", \"focAt\": \"2026-12-03T11:00:00-05:00\"}");
        assertThat(send(order, change).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(variable(order, ProvisioningProcess.Vars.INSTALL_AT))
                .isEqualTo(Date.from(java.time.OffsetDateTime.parse("2026-12-08T13:30:00-05:00").toInstant()));
        assertThat(send(order, change).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void portRejectionNeedsAReasonAndGoesBackToLnp() {
        String order = orderWaitingAt("Gateway_CarrierAnswer", Map.of());
        assertThat(send(order, "{\"type\": \"PORT_REJECTED\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        String rejection = "{\"type\": \"PORT_REJECTED\", \"reason\": \"Account number mismatch\"}";
        assertThat(send(order, rejection).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(activities(order)).containsExactly("Task_SubmitPortRequest");
        assertThat(variable(order, ProvisioningProcess.Vars.PORT_REJECTION_REASON)).isEqualTo("Account number mismatch");
        assertThat(send(order, rejection).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(order, "{\"type\": \"PORT_REJECTED\", \"reason\": \"Other\"}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void equipmentDeliveryMovesOnToPhoneConfiguration() {
        String order = orderWaitingAt("ReceiveTask_EquipmentDelivered", Map.of());
        assertThat(send(order, "{\"type\": \"EQUIPMENT_DELIVERED\"}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(activities(order)).containsExactly("Task_ConfigurePhones");
        assertThat(send(order, "{\"type\": \"EQUIPMENT_DELIVERED\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void portCompletionIsAConflictUntilTheOrderWaitsForIt() {
        String order = orderWaitingAt("Task_InstallOnSite", Map.of("installAt", new Date()));
        assertThat(send(order, "{\"type\": \"PORT_COMPLETED\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        String waiting = orderWaitingAt("ReceiveTask_PortCompleted", Map.of());
        assertThat(send(waiting, "{\"type\": \"PORT_COMPLETED\"}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(activities(waiting)).containsExactly("Task_TrainOnSiteContact");
        assertThat(send(waiting, "{\"type\": \"PORT_COMPLETED\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void signedOrderChangeLetsProvisioningContinue() {
        String order = orderWaitingAt("ReceiveTask_OrderChangeSigned", Map.of("orderChange", "PRICE_INCREASE",
                "orderChangeDescription", "2 more phones", "newPhoneCount", 7));
        assertThat(send(order, "{\"type\": \"CHANGE_SIGNED\"}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(variable(order, ProvisioningProcess.Vars.PHONE_COUNT)).isEqualTo(7);
        assertThat(send(order, "{\"type\": \"CHANGE_SIGNED\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void provisioningEventsNeedTheApiKeyAndAKnownOrder() {
        String order = orderWaitingAt("ReceiveTask_LoaSigned", Map.of());
        ResponseEntity<Map> noKey = http.postForEntity("/api/orders/{order}/events",
                Json.body("{\"type\": \"LOA_SIGNED\"}", null), Map.class, order);
        assertThat(noKey.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(activities(order)).containsExactly("ReceiveTask_LoaSigned");
        assertThat(send("O-1999-00404", "{\"type\": \"EQUIPMENT_DELIVERED\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** A provisioning instance of a new order, moved to the given step (as if it had got there). */
    private String orderWaitingAt(String activityId, Map<String, Object> more) {
        String order = numbers.next(BusinessNumbers.ORDER);
        org.camunda.bpm.engine.variable.VariableMap variables = Variables.putValue("orderNumber", order)
                .putValue("companyName", "Acme Dental").putValue("contactEmail", "ann@acme.example")
                .putValue("itContactEmail", "").putValue("contactName", "Ann Lee").putValue("installAddress", "1 Main St")
                .putValue(ProvisioningProcess.Vars.NUMBERS_TO_PORT, "+1 555 010 0101")
                .putValue(ProvisioningProcess.Vars.INSTALL_INVITE_SEQUENCE, 0).putValue("phoneCount", 5);
        variables.putAll(more);
        runtime.createProcessInstanceByKey(ProvisioningProcess.PROCESS_ID).businessKey("Q-TEST-" + order)
                .startBeforeActivity(activityId).setVariables(variables).execute();
        return order;
    }

    private ProcessInstance instance(String order) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProvisioningProcess.PROCESS_ID)
                .variableValueEquals("orderNumber", order).singleResult();
    }

    private java.util.List<String> activities(String order) {
        return runtime.getActiveActivityIds(instance(order).getId());
    }

    private Object variable(String order, String name) {
        return runtime.getVariable(instance(order).getId(), name);
    }

    private ResponseEntity<Map> send(String order, String json) {
        return http.postForEntity("/api/orders/{order}/events", Json.body(json, "test-events-key"), Map.class, order);
    }
}
