package io.touchpoint.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.testing.Mails;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Without an SMTP host, emails are captured and an administrator reads them at /mail, attachments included.
 */
@org.junit.jupiter.api.Tag(io.touchpoint.testing.TouchpointSpringTest.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mail.host=", "touchpoint.mail.capture.port=0"})
@ActiveProfiles("test")
class CapturedMailPageTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    EmailService emails;

    @Autowired
    CapturedMailbox mailbox;

    @Test
    void administratorReadsACapturedEmailWithItsAttachments() {
        emails.send(new Email(List.of("ann@acme.example"), List.of(), "Your guides", "quote-request-received",
                Map.of("contactName", "Ann", "companyName", "Acme", "quoteNumber", "Q-2026-00001"), "guides-1")
                .withAttachments(Attachment.guides("portal-user-guide.pdf")));
        // the page links each email by its place in the mailbox: find ours by its subject
        int index = await().atMost(Duration.ofSeconds(10)).until(() -> IntStream.range(0, mailbox.messages().size())
                .filter(i -> "Your guides".equals(Mails.subject(mailbox.messages().get(i)))).findFirst().orElse(-1),
                found -> found >= 0);

        assertThat(http.getForEntity("/mail", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("sara", "demo").getForEntity("/mail", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        TestRestTemplate admin = http.withBasicAuth("admin", "admin");
        assertThat(admin.getForObject("/mail", String.class)).contains("Your guides").contains("ann@acme.example");
        String page = admin.getForObject("/mail/" + index, String.class);
        assertThat(page).contains("Your guides").contains("portal-user-guide.pdf").contains("application/pdf")
                .contains("Q-2026-00001");
        ResponseEntity<byte[]> pdf = admin.getForEntity("/mail/" + index + "/attachments/0", byte[].class);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(admin.getForEntity("/mail/" + index + "/attachments/7", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
