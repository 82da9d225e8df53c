package io.touchpoint.support.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.touchpoint.support.Ticket;
import io.touchpoint.support.TicketStatus;
import io.touchpoint.support.Tickets;
import io.touchpoint.testing.Http;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The support mailbox (SUP-14) on the whole application, with GreenMail as the IMAP server of the mailbox and as the
 * SMTP server our emails go to: a new mail opens a ticket, a reply joins its ticket and resumes it when it waits for
 * the customer, files are kept with the ticket; auto-replies, our own emails, unreadable and oversized mails are kept
 * for customer care and open nothing; a mail fetched twice is one ticket; an unreachable mailbox loses nothing.
 */
@TouchpointSpringTest
class EmailIntakeTest {

    static final String SUPPORT = "support@touchpoint.test";
    static final String SUPPORT_PASSWORD = "mailbox-secret-" + UUID.randomUUID();
    static final int IMAP_PORT = freePort();
    static final int MAX_SIZE_KB = 100;
    static final Duration PATIENCE = Duration.ofSeconds(60);

    static GreenMail mailServer;
    static GreenMailUser supportMailbox;

    @DynamicPropertySource
    static void mailbox(DynamicPropertyRegistry properties) {
        properties.add("touchpoint.support.mail-intake.enabled", () -> "true");
        properties.add("touchpoint.support.mail-intake.protocol", () -> "imap");
        properties.add("touchpoint.support.mail-intake.host", () -> "127.0.0.1");
        properties.add("touchpoint.support.mail-intake.port", () -> IMAP_PORT);
        properties.add("touchpoint.support.mail-intake.username", () -> SUPPORT);
        properties.add("touchpoint.support.mail-intake.password", () -> SUPPORT_PASSWORD);
        properties.add("touchpoint.support.mail-intake.poll-interval", () -> "PT0.3S");
        properties.add("touchpoint.support.mail-intake.timeout", () -> "PT5S");
        properties.add("touchpoint.support.mail-intake.max-size", () -> MAX_SIZE_KB + "KB");
    }

    @BeforeAll
    static void startMailServer() {
        startServer();
    }

    @AfterAll
    static void stopMailServer() {
        mailServer.stop();
    }

    @Autowired
    InboundMails mails;
    @Autowired
    Tickets tickets;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailboxPoller poller;
    @Autowired
    PlatformTransactionManager transactions;
    @LocalServerPort
    int port;

