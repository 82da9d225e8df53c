package io.touchpoint.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * When SMTP is down, the customer still gets their answer at once; the email step fails in the background,
 * retries on its cycle, and the email arrives once SMTP is back.
 */
@TouchpointSpringTest
@TestPropertySource(properties = "touchpoint.mail.retry-cycle=R5/PT2S")
class EmailOutageTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    GreenMail smtp = new GreenMail(TestSmtp.SETUP);

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void emailDuringAnSmtpOutageRetriesAndArrivesOnceSmtpIsBack() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.postForEntity("/api/quote-requests", new HttpEntity<>("""
                {"companyName": "Outage Inc", "contactName": "Olly", "contactEmail": "olly@outage.example",
                 "phone": "+1 555 010 0300", "seats": 3, "requestedServices": ["SIP_TRUNKING"]}""", headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        Job failing = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
                .withException().activityId("Task_ConfirmQuoteRequest").singleResult(), job -> job != null);
        assertThat(failing.getRetries()).isLessThan(5).isGreaterThan(0);
        assertThat(failing.getExceptionMessage()).containsIgnoringCase("mail");
        assertThat(runtime.createIncidentQuery().count()).isZero();

        smtp.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).startsWith("Your quote request Q-");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                management.createJobQuery().activityId("Task_ConfirmQuoteRequest").count() == 0);
    }
}
