package io.touchpoint.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.touchpoint.testing.TouchpointSpringTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The outbox marks each email SENT as soon as the mail server has accepted it, not when its whole batch is through:
 * a mail server that fails in the middle of a batch, or a node that dies there, leaves the emails the server took
 * SENT (never sent again) and only the rest to be retried or taken over. Real SMTP servers (GreenMail) that take
 * three emails of a batch and then never answer about the fourth stand for both.
 * <p>
 * The test's dispatchers (the "nodes") see only the test's emails, which are due a day from now by their clocks; the
 * application's own dispatcher, on the real clock, leaves them alone.
 */
@TouchpointSpringTest
class EmailSentOneByOneTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailProperties settings;
    @Autowired
    DeliveryIncidents incidents;

    final Instant due = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    final List<GreenMail> servers = new CopyOnWriteArrayList<>();
    final CountDownLatch fourthArrived = new CountDownLatch(1);
    final List<String> firstReceived = new CopyOnWriteArrayList<>();
    List<OutboxEmail> emails;
    Set<String> ids;
    GreenMail first;
    final CountDownLatch hangUp = new CountDownLatch(1);

    @AfterEach
    void stopServers() {
        hangUp.countDown();
        servers.forEach(GreenMail::stop);
    }

    @Test
    void whenTheMailServerFailsMidBatchTheEmailsItAcceptedAreSentOnceAndOnlyTheOthersAreRetried() throws Exception {
        CompletableFuture<Integer> batch = sendSixUntilTheFourthHangs("fails");
        assertThat(status(emails.subList(3, 6))).containsOnly(OutboxEmail.Status.PENDING);
        assertThat(claimed(emails.subList(3, 6))).as("the rest of the batch stays claimed").isEqualTo(3);

        first.stop(); // the mail server goes down
        assertThat(batch.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        for (OutboxEmail email : emails.subList(0, 3)) {
            OutboxEmail sent = find(email);
            assertThat(sent.status()).isEqualTo(OutboxEmail.Status.SENT);
            assertThat(sent.attempts()).isEqualTo(1);
            assertThat(sent.sentAt()).isEqualTo(due.plusSeconds(1));
        }
        for (OutboxEmail email : emails.subList(3, 6)) {
            OutboxEmail waiting = find(email);
            assertThat(waiting.status()).isEqualTo(OutboxEmail.Status.PENDING);
            assertThat(waiting.attempts()).isEqualTo(1);
            assertThat(waiting.lastError()).isNotBlank();
            assertThat(waiting.nextAttemptAt()).as("retried on the retry cycle")
                    .isEqualTo(due.plusSeconds(1).plus(settings.retryCycle().interval()));
        }
        assertThat(claimed(emails)).as("no claim left behind").isZero();

        // the server is back: the retry sends the other three, and none of the three it had already taken
        List<String> secondReceived = new CopyOnWriteArrayList<>();
        GreenMail second = server(secondReceived, 0);
        assertThat(node(ids, second, due.plusSeconds(2).plus(settings.retryCycle().interval())).sendDue()).isEqualTo(3);
        assertThat(status(emails)).containsOnly(OutboxEmail.Status.SENT);
        assertThat(firstReceived).containsExactlyElementsOf(messageIds(emails.subList(0, 3)));
        assertThat(secondReceived).containsExactlyElementsOf(messageIds(emails.subList(3, 6)));
    }

    @Test
    void aNodeThatDiesMidBatchLeavesNoEmailTheServerAcceptedToBeSentAgain() throws Exception {
        CompletableFuture<Integer> batch = sendSixUntilTheFourthHangs("dies");

        // the node dies while it hands over the fourth email (it never hears from its server again); once its claims
        // have run out, another node sends the fourth and the rest, and none of the three the server had taken
        List<String> survivorReceived = new CopyOnWriteArrayList<>();
        GreenMail survivorServer = server(survivorReceived, 0);
        MailDispatcher survivor = node(ids, survivorServer, due.plusSeconds(2).plus(settings.claimTime()));
        assertThat(survivor.sendDue()).isEqualTo(3);
        assertThat(survivorReceived).containsExactlyElementsOf(messageIds(emails.subList(3, 6)));
        assertThat(firstReceived).containsExactlyElementsOf(messageIds(emails.subList(0, 3)));
        assertThat(status(emails)).containsOnly(OutboxEmail.Status.SENT);

        // and should the lost node come back after all, its failures touch nothing that another node has sent
        first.stop();
        batch.get(30, TimeUnit.SECONDS);
        assertThat(status(emails)).containsOnly(OutboxEmail.Status.SENT);
        assertThat(emails).allSatisfy(email -> assertThat(find(email).lastError()).isNull());
    }

    // -----------------------------------------------------------------------------------------------------------

    /**
     * Queues six emails and has a node send them in the background until its server ({@link #first}), which takes
     * three, hangs on the fourth: by then the three are SENT (each was marked before the next one left).
     */
    CompletableFuture<Integer> sendSixUntilTheFourthHangs(String name) throws Exception {
        emails = queue(name, 6);
        ids = ids(emails);
        first = server(firstReceived, 4);
        MailDispatcher node = node(ids, first, due.plusSeconds(1));
        CompletableFuture<Integer> batch = CompletableFuture.supplyAsync(node::sendDue);
        assertThat(fourthArrived.await(30, TimeUnit.SECONDS)).as("the fourth email reached the server").isTrue();
        assertThat(status(emails.subList(0, 3))).containsOnly(OutboxEmail.Status.SENT);
        return batch;
    }

    /** Queues emails due at {@link #due}, as a step does (without its process instance). */
    List<OutboxEmail> queue(String name, int count) {
        Outbox outbox = new Outbox(jdbc);
        String run = UUID.randomUUID().toString().substring(0, 8);
        return IntStream.rangeClosed(1, count).mapToObj(i -> {
            OutboxEmail email = new OutboxEmail(0, name + "-" + i + "." + run + "@touchpoint", null, "TT-" + run + "-" + i,
                    "One By One Ltd", "ticket-received", "customer" + i + "@one-by-one.example", null,
                    "Your ticket " + i, "<p>Ticket " + i + "</p>", "Ticket " + i, null, null,
                    OutboxEmail.Status.PENDING, 0, due, null, null, due, null);
            return outbox.find(outbox.add(email)).orElseThrow();
        }).toList();
    }

    /**
     * A node: Touchpoint's dispatcher with its own clock and mail server, which reads only the test's emails from the
     * outbox (the database also holds other tests' emails).
     */
    MailDispatcher node(Set<String> ids, GreenMail server, Instant now) {
        Outbox outbox = new Outbox(jdbc) {
            @Override
            List<Long> due(Instant at, int limit) {
                return super.due(at, Integer.MAX_VALUE).stream()
                        .filter(id -> ids.contains(find(id).orElseThrow().messageId())).limit(limit).toList();
            }
        };
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.getSmtp().getPort());
        // long enough that the node waits for its hanging server until the test stops it
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "60000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "60000");
        return new MailDispatcher(outbox, sender, settings, incidents, Clock.fixed(now, ZoneOffset.UTC));
    }

    /**
     * An SMTP server on a free port that records the Message-ID of each email it accepts; the {@code hangAt}-th email
     * (none when 0) it receives but never accepts, and it answers nothing more (until the test ends).
     */
    GreenMail server(List<String> accepted, int hangAt) {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        servers.add(server);
        MessageDeliveryHandler deliver = server.getUserManager().getMessageDeliveryHandler();
        AtomicInteger arrived = new AtomicInteger();
        server.getUserManager().setMessageDeliveryHandler((message, address) -> {
            // GreenMail delivers an email before it answers "250 OK" to its data
            if (arrived.incrementAndGet() == hangAt) {
                fourthArrived.countDown();
                try {
                    hangUp.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            GreenMailUser user = deliver.handle(message, address);
            accepted.add(message.getMessage().getMessageID());
            return user;
        });
        return server;
    }

    OutboxEmail find(OutboxEmail email) {
        return new Outbox(jdbc).find(email.id()).orElseThrow();
    }

    List<OutboxEmail.Status> status(List<OutboxEmail> emails) {
        return emails.stream().map(email -> find(email).status()).toList();
    }

    int claimed(List<OutboxEmail> emails) {
        return emails.stream().mapToInt(email -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_email WHERE id = ? AND claimed_by IS NOT NULL", Integer.class, email.id()))
                .sum();
    }

    static Set<String> ids(List<OutboxEmail> emails) {
        return Set.copyOf(emails.stream().map(OutboxEmail::messageId).toList());
    }

    static List<String> messageIds(List<OutboxEmail> emails) {
        return emails.stream().map(email -> "<" + email.messageId() + ">").toList();
    }
}
