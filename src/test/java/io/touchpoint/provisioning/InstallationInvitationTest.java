package io.touchpoint.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.notification.Outbox;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PRV-11, PRV-14 and PRV-02 as customer and technician receive them: the installation invitation with both user
 * guides, a calendar invite for install day and the link to answer the date; the technician's invite starting at the
 * arrival time, 2 hours before the port; and the welcome-call invite, through a real SMTP server.
 */
@TouchpointSpringTest
class InstallationInvitationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    RuntimeService runtime;

    @Autowired
    Outbox outbox;

    @Autowired
    InstallDateAnswers answers;

    @Autowired
    InstallDateLinks links;

    @Test
    void installationInvitationCarriesBothGuidesAndAnInviteForTheInstallTime() throws Exception {
        OffsetDateTime foc = OffsetDateTime.parse("2026-12-03T11:00-05:00");
        String order = runtime.createProcessInstanceByKey(ProvisioningProcess.PROCESS_ID).businessKey("Q-2026-80001")
                .startBeforeActivity("Task_ConfirmInstallDate")
                .setVariables(order("O-2026-80001").putValue(ProvisioningProcess.Vars.FOC_AT,
                        java.util.Date.from(foc.toInstant())))
                .execute().getId();

        // this order's invitation (other tests send one with the same subject to the same SMTP server)
        MimeMessage invitation = Mails.awaitReceived(smtp, outbox, order,
                "Installation of your services on Thursday 3 December 2026 at 11:00 AM EST");

        assertThat(addresses(invitation, Message.RecipientType.TO)).containsExactly("ann@acme.example", "it@acme.example");
        assertThat(addresses(invitation, Message.RecipientType.CC)).as("the technician has an invite of their own")
                .doesNotContain("theo@touchpoint.example");
        assertThat(Mails.text(invitation)).contains("Does this date suit you?")
                .contains(links.answer("O-2026-80001")).contains("without an answer the date stands");
        List<Part> parts = leaves(invitation);
        assertThat(parts).filteredOn(p -> "portal-user-guide.pdf".equals(fileName(p)))
                .singleElement().satisfies(p -> assertThat(p.isMimeType("application/pdf")).isTrue());
        assertThat(parts).filteredOn(p -> "phone-user-guide.pdf".equals(fileName(p)))
                .singleElement().satisfies(p -> assertThat(bytes(p)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII)));
        VEvent event = invite(parts);
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(foc.toInstant());
        assertThat(event.getUid().getValue()).isEqualTo("O-2026-80001-install@touchpoint");
        assertThat(event.getLocation().getValue()).isEqualTo("1 Main St, Springfield");
    }

    @Test
    void technicianInviteStartsAtTheArrivalTwoHoursBeforeThePort() throws Exception {
        OffsetDateTime foc = OffsetDateTime.parse("2026-12-03T11:00-05:00");
        String order = runtime.createProcessInstanceByKey(ProvisioningProcess.PROCESS_ID).businessKey("Q-2026-80003")
                .startBeforeActivity("Task_ConfirmInstallDate")
                .setVariables(order("O-2026-80003").putValue(ProvisioningProcess.Vars.FOC_AT,
                        java.util.Date.from(foc.toInstant())))
                .execute().getId();
        Mails.awaitReceived(smtp, outbox, order, "Installation of your services on");

        assertThat(answers.accept("O-2026-80003", links.token("O-2026-80003"))).isEqualTo(InstallDateAnswers.Outcome.DONE);

        MimeMessage invite = Mails.awaitReceived(smtp, outbox, order,
                "Install day: Acme Dental, on site by Thursday 3 December 2026 at 9:00 AM EST");
        assertThat(addresses(invite, Message.RecipientType.TO)).contains("theo@touchpoint.example")
                .doesNotContain("ann@acme.example");
        VEvent event = invite(leaves(invite));
        assertThat(event.getDateStart().getValue().toInstant()).as("arrival, not the port")
                .isEqualTo(foc.minusHours(2).toInstant());
        assertThat(event.getUid().getValue()).isEqualTo("O-2026-80003-install-technician@touchpoint");
        assertThat(event.getLocation().getValue()).isEqualTo("1 Main St, Springfield");
        assertThat(Mails.text(invite)).contains("Be on site by Thursday 3 December 2026 at 9:00 AM EST")
                .contains("two hours before the port on Thursday 3 December 2026 at 11:00 AM EST");
    }

    @Test
    void welcomeCallInviteLandsInTheCalendarAtTheScheduledTime() throws Exception {
        String order = runtime.createProcessInstanceByKey(ProvisioningProcess.PROCESS_ID).businessKey("Q-2026-80002")
                .startBeforeActivity("Task_SendWelcomeCallInvite")
                .setVariables(order("O-2026-80002").putValue("welcomeCallAt", "2026-11-17T14:00-05:00"))
                .execute().getId();

        MimeMessage invite = Mails.awaitReceived(smtp, outbox, order, "Welcome call for your order O-2026-80002");

        VEvent event = invite(leaves(invite));
        assertThat(event.getDateStart().getValue().toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-11-17T14:00-05:00").toInstant());
        assertThat(event.getSummary().getValue()).isEqualTo("Welcome call: Acme Dental");
        assertThat(addresses(invite, Message.RecipientType.CC)).contains("theo@touchpoint.example", "carla@touchpoint.example");
    }

    /** The variables of an order with numbers to port, as provisioning holds them before the install date is set. */
    static org.camunda.bpm.engine.variable.VariableMap order(String orderNumber) {
        return Variables.putValue("orderNumber", orderNumber).putValue("companyName", "Acme Dental")
                .putValue("contactName", "Ann Lee").putValue("contactEmail", "ann@acme.example")
                .putValue("itContactEmail", "it@acme.example").putValue("installAddress", "1 Main St, Springfield")
                .putValue(ProvisioningProcess.Vars.NUMBERS_TO_PORT, "+1 555 010 0101")
                .putValue(ProvisioningProcess.Vars.INSTALL_INVITE_SEQUENCE, 0);
    }

    private static List<String> addresses(MimeMessage message, Message.RecipientType type) throws Exception {
        return message.getRecipients(type) == null ? List.of()
                : Arrays.stream(message.getRecipients(type)).map(Object::toString).distinct().toList();
    }

    private static VEvent invite(List<Part> parts) throws Exception {
        Part calendar = parts.stream().filter(p -> isMime(p, "text/calendar")).findFirst().orElseThrow();
        ICalendar ics = Biweekly.parse(new String(bytes(calendar), StandardCharsets.UTF_8)).first();
        assertThat(ics.getMethod().getValue()).isEqualTo("REQUEST");
        return ics.getEvents().get(0);
    }

    private static boolean isMime(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (Exception e) {
            return false;
        }
    }

    private static String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (Exception e) {
            return null;
        }
    }

    private static byte[] bytes(Part part) {
        try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> found = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                found.addAll(leaves(body));
            }
        } else {
            found.add(part);
        }
        return found;
    }
}