    @Test
    void aNewMailOpensATicketWithItsSenderAsRequesterTheCompanyWhenKnownAndItsFilesKept() throws Exception {
        String ann = unique("ann") + "@acme.example";
        String company = "Acme Dental " + UUID.randomUUID().toString().substring(0, 6);
        // the address is known: Ann asked for a quote for her company before
        HttpResponse<String> quote = new Http(port).postJson("/api/quote-requests", """
                {"companyName": "%s", "contactName": "Ann Lee", "contactEmail": "%s", "phone": "+1 555 010 0100",
                 "seats": 3, "requestedServices": ["HOSTED_VOICE"]}""".formatted(company, ann));
        assertThat(quote.statusCode()).isEqualTo(201);

        byte[] photo = "not really a photo of the router, but bytes all the same".getBytes(StandardCharsets.US_ASCII);
        MimeMessage mail = withFile(message("Ann Lee <" + ann + ">", "Phones drop calls since this morning",
                "Every call drops after about a minute.\nThe router shows a red light."), "router light.jpg", photo);
        supportMailbox.deliver(mail);

        InboundMail kept = awaitHandled(messageId(mail));
        assertThat(kept.status()).isEqualTo(InboundMail.Status.TICKET_OPENED);
        String number = kept.ticketNumber();
        Ticket ticket = tickets.find(number).orElseThrow();
        assertThat(number).matches("T-\\d{4}-\\d{5}");
        assertThat(ticket.contactEmail()).isEqualTo(ann);
        assertThat(ticket.contactName()).isEqualTo("Ann Lee");
        assertThat(ticket.channel()).isEqualTo("EMAIL");
        assertThat(ticket.subject()).isEqualTo("Phones drop calls since this morning");
        String instance = ticket.processInstanceId();
        assertThat(runtime.getVariable(instance, "description")).isEqualTo(
                "Every call drops after about a minute.\nThe router shows a red light.");
        assertThat(runtime.getVariable(instance, "companyName")).as("the company of the quote request").isEqualTo(company);

        // Ann gets the acknowledgement, recognisably an automatic email of ours
        MimeMessage acknowledgement = awaitSentTo(ann, "We received your ticket " + number);
        assertThat(acknowledgement.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(acknowledgement.getHeader("X-Touchpoint-Notification", null)).isEqualTo("ticket-received");

        // the mail is flagged as seen on the server, not deleted
        assertThat(unseenInMailbox()).doesNotContain(messageId(mail));

        // the file is with the ticket: its timeline says so, support staff download it, others may not
        assertThat(tickets.timeline(number)).anySatisfy(event ->
                assertThat(event.detail()).isEqualTo("Files received by email: router light.jpg"));
        WebSession tim = loggedIn("tim");
        HttpResponse<String> files = tim.get("/support/tickets/" + number + "/files");
        assertThat(files.statusCode()).isEqualTo(200);
        assertThat(files.body()).contains("router light.jpg");
        long fileId = mails.files(number).get(0).id();
        HttpResponse<String> download = tim.get("/support/tickets/" + number + "/files/" + fileId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(download.body()).isEqualTo(new String(photo, StandardCharsets.US_ASCII));
        assertThat(loggedIn("sara").get("/support/tickets/" + number + "/files/" + fileId, "Accept", "text/html")
                .statusCode()).as("a sales rep").isEqualTo(403);
    }

    @Test
    void aReplyCarryingTheTicketNumberJoinsThatTicketAndAnotherSendersReplyWaitsForCustomerCare() throws Exception {
        String bob = unique("bob") + "@beta.example";
        String number = openByMail(bob, "Voicemail does not work");
        MimeMessage ack = awaitSentTo(bob, "We received your ticket " + number);

        MimeMessage reply = message(bob, "Re: " + ack.getSubject(), "It also fails on the second line.\n\n"
                + "On Mon, 30 Nov 2026 Touchpoint wrote:\n> We received your ticket");
        reply.setHeader("In-Reply-To", ack.getHeader("Message-ID", null));
        reply.setHeader("References", ack.getHeader("Message-ID", null));
        supportMailbox.deliver(reply);
        InboundMail joined = awaitHandled(messageId(reply));
        assertThat(joined.status()).isEqualTo(InboundMail.Status.ADDED_TO_TICKET);
        assertThat(joined.ticketNumber()).isEqualTo(number);
        assertThat(tickets.timeline(number)).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo(Ticket.EventType.COMMENT);
            assertThat(event.detail()).isEqualTo("It also fails on the second line.");
            assertThat(event.actor()).isEqualTo(bob);
        });
        assertThat(count("SELECT COUNT(*) FROM support_ticket WHERE contact_email = ?", bob)).as("no second ticket")
                .isEqualTo(1);

        // a colleague writes about the same ticket from another address: customer care decides
        String colleague = unique("carol") + "@beta.example";
        MimeMessage fromColleague = message(colleague, "Re: " + number + " voicemail", "Same here on my phone.");
        supportMailbox.deliver(fromColleague);
        InboundMail waiting = awaitHandled(messageId(fromColleague));
        assertThat(waiting.status()).isEqualTo(InboundMail.Status.NOT_OPENED);
        assertThat(waiting.reason()).contains("who is not its requester");
        WebSession kim = loggedIn("kim");
        assertThat(kim.get("/support/inbox").body()).contains("Same here").contains("Add to " + number);
        HttpResponse<String> added = kim.submit("/support/inbox", "/support/inbox/" + waiting.id() + "/add-to-ticket",
                Map.of());
        assertThat(kim.follow(added).body()).contains("is on ticket " + number);
        assertThat(mails.findByMessageKey(messageId(fromColleague)).orElseThrow())
                .extracting(InboundMail::status, InboundMail::handledBy)
                .containsExactly(InboundMail.Status.ADDED_TO_TICKET, "kim");
        assertThat(tickets.timeline(number)).anySatisfy(event ->
                assertThat(event.detail()).isEqualTo("Same here on my phone."));
    }

