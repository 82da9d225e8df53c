package io.touchpoint.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the emails of the outbox: right after the transaction that queued one commits, and, for retries and for
 * emails another node queued, every {@code touchpoint.mail.poll-interval} (default PT1S). Each email is claimed
 * first (see {@link Outbox#claim}), so that of several nodes exactly one sends it, then sent with its stored
 * Message-ID and marked SENT as soon as the mail server has accepted it, one email at a time. A failed attempt is repeated on {@code touchpoint.mail.retry-cycle} (R5/PT1M: five
 * retries a minute apart); when the retries are used up, or the email cannot be delivered at all (an address that is
 * not one), it is FAILED and an incident on its process instance says which email, to whom, for which customer, and
 * what to do. An administrator puts a failed email back in the queue ({@link #retry(long)}); once sent, its incident
 * is resolved.
 * <p>
 * One thread sends, outside every transaction: the steps and the people who complete them never wait for SMTP.
 */
@Component
public class MailDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    /** The header of every email Touchpoint sends: {@code auto-generated}. */
    public static final String AUTO_SUBMITTED = "Auto-Submitted";
    /** Touchpoint's own header on every email it sends, naming its template; the support mailbox spots it. */
    public static final String NOTIFICATION_HEADER = "X-Touchpoint-Notification";

    private static final int BATCH = 50;

    private final Outbox outbox;
    private final JavaMailSender sender;
    private final MailProperties settings;
    private final DeliveryIncidents incidents;
    private final RetryCycle cycle;
    private final Clock clock;
    private final String node = node();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "mail-outbox");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean requested = new AtomicBoolean();

    @Autowired
    public MailDispatcher(Outbox outbox, JavaMailSender sender, MailProperties settings, DeliveryIncidents incidents) {
        this(outbox, sender, settings, incidents, Clock.systemUTC());
    }

    MailDispatcher(Outbox outbox, JavaMailSender sender, MailProperties settings, DeliveryIncidents incidents, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.settings = settings;
        this.incidents = incidents;
        this.cycle = settings.retryCycle();
        this.clock = clock;
    }

    /** An email was queued: send it once its transaction has committed (at once when there was none). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void queued(EmailQueued email) {
        wakeUp();
    }

    /** Has the sending thread send what is due, soon; calls while it is already asked for are folded into one. */
    public void wakeUp() {
        if (requested.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    requested.set(false);
                    try {
                        sendDue();
                    } catch (RuntimeException e) {
                        log.warn("The mail outbox could not be read; trying again at the next poll", e);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                requested.set(false);
            }
        }
    }

    /**
     * Sends every email that is due now and that no other node holds, a batch at a time over one SMTP connection, and
     * marks each SENT as soon as the server has accepted it; returns how many were sent.
     */
    public int sendDue() {
        int sent = 0;
        while (true) {
            List<Long> due = outbox.due(clock.instant(), BATCH);
            List<Claimed> batch = new ArrayList<>();
            for (long id : due) {
                Instant now = clock.instant();
                if (outbox.claim(id, node, now, now.plus(settings.claimTime()))) {
                    // started after half its claim time, a send could outlast the claim and meet another node's
                    Instant startBy = now.plus(settings.claimTime().dividedBy(2));
                    outbox.find(id).ifPresent(email -> batch.add(new Claimed(email, startBy)));
                }
            }
            sent += deliver(batch);
            if (due.size() < BATCH || batch.isEmpty()) {
                return sent;
            }
        }
    }

    /** An email this node holds, to be sent before {@code startBy} or left for the next round. */
    private record Claimed(OutboxEmail email, Instant startBy) {
    }

    /**
     * Puts a FAILED email back in the queue as new (its retries start again) and sends it soon.
     *
     * @return false when it is not FAILED, or was never prepared (there is nothing to send)
     */
    public boolean retry(long id) {
        boolean queued = outbox.retry(id, clock.instant());
        if (queued) {
            wakeUp();
        }
        return queued;
    }

    /** The message of a claimed email; none, and the email FAILED, when it cannot be delivered at all. */
    private Optional<MimeMessage> prepare(OutboxEmail email) {
        try {
            return Optional.of(message(email));
        } catch (IllegalArgumentException | MessagingException | MailException undeliverable) {
            fail(email, EmailService.reason(undeliverable), "Correct the address at its source (for example the "
                    + "customer's contact email), then retry the email on the outbox page /mail/outbox; or tell the "
                    + "customer another way and resolve this incident.");
            return Optional.empty();
        }
    }

    /**
     * Sends the claimed emails one by one over one connection, and records the outcome of each before the next leaves:
     * SENT in a short transaction of its own as soon as the server has accepted it, so that a node killed in the
     * middle of a batch leaves at most the one email it was handing over to be sent again (by another node, once the
     * claim has run out); the rest of the batch stays claimed meanwhile. When the server cannot be reached, every
     * remaining email of the batch has a failed attempt. Returns how many were sent.
     */
    private int deliver(List<Claimed> batch) {
        int sent = 0;
        try (SmtpConnection smtp = new SmtpConnection(sender)) {
            for (int i = 0; i < batch.size(); i++) {
                OutboxEmail email = batch.get(i).email();
                if (!clock.instant().isBefore(batch.get(i).startBy())) {
                    // a slow server: the rest go back to the queue, for this node's next round or another node
                    log.info("Half the claim time went by before {} emails of the outbox were sent; they go back to the "
                            + "queue", batch.size() - i);
                    batch.subList(i, batch.size()).forEach(rest -> outbox.release(rest.email().id(), node));
                    return sent;
                }
                Optional<MimeMessage> message = prepare(email);
                if (message.isEmpty()) {
                    continue;
                }
                try {
                    smtp.send(message.get());
                } catch (SmtpConnection.Unreachable down) { // the login failed, the server is unknown or down, ...
                    for (Claimed rest : batch.subList(i, batch.size())) {
                        failedAttempt(rest.email(), down.getMessage());
                    }
                    return sent;
                } catch (MessagingException | RuntimeException refused) {
                    failedAttempt(email, EmailService.reason(refused));
                    continue;
                }
                if (email.incidentId() != null) { // an administrator's retry: a SENT email has no open incident
                    incidents.resolve(email);
                }
                outbox.sent(email.id(), node, clock.instant());
                sent++;
            }
        }
        return sent;
    }

    /** An attempt failed: another one after the interval of the retry cycle, or FAILED when the retries are used up. */
    private void failedAttempt(OutboxEmail email, String error) {
        int attempts = email.attempts() + 1;
        if (cycle.retriesAfter(attempts)) {
            log.info("Could not send {} (attempt {} of {}), retrying in {}: {}", email.describe(), attempts,
                    cycle.retries() + 1, cycle.interval(), error);
            outbox.retryLater(email.id(), node, clock.instant().plus(cycle.interval()), error);
        } else {
            fail(email, error + " (after " + attempts + " attempts)", "Check the mail server (spring.mail.host and its "
                    + "login), then retry the email on the outbox page /mail/outbox (POST /mail/outbox/" + email.id()
                    + "/retry); the incident is resolved when it is sent.");
        }
    }

    private void fail(OutboxEmail email, String error, String whatToDo) {
        log.warn("Could not send {}: {}", email.describe(), error);
        // the incident first: an email is FAILED with its incident, and so resolves it when an administrator retries it
        outbox.failed(email.id(), node, error, incidents.raise(email, error, whatToDo));
    }

    /** The message as stored: its recipients parsed strictly, its Message-ID, bodies, attached files and invite. */
    MimeMessage message(OutboxEmail email) throws MessagingException {
        if (!email.prepared()) {
            throw new IllegalArgumentException("it could not be prepared: " + email.lastError());
        }
        List<InternetAddress> to = EmailService.addresses(email.toList(), "recipient");
        List<InternetAddress> cc = EmailService.addresses(email.ccList(), "recipient in copy");
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from());
        helper.setTo(to.toArray(InternetAddress[]::new));
        if (!cc.isEmpty()) {
            helper.setCc(cc.toArray(InternetAddress[]::new));
        }
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        for (Attachment file : attachments(email)) {
            helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.contentType());
        }
        if (email.calendarInvite() != null) {
            helper.addAttachment(CalendarInvites.FILE_NAME,
                    new ByteArrayResource(email.calendarInvite().getBytes(StandardCharsets.UTF_8)),
                    CalendarInvites.CONTENT_TYPE);
        }
        message.saveChanges();
        message.setHeader("Message-ID", "<" + email.messageId() + ">");
        // recognisably ours and automatic (RFC 3834): the support mailbox never opens a ticket from one coming back,
        // and well-behaved out-of-office responders do not answer it
        message.setHeader(AUTO_SUBMITTED, "auto-generated");
        message.setHeader("X-Auto-Response-Suppress", "All");
        message.setHeader(NOTIFICATION_HEADER, email.template() == null ? "email" : email.template());
        return message;
    }

    /**
     * The files stored with the email when it was queued; an email queued before files were stored with it names
     * only guides, which are read again.
     */
    private List<Attachment> attachments(OutboxEmail email) {
        List<Attachment> stored = outbox.attachments(email.id());
        return stored.isEmpty() ? email.attachmentNames().stream().map(Attachment::guide).toList() : stored;
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    private static String node() {
        return (ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }
}
