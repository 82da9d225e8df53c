package io.touchpoint.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Attendee;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.documents.Documents;
import io.touchpoint.documents.GeneratedDocument;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Emails with the guides and a calendar invite, as they arrive at a real SMTP server (GreenMail). */
@TouchpointSpringTest
class EmailAttachmentsAndInviteTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    EmailService emails;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    Outbox outbox;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    Documents documents;

    static final Map<String, Object> MODEL = Map.of("contactName", "Ann Lee", "companyName", "Acme Dental",
            "quoteNumber", "Q-2026-00042");

    @Test
    void emailArrivesWithBothGuidesAndAnInviteBesideItsHtmlAndTextBodies() throws Exception {
        Instant start = Instant.parse("2026-12-03T15:00:00Z");
        emails.send(new Email(List.of("ann@guides.example"), List.of("bob@guides.example"), "Your discovery meeting",
                "quote-request-received", MODEL, "guides-test-1")
                .withAttachments(List.of(Attachment.guide("portal-user-guide.pdf"), Attachment.guide("phone-user-guide.pdf")))
                .withInvite(new CalendarInvite("Q-2026-00042-discovery@touchpoint", 1, start, Duration.ofMinutes(45), null,
                        "Acme Dental, 12 Main St")));

        MimeMessage email = received("ann@guides.example");
        assertThat(email.getSubject()).isEqualTo("Your discovery meeting");
        List<Part> parts = leaves(email);

        for (String guide : List.of("portal-user-guide.pdf", "phone-user-guide.pdf")) {
            Part pdf = parts.stream().filter(p -> guide.equals(fileName(p))).findFirst().orElseThrow();
            assertThat(Part.ATTACHMENT).isEqualToIgnoringCase(pdf.getDisposition());
            assertThat(new ContentType(pdf.getContentType()).getBaseType()).isEqualTo("application/pdf");
            byte[] content = pdf.getInputStream().readAllBytes();
            assertThat(content).isNotEmpty();
            assertThat(new String(content, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }

        Part invite = parts.stream().filter(p -> mimeType(p).equals("text/calendar")).findFirst().orElseThrow();
        assertThat(fileName(invite)).isEqualTo("invite.ics");
        ContentType type = new ContentType(invite.getContentType());
        assertThat(type.getParameter("method")).isEqualTo("REQUEST");
        assertThat(type.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        ICalendar calendar = Biweekly.parse(new String(invite.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .first();
        assertThat(calendar.getMethod().isRequest()).isTrue();
        VEvent event = calendar.getEvents().get(0);
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(start);
        assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(45)));
        assertThat(event.getUid().getValue()).isEqualTo("Q-2026-00042-discovery@touchpoint");
        assertThat(event.getSequence().getValue()).isEqualTo(1);
        assertThat(event.getSummary().getValue()).isEqualTo("Your discovery meeting");
        assertThat(event.getLocation().getValue()).isEqualTo("Acme Dental, 12 Main St");
        assertThat(event.getOrganizer().getEmail()).isEqualTo("journey@touchpoint.example");
        assertThat(event.getAttendees()).extracting(Attendee::getEmail)
                .containsExactly("ann@guides.example", "bob@guides.example");

        String html = body(parts, "text/html");
        assertThat(html).contains("<strong>Q-2026-00042</strong>").contains("Ann Lee");
        String text = body(parts, "text/plain");
        assertThat(text).contains("Your quote request number is Q-2026-00042").doesNotContain("<");
        assertThat(parts).hasSize(5);
    }

    @Test
    void emailStepOfAModelSendsTheGuidesAndAnInviteFromItsInputParameters() throws Exception {
        BpmnModelInstance model = Bpmn.createExecutableProcess("Process_GuidesAndInviteTest").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_SendInstallationDate").camundaDelegateExpression("${sendEmail}")
                .camundaInputParameter("to", "${contactEmail}")
                .camundaInputParameter("subject", "Your installation date")
                .camundaInputParameter("template", "quote-request-received")
                .camundaInputParameter("attachments", "portal-user-guide.pdf, phone-user-guide.pdf")
                .camundaInputParameter("inviteStart", "2027-01-12T09:30-05:00")
                .camundaInputParameter("inviteMinutes", "120")
                .camundaInputParameter("inviteLocation", "${companyName}")
                .endEvent().done();
        String deployment = repository.createDeployment().addModelInstance("guides-and-invite-test.bpmn", model)
                .deploy().getId();
        try {
            Map<String, Object> variables = new java.util.HashMap<>(MODEL);
            variables.put("contactEmail", "carl@step.example");
            String processInstanceId = runtime.startProcessInstanceByKey("Process_GuidesAndInviteTest", variables).getId();

            MimeMessage email = received("carl@step.example");
            List<Part> parts = leaves(email);
            assertThat(parts).extracting(EmailAttachmentsAndInviteTest::fileName)
                    .contains("portal-user-guide.pdf", "phone-user-guide.pdf", "invite.ics");
            Part invite = parts.stream().filter(p -> "invite.ics".equals(fileName(p))).findFirst().orElseThrow();
            VEvent event = Biweekly.parse(invite.getInputStream()).first().getEvents().get(0);
            assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2027-01-12T14:30:00Z"));
            assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2027-01-12T16:30:00Z"));
            assertThat(event.getUid().getValue()).isEqualTo(processInstanceId + "-Task_SendInstallationDate@touchpoint");
            assertThat(event.getSequence().getValue()).isZero();
            assertThat(event.getSummary().getValue()).isEqualTo("Your installation date");
            assertThat(event.getLocation().getValue()).isEqualTo("Acme Dental");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void aGeneratedDocumentIsStoredWithItsEmailSoThatEveryAttemptSendsTheSameFile() throws Exception {
        GeneratedDocument proposal = documents.generate("service-proposal", MODEL);
        Attachment attached = new Attachment(proposal.fileName(), GeneratedDocument.CONTENT_TYPE, proposal.content());
        emails.send(new Email(List.of("dora@documents.example"), List.of(), "Your proposal", "quote-request-received",
                MODEL, "documents-test-1").withAttachments(List.of(attached, Attachment.guide("portal-user-guide.pdf"))));

        OutboxEmail queued = outbox.findByMessageId("documents-test-1@touchpoint").orElseThrow();
        assertThat(queued.attachmentNames()).containsExactly("service-proposal-Q-2026-00042.pdf", "portal-user-guide.pdf");
        assertThat(outbox.attachments(queued.id())).containsExactly(attached, Attachment.guide("portal-user-guide.pdf"));

        MimeMessage email = received("dora@documents.example");
        assertThat(Mails.attachment(email, "service-proposal-Q-2026-00042.pdf", "application/pdf"))
                .isEqualTo(proposal.content());
        // a retry builds its message from the row again: the same bytes, not a document generated anew
        MimeMessage again = dispatcher.message(outbox.find(queued.id()).orElseThrow());
        assertThat(Mails.attachment(again, "service-proposal-Q-2026-00042.pdf", "application/pdf"))
                .isEqualTo(proposal.content());
    }

    @Test
    void unknownGuideFailsNamingTheFile() {
        assertThatThrownBy(() -> Attachment.guide("fax-user-guide.pdf")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fax-user-guide.pdf");
    }

    /** The message for this recipient: other tests' processes may send to the same SMTP server meanwhile. */
    private static MimeMessage received(String recipient) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> sentTo(m, recipient)).findFirst().orElse(null), m -> m != null);
    }

    private static boolean sentTo(MimeMessage message, String recipient) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().equals(recipient));
        } catch (Exception e) {
            return false;
        }
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> leaves = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                leaves.addAll(leaves(multipart.getBodyPart(i)));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    private static String body(List<Part> parts, String mimeType) throws Exception {
        Part body = parts.stream().filter(p -> mimeType(p).equals(mimeType) && fileName(p) == null).findFirst()
                .orElseThrow();
        return (String) body.getContent();
    }

    private static String mimeType(Part part) {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
