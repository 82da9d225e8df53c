package io.touchpoint.support.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a mail of the support mailbox is read: its text, files, ticket number, and the mails that must open nothing. */
class MailPartsTest {

    static final Set<String> OURS = Set.of("journey@touchpoint.example", "support@touchpoint.example");

    @Test
    void aCustomersMailGivesItsSenderSubjectTextAndFiles() throws Exception {
        MailParts mail = read("""
                From: "Ann Lee" <Ann@Acme.example>
                Subject: =?UTF-8?Q?Caf=C3=A9_phones_down?=
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=UTF-8

                All phones are down.
                --b1
                Content-Type: application/pdf; name="bill.pdf"
                Content-Disposition: attachment; filename="../../bill.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --b1--
                """);
        assertThat(mail.senderAddress()).contains("ann@acme.example");
        assertThat(mail.senderName()).contains("Ann Lee");
        assertThat(mail.subject()).isEqualTo("Café phones down");
        assertThat(mail.text().strip()).isEqualTo("All phones are down.");
        assertThat(mail.files()).singleElement().satisfies(file -> {
            assertThat(file.name()).as("no folders in a file name").isEqualTo("bill.pdf");
            assertThat(file.contentType()).isEqualTo("application/pdf");
            assertThat(new String(file.content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4\n");
        });
        assertThat(mail.loopReason(OURS)).isEmpty();
        assertThat(mail.ticketNumber()).isEmpty();
    }

    @Test
    void aReplyNamesItsTicketAndLeavesTheQuotedMessageOut() throws Exception {
        MailParts reply = read("""
                From: ann@acme.example
                Subject: RE: Ticket T-2026-00042: we need your answer
                In-Reply-To: <ticket-question-T-2026-00042@touchpoint>
                Content-Type: text/plain

                Yes, the router restarted.
                > Did the router restart?

                On Mon, 30 Nov 2026 at 09:00, Touchpoint wrote:
                > Did the router restart at 7:00?
                """);
        assertThat(reply.ticketNumber()).contains("T-2026-00042");
        assertThat(reply.replyText()).isEqualTo("Yes, the router restarted.");
        assertThat(reply.loopReason(OURS)).as("a reply with its number is the customer's").isEmpty();
    }

    @Test
    void anHtmlOnlyMailGivesItsText() throws Exception {
        MailParts mail = read("""
                From: ann@acme.example
                Subject: Help
                Content-Type: text/html

                <html><style>p {color: red}</style><p>Phones &amp; fax down</p><p>Since 7</p></html>
                """);
        assertThat(mail.text().strip()).isEqualTo("Phones & fax down\nSince 7");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Auto-Submitted: auto-replied | Auto-Submitted: auto-replied",
        "Auto-Submitted: auto-generated | Auto-Submitted: auto-generated",
        "Precedence: bulk | Precedence: bulk",
        "Precedence: junk | Precedence: junk",
        "Precedence: auto_reply | Precedence: auto_reply",
        "X-Autoreply: yes | X-Autoreply: yes",
        "X-Auto-Response-Suppress: All | X-Auto-Response-Suppress: All",
        "X-Touchpoint-Notification: ticket-received | Touchpoint's own emails came back",
        "Message-ID: <abc@touchpoint> | Touchpoint's own emails came back",
        "In-Reply-To: <ticket-received-1@touchpoint> | names no ticket number"})
    void automaticMailsAndOurOwnOpenNothing(String header, String reason) throws Exception {
        MailParts mail = read("From: ann@acme.example\nSubject: Away\n" + header + "\nContent-Type: text/plain\n\nAway.\n");
        assertThat(mail.loopReason(OURS)).hasValueSatisfying(why -> assertThat(why).contains(reason));
    }

    @Test
    void aMailFromOurOwnAddressOpensNothingButAutoSubmittedNoIsAPerson() throws Exception {
        assertThat(read("From: Touchpoint <JOURNEY@touchpoint.example>\nSubject: Hi\n\nHi\n").loopReason(OURS))
                .hasValueSatisfying(why -> assertThat(why).contains("Touchpoint's own address"));
        assertThat(read("From: ann@acme.example\nAuto-Submitted: no\nSubject: Hi\n\nHi\n").loopReason(OURS)).isEmpty();
    }

    @Test
    void aBrokenMailIsUnreadable() {
        assertThatThrownBy(() -> read("""
                From: ann@acme.example
                Subject: Broken
                Content-Type: multipart/mixed

                no boundary at all
                """)).isInstanceOf(MessagingException.class).hasMessageContaining("boundary");
        assertThatThrownBy(() -> read("""
                From: ann@acme.example
                Subject: Broken
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain

                the end boundary never comes
                """)).isInstanceOf(MessagingException.class);
    }

    @Test
    void aSenderThatIsNoMailboxCannotBeAnswered() throws Exception {
        assertThat(read("From: not an address\nSubject: Hi\n\nHi\n").senderAddress()).isEmpty();
        assertThat(read("Subject: Hi\n\nHi\n").senderAddress()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"'Re: T-2026-00042', T-2026-00042", "'[S-2026-00007] billing', S-2026-00007",
        "'AT-2026-00042 is not one', ''", "'T-2026-000421 is not one', ''"})
    void ticketNumbersAreFoundWhole(String subject, String number) throws Exception {
        MailParts mail = read("From: ann@acme.example\nSubject: " + subject + "\n\nHi\n");
        assertThat(mail.ticketNumber().orElse("")).isEqualTo(number == null ? "" : number);
    }

    static MailParts read(String mail) throws Exception {
        return MailParts.read(mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
