package io.touchpoint.presales;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.notification.Outbox;
import io.touchpoint.testing.Json;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The quote request API, as the web form and agents use it: starts presales, and the customer gets an email. */
@TouchpointSpringTest
class QuoteRequestApiTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtime;

    @Autowired
    Outbox outbox;

    static final String VALID = """
            {"companyName": "Acme Dental", "contactName": "Ann Lee", "contactEmail": "ann@acme.example",
             "phone": "+1 555 010 0100", "seats": 25, "requestedServices": ["HOSTED_VOICE", "FIBER_INTERNET"],
             "auxiliaryServices": ["MOBILE_LINES"], "currentProvider": "Old Telco", "notes": "Two sites"}""";

    @Test
    void quoteRequestStartsPresalesAndTheCustomerReceivesTheQuoteNumber() throws Exception {
        ResponseEntity<Map> response = post(VALID);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String quoteNumber = (String) response.getBody().get("quoteNumber");
        assertThat(quoteNumber).matches("Q-\\d{4}-\\d{5}");
        assertThat(response.getHeaders().getLocation()).hasPath("/api/quote-requests/" + quoteNumber);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PresalesProcess.PROCESS_ID)
                .processInstanceBusinessKey(quoteNumber).count()).isEqualTo(1);

        // this request's email, by its Message-ID: other tests' emails reach the same SMTP server, with the same
        // quote numbers when they come from another test context
        String presales = runtime.createProcessInstanceQuery().processDefinitionKey(PresalesProcess.PROCESS_ID)
                .processInstanceBusinessKey(quoteNumber).singleResult().getId();
        MimeMessage email = Mails.awaitReceived(smtp, outbox, presales, "Your quote request " + quoteNumber);
        assertThat(email.getSubject()).isEqualTo("Your quote request " + quoteNumber);
        assertThat(email.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("ann@acme.example");
        String body = GreenMailUtil.getBody(email);
        assertThat(body).contains(quoteNumber).contains("Acme Dental").contains("text/plain").contains("text/html");
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("bad email", VALID.replace("ann@acme.example", "ann-at-acme"), List.of("contactEmail")),
                Arguments.of("seats below one", VALID.replace("\"seats\": 25", "\"seats\": 0"), List.of("seats")),
                Arguments.of("unknown service", VALID.replace("FIBER_INTERNET", "CARRIER_PIGEON"),
                        List.of("requestedServices[1]")),
                Arguments.of("unknown auxiliary service", VALID.replace("MOBILE_LINES", "JETPACK"),
                        List.of("auxiliaryServices[0]")),
                Arguments.of("missing fields", "{\"companyName\": \"Acme\"}",
                        List.of("contactEmail", "contactName", "phone", "requestedServices", "seats")),
                Arguments.of("wrong type", VALID.replace("\"seats\": 25", "\"seats\": \"many\""), List.of("seats")),
                Arguments.of("oversized text", VALID.replace("Two sites", "x".repeat(2001)), List.of("notes")),
                Arguments.of("no service", VALID.replace("[\"HOSTED_VOICE\", \"FIBER_INTERNET\"]", "[]"),
                        List.of("requestedServices")),
                Arguments.of("unknown field", VALID.replace("\"notes\"", "\"colour\""), List.of("colour")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestIsRefusedNamingEachFieldAndStartsNothing(String situation, String json, List<String> fields) {
        // journeys only: a background job of another test (an asynchronous join) may start a stage meanwhile
        long before = journeys();

        ResponseEntity<Map> response = post(json);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).containsEntry("status", 400).containsEntry("title", "Invalid request");
        List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(errors).allSatisfy(e -> assertThat(e.get("message")).isNotBlank());
        assertThat((String) response.getBody().get("detail")).contains(fields.get(0));
        assertThat(journeys()).isEqualTo(before);
    }

    @Test
    void bodyThatIsNotJsonIsRefused() {
        ResponseEntity<Map> response = post("{not json");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("title", "Unreadable request");
    }

    private long journeys() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CustomerJourneyProcess.PROCESS_ID).count();
    }

    private ResponseEntity<Map> post(String json) {
        return http.postForEntity("/api/quote-requests", Json.body(json, null), Map.class);
    }
}