    @Test
    void aReplyToATicketWaitingForTheCustomerResumesIt() throws Exception {
        String dora = unique("dora") + "@delta.example";
        String number = openByMail(dora, "Fax line is silent");
        String instance = tickets.find(number).orElseThrow().processInstanceId();
        complete(instance, "UserTask_AcknowledgeTicket", Map.of());
        complete(instance, "UserTask_WorkTicket", Map.of("workOutcome", "NEED_INFO",
                "questionToCustomer", "Which fax number do you dial from?"));
        MimeMessage question = awaitSentTo(dora, "Ticket " + number + ": we need your answer");
        assertThat(tickets.find(number).orElseThrow().status()).isEqualTo(TicketStatus.WAITING_FOR_CUSTOMER);

        MimeMessage answer = message(dora, "RE: " + question.getSubject(), "From +1 555 010 0199.\n\n"
                + "-----Original Message-----\nWhich fax number do you dial from?");
        supportMailbox.deliver(answer);

        assertThat(awaitHandled(messageId(answer)).status()).isEqualTo(InboundMail.Status.ADDED_TO_TICKET);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("UserTask_WorkTicket").count()).as("the agent has the ticket again").isEqualTo(1));
        assertThat(runtime.getVariable(instance, "customerAnswer")).isEqualTo("From +1 555 010 0199.");
        assertThat(tickets.find(number).orElseThrow().status()).isNotEqualTo(TicketStatus.WAITING_FOR_CUSTOMER);
        assertThat(tickets.timeline(number)).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo(Ticket.EventType.CUSTOMER_REPLIED);
            assertThat(event.detail()).isEqualTo("From +1 555 010 0199.");
        });
    }

    @Test
    void autoRepliesAndOurOwnEmailsComingBackOpenNoTicketAndWaitForCustomerCare() throws Exception {
        String eve = unique("eve") + "@echo.example";
        MimeMessage outOfOffice = message(eve, "Out of office: back on Monday", "I am away until Monday.");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        MimeMessage bulk = message(eve, "Our newsletter", "News of the month.");
        bulk.setHeader("Precedence", "bulk");
        MimeMessage exchange = message(eve, "Automatic reply: your question", "I am away.");
        exchange.setHeader("X-Auto-Response-Suppress", "All");
        supportMailbox.deliver(outOfOffice);
        supportMailbox.deliver(bulk);
        supportMailbox.deliver(exchange);

        // one of our own acknowledgements comes back (a customer's forwarding rule sends it to the support mailbox)
        String fay = unique("fay") + "@fox.example";
        String number = openByMail(fay, "Cannot log in to the portal");
        MimeMessage ours = awaitSentTo(fay, "We received your ticket " + number);
        MimeMessage cameBack = new MimeMessage(ours);
        cameBack.setRecipients(Message.RecipientType.TO, SUPPORT);
        supportMailbox.deliver(cameBack);

        // a customer's reply to one of our emails, that lost the ticket number from its subject
        MimeMessage noNumber = message(fay, "Re: your ticket", "Thanks!");
        noNumber.setHeader("In-Reply-To", ours.getHeader("Message-ID", null));
        supportMailbox.deliver(noNumber);

        assertThat(awaitHandled(messageId(outOfOffice)).reason()).contains("Auto-Submitted: auto-replied");
        assertThat(awaitHandled(messageId(bulk)).reason()).contains("Precedence: bulk");
        assertThat(awaitHandled(messageId(exchange)).reason()).contains("X-Auto-Response-Suppress");
        assertThat(awaitHandled(messageId(cameBack)).reason()).contains("automatic mail (Auto-Submitted: auto-generated)");
        assertThat(awaitHandled(messageId(noNumber)).reason()).contains("names no ticket number");
        for (MimeMessage each : List.of(outOfOffice, bulk, exchange, cameBack, noNumber)) {
            assertThat(mails.findByMessageKey(messageId(each)).orElseThrow().status())
                    .isEqualTo(InboundMail.Status.NOT_OPENED);
        }
        assertThat(count("SELECT COUNT(*) FROM support_ticket WHERE contact_email = ?", eve)).isZero();
        assertThat(count("SELECT COUNT(*) FROM support_ticket WHERE contact_email = ?", fay)).isEqualTo(1);
        assertThat(tickets.timeline(number)).noneSatisfy(event -> assertThat(event.detail()).isEqualTo("Thanks!"));

        // customer care sees them with the reason; a technician does not see the page
        WebSession kim = loggedIn("kim");
        String page = kim.get("/support/inbox").body();
        assertThat(page).contains("Out of office: back on Monday").contains("Auto-Submitted: auto-replied")
                .contains("names no ticket number").contains("Not opened");
        HttpResponse<String> json = kim.get("/support/inbox", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"status\":\"NOT_OPENED\"").contains("Precedence: bulk");
        assertThat(loggedIn("tim").get("/support/inbox", "Accept", "text/html").statusCode()).isEqualTo(403);
        assertThat(new WebSession(port).get("/support/inbox").statusCode()).as("to the login").isEqualTo(302);

        // Kim dismisses the newsletter and opens a ticket from the reply without a number
        long bulkId = mails.findByMessageKey(messageId(bulk)).orElseThrow().id();
        assertThat(kim.follow(kim.submit("/support/inbox", "/support/inbox/" + bulkId + "/dismiss", Map.of())).body())
                .contains("Mail " + bulkId + " is dismissed");
        long thanksId = mails.findByMessageKey(messageId(noNumber)).orElseThrow().id();
        assertThat(kim.follow(kim.submit("/support/inbox", "/support/inbox/" + thanksId + "/open-ticket", Map.of()))
                .body()).contains("is open for mail " + thanksId);
        InboundMail opened = mails.findByMessageKey(messageId(noNumber)).orElseThrow();
        assertThat(opened.status()).isEqualTo(InboundMail.Status.TICKET_OPENED);
        assertThat(opened.handledBy()).isEqualTo("kim");
        assertThat(tickets.find(opened.ticketNumber()).orElseThrow().contactEmail()).isEqualTo(fay);

        // handled once: dismissing it again is refused, as problem details over JSON
        HttpResponse<String> again = kim.post("/support/inbox/" + thanksId + "/dismiss", "application/json", "",
                "Accept", "application/json", "X-CSRF-TOKEN", WebSession.csrfToken(kim.get("/support/inbox").body())
                        .orElseThrow());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).get("detail").toString()).contains("was handled already (ticket opened)");
    }

    @Test
    void malformedAndOversizedMailsAreKeptWithTheReasonAndOpenNoTicket() throws Exception {
        String gus = unique("gus") + "@golf.example";
        String brokenId = "<" + UUID.randomUUID() + "@golf.example>";
        String broken = """
                From: %s
                To: %s
                Subject: Broken mail
                Message-ID: %s
                MIME-Version: 1.0
                Content-Type: multipart/mixed

                There is no boundary, so there are no parts.
                """.formatted(gus, SUPPORT, brokenId).replace("\n", "\r\n");
        supportMailbox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.US_ASCII))));

        byte[] large = new byte[(MAX_SIZE_KB + 50) * 1024];
        Arrays.fill(large, (byte) 'x');
        MimeMessage oversized = withFile(message(gus, "Our whole call log", "See the log attached."), "calls.log", large);
        supportMailbox.deliver(oversized);

        InboundMail unreadable = awaitHandled(brokenId);
        assertThat(unreadable.status()).isEqualTo(InboundMail.Status.NOT_OPENED);
        assertThat(unreadable.reason()).startsWith("Unreadable: ").contains("boundary");
        InboundMail tooLarge = awaitHandled(messageId(oversized));
        assertThat(tooLarge.status()).isEqualTo(InboundMail.Status.NOT_OPENED);
        assertThat(tooLarge.reason()).contains("than the limit of " + MAX_SIZE_KB + " KB");
        assertThat(tooLarge.sender()).isEqualTo(gus);
        assertThat(tooLarge.subject()).isEqualTo("Our whole call log");
        assertThat(count("SELECT COUNT(*) FROM support_ticket WHERE contact_email = ?", gus)).isZero();

        // customer care downloads the unreadable mail as it came; of the oversized one only the headers are kept
        WebSession kim = loggedIn("kim");
        HttpResponse<String> original = kim.get("/support/inbox/" + unreadable.id() + "/message.eml");
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).contains("There is no boundary, so there are no parts.");
        assertThat(kim.get("/support/inbox/" + tooLarge.id() + "/message.eml").statusCode()).isEqualTo(404);
        // and opens a ticket from the oversized one: its sender and subject are known
        assertThat(kim.follow(kim.submit("/support/inbox", "/support/inbox/" + tooLarge.id() + "/open-ticket",
                Map.of())).body()).contains("is open for mail " + tooLarge.id());
        assertThat(count("SELECT COUNT(*) FROM support_ticket WHERE contact_email = ?", gus)).isEqualTo(1);
    }

    @Test
    void theSameMailFetchedTwiceOpensOneTicket() throws Exception {
        String hal = unique("hal") + "@hotel.example";
        MimeMessage mail = message(hal, "Internet is slow", "Downloads crawl since Friday.");
        supportMailbox.deliver(mail);
        awaitHandled(messageId(mail));
        // the server shows it again as new (a flag lost, a second copy delivered): it is kept once
        supportMailbox.deliver(new MimeMessage(mail));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(unseenInMailbox()).doesNotContain(messageId(mail)));
        assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE message_key = ?", messageId(mail))).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM support_ticket WHERE contact_email = ?", hal)).isEqualTo(1);
    }

    @Test
    void whileTheMailboxIsUnreachableNothingIsLostAndMailIsReadWhenItIsBack() throws Exception {
        mailServer.stop();
        try {
            await().atMost(PATIENCE).until(() -> poller.status().failing());
            WebSession kim = loggedIn("kim");
            assertThat(kim.get("/support/inbox").body()).contains("The mailbox could not be read at")
                    .contains("Nothing is lost");
        } finally {
            startServer();
        }
        String ivy = unique("ivy") + "@india.example";
        MimeMessage mail = message(ivy, "No dial tone", "None of our phones has a dial tone.");
        supportMailbox.deliver(mail);
        assertThat(awaitHandled(messageId(mail)).status()).isEqualTo(InboundMail.Status.TICKET_OPENED);
        await().atMost(PATIENCE).until(() -> !poller.status().failing());
    }

    @Test
    void aMailThatCannotBeProcessedYetStaysKeptAndIsProcessedByALaterPoll() throws Exception {
        String jo = unique("jo") + "@juliet.example";
        String number = openByMail(jo, "Call queue plays no music");
        MimeMessage reply = message(jo, "Re: " + number, "It is silent again today.");
        boolean h2 = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()).contains("H2");

        // an agent's change holds the ticket: the intake waits for its lock (H2 gives up after its lock timeout)
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(tickets.lock(number)).isPresent();
            supportMailbox.deliver(reply);
            await().atMost(PATIENCE).until(() -> mails.findByMessageKey(messageId(reply)).isPresent());
            if (h2) {
                InboundMail failed = await().atMost(PATIENCE).until(() -> mails.findByMessageKey(messageId(reply))
                        .orElseThrow(), mail -> mail.attempts() >= 1);
                assertThat(failed.status()).as("kept, to be tried again").isEqualTo(InboundMail.Status.RECEIVED);
                assertThat(failed.lastError()).isNotBlank();
            }
        });

        InboundMail joined = awaitHandled(messageId(reply));
        assertThat(joined.status()).isEqualTo(InboundMail.Status.ADDED_TO_TICKET);
        assertThat(tickets.timeline(number)).anySatisfy(event ->
                assertThat(event.detail()).isEqualTo("It is silent again today."));
    }

    // --- helpers ---

    private String openByMail(String sender, String subject) throws Exception {
        MimeMessage mail = message(sender, subject, "Please help: " + subject.toLowerCase() + ".");
        supportMailbox.deliver(mail);
        InboundMail kept = awaitHandled(messageId(mail));
        assertThat(kept.status()).isEqualTo(InboundMail.Status.TICKET_OPENED);
        return kept.ticketNumber();
    }

    private InboundMail awaitHandled(String messageKey) {
        return await().atMost(PATIENCE).until(() -> mails.findByMessageKey(messageKey),
                found -> found.isPresent() && found.get().status() != InboundMail.Status.RECEIVED).orElseThrow();
    }

    private static MimeMessage awaitSentTo(String recipient, String subjectStart) {
        return await().atMost(PATIENCE).until(() -> Arrays.stream(mailServer.getReceivedMessages())
                .filter(message -> has(message, recipient, subjectStart)).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static boolean has(MimeMessage message, String recipient, String subjectStart) {
        try {
            Message.RecipientType to = Message.RecipientType.TO;
            return message.getRecipients(to) != null && Arrays.stream(message.getRecipients(to))
                    .anyMatch(address -> ((InternetAddress) address).getAddress().equalsIgnoreCase(recipient))
                    && message.getSubject() != null && message.getSubject().startsWith(subjectStart);
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private void complete(String instance, String taskKey, Map<String, Object> variables) {
        Task task = await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(taskKey).singleResult(), found -> found != null);
        tasks.complete(task.getId(), variables);
    }

    private int count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Integer.class, arguments);
    }

    private WebSession loggedIn(String user) {
        WebSession session = new WebSession(port);
        assertThat(session.logIn(user, "demo").statusCode()).isEqualTo(302);
        return session;
    }

    /** The Message-IDs of the mails the mailbox still shows as unseen, as an IMAP client reads them. */
    private static List<String> unseenInMailbox() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", IMAP_PORT, SUPPORT, SUPPORT_PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return Arrays.stream(inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)))
                        .map(message -> messageId((MimeMessage) message)).toList();
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    static MimeMessage message(String from, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, SUPPORT);
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.setSentDate(new Date());
        message.saveChanges();
        message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@customer.example>");
        return message;
    }

    static MimeMessage withFile(MimeMessage message, String fileName, byte[] content) throws Exception {
        String text = (String) message.getContent();
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, "application/octet-stream")));
        file.setFileName(fileName);
        file.setDisposition(MimeBodyPart.ATTACHMENT);
        String messageId = message.getHeader("Message-ID", null);
        message.setContent(new MimeMultipart(body, file));
        message.saveChanges();
        message.setHeader("Message-ID", messageId);
        return message;
    }

    static String messageId(MimeMessage message) {
        try {
            return message.getHeader("Message-ID", null).trim();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void startServer() {
        mailServer = new GreenMail(new ServerSetup[] {TestSmtp.SETUP,
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mailServer.start();
        supportMailbox = mailServer.setUser(SUPPORT, SUPPORT, SUPPORT_PASSWORD);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
