package io.touchpoint.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.testing.Mails;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import io.touchpoint.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/**
 * Without an SMTP host, emails are captured and an administrator reads them at /mail, attachments included.
 */
@org.junit.jupiter.api.Tag(io.touchpoint.testing.TouchpointSpringTest.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mail.host=", "touchpoint.mail.capture.port=0"})
@ActiveProfiles("test")
class CapturedMailPageTest {

    @LocalServerPort
    int port;

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

        assertThat(new WebSession(port).get("/mail").statusCode()).as("to the login page").isEqualTo(302);
        WebSession sara = new WebSession(port);
        sara.logIn("sara", "demo");
        assertThat(sara.get("/mail").statusCode()).isEqualTo(HttpStatus.FORBIDDEN.value());

        WebSession admin = new WebSession(port);
        admin.logIn("admin", "admin");
        assertThat(admin.get("/mail").body()).contains("Your guides").contains("ann@acme.example");
        String page = admin.get("/mail/" + index).body();
        assertThat(page).contains("Your guides").contains("portal-user-guide.pdf").contains("application/pdf")
                .contains("Q-2026-00001");
        java.net.http.HttpResponse<String> pdf = admin.get("/mail/" + index + "/attachments/0");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(admin.get("/mail/" + index + "/attachments/7").statusCode()).isEqualTo(HttpStatus.NOT_FOUND.value());
    }
}
