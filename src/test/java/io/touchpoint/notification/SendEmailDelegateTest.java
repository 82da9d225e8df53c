package io.touchpoint.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.documents.Documents;
import io.touchpoint.testing.ProcessTestBeans;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * How the email step reads its input parameters: attachments, documents and the invite. A setting it cannot read never fails
 * the step: the email is recorded as undeliverable, naming the setting (and an incident says so, see EmailOutboxTest).
 */
class SendEmailDelegateTest {

    final EmailService emails = mock(EmailService.class);
    final SendEmailDelegate step = new SendEmailDelegate(emails,
            new Documents(new BusinessCalendar(ProcessTestBeans.CALENDAR)));
    final Map<String, Object> inputs = new HashMap<>(Map.of("to", "ann@acme.example", "subject", "Your installation",
            "template", "quote-request-received"));

    @Test
    void withoutTheNewParametersTheEmailHasNoAttachmentsAndNoInvite() {
        Email email = send();
        assertThat(email.to()).containsExactly("ann@acme.example");
        assertThat(email.attachments()).isEmpty();
        assertThat(email.invite()).isNull();
        assertThat(email.messageId()).isEqualTo("Task_Install:ai1.pi-42");
    }

    @Test
    void attachmentsAreGuidesByFileName() {
        inputs.put("attachments", " portal-user-guide.pdf,phone-user-guide.pdf ");
        Email email = send();
        assertThat(email.attachments()).extracting(Attachment::fileName)
                .containsExactly("portal-user-guide.pdf", "phone-user-guide.pdf");
        assertThat(email.attachments()).allSatisfy(a -> {
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(new String(a.content(), 0, 5)).isEqualTo("%PDF-");
        });
    }

    @Test
    void unknownAttachmentIsRecordedAsUndeliverableNamingTheFileAndTheStepGoesOn() {
        inputs.put("attachments", "portal-user-guide.pdf, fax-user-guide.pdf");
        assertThat(undeliverable()).contains("Task_Install").contains("fax-user-guide.pdf");
        inputs.put("attachments", "../application.yaml");
        assertThat(undeliverable()).contains("../application.yaml");
        verify(emails, never()).send(any());
    }

    @Test
    void documentsAreGeneratedFromTheProcessVariablesAndAttachedAfterTheGuides() {
        inputs.put("attachments", "portal-user-guide.pdf");
        inputs.put("documents", "product-overview, service-proposal");
        Email email = send();
        assertThat(email.attachments()).extracting(Attachment::fileName)
                .containsExactly("portal-user-guide.pdf", "product-overview.pdf", "service-proposal-Q-2026-00042.pdf");
        assertThat(email.attachments()).allSatisfy(a -> {
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(new String(a.content(), 0, 5)).isEqualTo("%PDF-");
        });
    }

    @Test
    void unknownDocumentIsRecordedAsUndeliverableNamingItAndTheStepGoesOn() {
        inputs.put("documents", "service-proposal, price-list");
        assertThat(undeliverable()).contains("Task_Install").contains("price-list");
        verify(emails, never()).send(any());
    }

    @Test
    void inviteFromAnIsoStartWithDefaults() {
        inputs.put("inviteStart", "2026-12-03T10:00-05:00");
        CalendarInvite invite = send().invite();
        assertThat(invite.start()).isEqualTo(Instant.parse("2026-12-03T15:00:00Z"));
        assertThat(invite.duration()).isEqualTo(Duration.ofMinutes(60));
        assertThat(invite.uid()).isEqualTo("pi-42-Task_Install@touchpoint");
        assertThat(invite.sequence()).isZero();
        assertThat(invite.title()).isNull(); // EmailService uses the subject
        assertThat(invite.location()).isNull();
    }

    @Test
    void inviteFromADateWithEverySetting() {
        Date start = Date.from(Instant.parse("2027-01-12T14:30:00Z"));
        inputs.putAll(Map.of("inviteStart", start, "inviteMinutes", "120", "inviteTitle", "Phone installation",
                "inviteLocation", "Acme Dental, 12 Main St", "inviteUid", "O-2026-00001-installation@touchpoint",
                "inviteSequence", 3L));
        CalendarInvite invite = send().invite();
        assertThat(invite).isEqualTo(new CalendarInvite("O-2026-00001-installation@touchpoint", 3,
                Instant.parse("2027-01-12T14:30:00Z"), Duration.ofMinutes(120), "Phone installation",
                "Acme Dental, 12 Main St"));
    }

    @Test
    void unreadableInviteSettingsAreRecordedAsUndeliverableNamingTheParameter() {
        inputs.put("inviteStart", "2026-12-03T10:00");
        assertThat(undeliverable()).contains("inviteStart");
        inputs.put("inviteStart", "2026-12-03T10:00Z");
        inputs.put("inviteMinutes", "an hour");
        assertThat(undeliverable()).contains("inviteMinutes");
        verify(emails, never()).send(any());
    }

    /** Runs the step, which must not fail, and returns why its email was recorded as undeliverable. */
    private String undeliverable() {
        org.mockito.Mockito.clearInvocations(emails);
        step.execute(execution());
        ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
        verify(emails).undeliverable(any(), reason.capture());
        return reason.getValue();
    }

    private Email send() {
        step.execute(execution());
        ArgumentCaptor<Email> sent = ArgumentCaptor.forClass(Email.class);
        verify(emails).send(sent.capture());
        return sent.getValue();
    }

    private DelegateExecution execution() {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariableLocal(any())).thenAnswer(call -> inputs.get(call.<String>getArgument(0)));
        when(execution.getVariables()).thenReturn(Map.of("companyName", "Acme Dental", "quoteNumber", "Q-2026-00042"));
        when(execution.getProcessInstanceId()).thenReturn("pi-42");
        when(execution.getActivityInstanceId()).thenReturn("Task_Install:ai1");
        when(execution.getCurrentActivityId()).thenReturn("Task_Install");
        return execution;
    }
}
