package io.touchpoint.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.testing.TouchpointSpringTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox keeps a sent email's bodies and files for {@code touchpoint.mail.sent-retention} (P90D), then only a
 * record of it (recipients, subject, Message-ID, sent time): emails sent longer ago are emptied a bounded batch at a
 * time, recent ones keep everything, and emails that are not sent or failed are never touched.
 */
@TouchpointSpringTest
class SentEmailRetentionTest {

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailProperties settings;
    @Autowired
    SentEmailRetention retention;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void emailsSentLongerAgoThanTheRetentionKeepOnlyTheirRecordWhileRecentUnsentAndFailedOnesKeepEverything() {
        assertThat(settings.sentRetention()).isEqualTo(Duration.ofDays(90));
        long oldSent = add("old-sent", OutboxEmail.Status.SENT, now.minus(Duration.ofDays(91)));
        long recentSent = add("recent-sent", OutboxEmail.Status.SENT, now.minus(Duration.ofDays(89)));
        long oldPending = add("old-pending", OutboxEmail.Status.PENDING, null);
        long oldFailed = add("old-failed", OutboxEmail.Status.FAILED, null);

        retention.removeExpiredBodies();

        OutboxEmail emptied = outbox.find(oldSent).orElseThrow();
        assertThat(emptied.status()).isEqualTo(OutboxEmail.Status.SENT);
        assertThat(emptied.html()).isNull();
        assertThat(emptied.text()).isNull();
        assertThat(emptied.calendarInvite()).isNull();
        assertThat(outbox.attachments(oldSent)).isEmpty();
        // what customer care still sees: that it went out, to whom, about what, when, and by which Message-ID
        assertThat(emptied.to()).isEqualTo("old-sent@retention.example");
        assertThat(emptied.subject()).isEqualTo("Your quote old-sent");
        assertThat(emptied.messageId()).isEqualTo("old-sent." + run + "@touchpoint");
        assertThat(emptied.sentAt()).isEqualTo(now.minus(Duration.ofDays(91)));
        assertThat(emptied.customer()).isEqualTo("Retention Ltd");
        assertThat(emptied.attachmentNames()).containsExactly("quote.pdf");
        assertThat(jdbc.queryForObject("SELECT body_removed_at FROM outbox_email WHERE id = ?", Timestamp.class, oldSent))
                .isNotNull();
        // a step that runs again still finds the email by its Message-ID and does not queue it a second time
        assertThat(outbox.exists("old-sent." + run + "@touchpoint")).isTrue();

        for (long kept : List.of(recentSent, oldPending, oldFailed)) {
            OutboxEmail email = outbox.find(kept).orElseThrow();
            assertThat(email.html()).as(email.subject()).startsWith("<p>");
            assertThat(email.text()).as(email.subject()).isNotBlank();
            assertThat(email.calendarInvite()).as(email.subject()).startsWith("BEGIN:VCALENDAR");
            assertThat(outbox.attachments(kept)).as(email.subject()).hasSize(1);
        }
        assertThat(outbox.find(oldFailed).orElseThrow().prepared()).as("a failed email can still be retried").isTrue();
    }

    @Test
    void eachRunEmptiesAtMostItsBatchOldestFirst() {
        List<Long> ancient = IntStream.range(0, 3).mapToObj(i -> add("ancient-" + i, OutboxEmail.Status.SENT,
                now.minus(Duration.ofDays(3650 - i)))).toList();
        SentEmailRetention twoARun = new SentEmailRetention(outbox, withBatch(2));

        assertThat(twoARun.removeExpiredBodies()).isEqualTo(2);
        assertThat(ancient).extracting(id -> outbox.find(id).orElseThrow().prepared()).containsExactly(false, false, true);
        twoARun.removeExpiredBodies();
        assertThat(ancient).extracting(id -> outbox.find(id).orElseThrow().prepared()).containsOnly(false);
    }

    @Test
    void twoNodesEmptyingAtOnceEmptyEveryEmailWithoutFailing() {
        List<Long> old = IntStream.range(0, 40).mapToObj(i -> add("both-" + i, OutboxEmail.Status.SENT,
                now.minus(Duration.ofDays(100)))).toList();
        SentEmailRetention nodeA = new SentEmailRetention(outbox, settings);
        SentEmailRetention nodeB = new SentEmailRetention(outbox, settings);

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(nodeA::removeExpiredBodies);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(nodeB::removeExpiredBodies);
        CompletableFuture.allOf(a, b).join();

        assertThat(old).allSatisfy(id -> {
            assertThat(outbox.find(id).orElseThrow().prepared()).isFalse();
            assertThat(outbox.attachments(id)).isEmpty();
        });
    }

    // -----------------------------------------------------------------------------------------------------------

    /**
     * An email with an invite and an attached file, created 200 days ago: SENT at {@code sentAt}, or still PENDING
     * (due in a year, so that no dispatcher sends it), or FAILED.
     */
    long add(String name, OutboxEmail.Status status, Instant sentAt) {
        Instant created = now.minus(Duration.ofDays(200));
        long id = outbox.add(new OutboxEmail(0, name + "." + run + "@touchpoint", null, "Q-" + run, "Retention Ltd",
                "quote-sent", name + "@retention.example", null, "Your quote " + name, "<p>Quote " + name + "</p>",
                "Quote " + name, "quote.pdf", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", OutboxEmail.Status.PENDING, 0,
                now.plus(Duration.ofDays(365)), null, null, created, null),
                List.of(new Attachment("quote.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))));
        if (status != OutboxEmail.Status.PENDING) {
            jdbc.update("UPDATE outbox_email SET status = ?, sent_at = ?, attempts = 1 WHERE id = ?", status.name(),
                    sentAt == null ? null : Timestamp.from(sentAt), id);
        }
        return id;
    }

    MailProperties withBatch(int batch) {
        return new MailProperties(settings.from(), settings.salesTeam(), settings.retryCycle(), settings.pollInterval(),
                settings.claimTime(), settings.capture(), settings.sentRetention(), batch, settings.sentRetentionInterval());
    }
}
