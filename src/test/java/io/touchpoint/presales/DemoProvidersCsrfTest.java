package io.touchpoint.presales;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.numbering.BusinessNumbers;
import io.touchpoint.testing.Orders;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo mode's stand-in sign and pay pages act only on their own form: a POST without the form's CSRF token, as
 * another site's page would send it, is refused and changes nothing.
 */
@TouchpointSpringTest
class DemoProvidersCsrfTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    BusinessNumbers numbers;

    @Test
    void aPostWithoutTheFormsTokenIsRefusedAndChangesNothing() {
        String order = Orders.waitingForSignatureAndPayment(runtime, numbers);
        WebSession customer = new WebSession(port);
        assertThat(customer.get("/orders/" + order + "/sign").body()).contains("Sign the agreement").contains("_csrf");

        for (String step : new String[] {"sign", "pay"}) {
            HttpResponse<String> forged = customer.postForm("/orders/" + order + "/" + step, Map.of(),
                    "Origin", "https://attacker.example");
            assertThat(forged.statusCode()).as(step).isEqualTo(403);
            assertThat(forged.body()).contains("Nothing was changed");
        }
        assertThat(waitingFor(order)).containsExactlyInAnyOrder("ReceiveTask_OrderSigned", "ReceiveTask_PaymentReceived");

        HttpResponse<String> signed = customer.submit("/orders/" + order + "/sign", "/orders/" + order + "/sign", Map.of());
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.body()).contains("Thank you: the agreement is signed.");
        assertThat(waitingFor(order)).contains("ReceiveTask_PaymentReceived").doesNotContain("ReceiveTask_OrderSigned");
    }

    private java.util.List<String> waitingFor(String order) {
        String instance = runtime.createProcessInstanceQuery()
                .variableValueEquals(CustomerJourneyProcess.Vars.ORDER_NUMBER, order).singleResult().getId();
        return runtime.getActiveActivityIds(instance);
    }

}
