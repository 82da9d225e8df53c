package io.touchpoint.support.email;

import static io.touchpoint.support.SupportProcess.Vars.COMPANY_NAME;

import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.notification.MailProperties;
import io.touchpoint.support.NewTicket;
import io.touchpoint.support.Ticket;
import io.touchpoint.support.TicketLinks;
import io.touchpoint.support.TicketService;
import io.touchpoint.support.Tickets;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What becomes of a mail of the support mailbox once it is kept (SUP-14): a new mail opens a ticket with its sender as
 * requester (and the company, when the address is known); a reply whose subject carries a ticket number is added to
 * that ticket as the customer's message, and resumes it when it waits for the customer; the files of both are kept
 * with the ticket. A loop (auto-reply, our own email), an unreadable or oversized mail, and a reply that cannot join
 * its ticket open nothing: they are kept as NOT_OPENED with the reason, for customer care
 * ({@code /support/inbox}), who open a ticket from one, add it to its ticket, or dismiss it.
 * <p>
 * Each mail is processed in one transaction with its row locked: the ticket (or the message on it), its files and
 * the mail's new status commit together, or not at all; a failure is counted and tried again at the next poll, and
 * after {@code max-attempts} the mail is kept for customer care with the error.
 */
@Service
public class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    /** Why a processing outcome is kept for customer care instead of retried. */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    private final InboundMails mails;
    private final TicketService tickets;
    private final Tickets ticketRows;
    private final TicketLinks links;
    private final KnownCustomers customers;
    private final MailIntakeProperties settings;
    private final BusinessCalendar calendar;
    private final TransactionTemplate transaction;
    private final Set<String> ownAddresses = new HashSet<>();

    public MailIntake(InboundMails mails, TicketService tickets, Tickets ticketRows, TicketLinks links,
                      KnownCustomers customers, MailIntakeProperties settings, MailProperties mail,
                      BusinessCalendar calendar, PlatformTransactionManager transactions) {
        this.mails = mails;
        this.tickets = tickets;
        this.ticketRows = ticketRows;
        this.links = links;
        this.customers = customers;
        this.settings = settings;
        this.calendar = calendar;
        this.transaction = new TransactionTemplate(transactions);
        address(mail.from()).ifPresent(ownAddresses::add);
        address(mail.salesTeam()).ifPresent(ownAddresses::add);
        address(settings.username()).ifPresent(ownAddresses::add);
    }

    /** Processes every kept mail that waits for it; returns how many were processed (whatever became of them). */
    public int processAll() {
        int processed = 0;
        for (long id : mails.toProcess(100)) {
            if (process(id)) {
                processed++;
            }
        }
        return processed;
    }

    /** Processes one kept mail; false when the attempt failed (it is tried again, or kept after the last try). */
    public boolean process(long id) {
        try {
            transaction.executeWithoutResult(status -> mails.lock(id)
                    .filter(mail -> mail.status() == InboundMail.Status.RECEIVED).ifPresent(this::decide));
            return true;
        } catch (RuntimeException failure) {
            String error = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            log.warn("Could not process mail {} of the support mailbox, trying again at the next poll: {}", id, error);
            transaction.executeWithoutResult(status -> mails.failedAttempt(id, error, settings.maxAttempts(),
                    calendar.now()));
            return false;
        }
    }

    private void decide(InboundMail mail) {
        if (mail.rawMessage() == null) {
            notOpened(mail, mail.reason() != null ? mail.reason() : "Only its headers were kept.", null);
            return;
        }
        MailParts parts;
        Optional<String> loop;
        try {
            parts = MailParts.read(mail.rawMessage());
            mails.preview(mail.id(), MailParts.oneLine(parts.text(), 300));
            loop = parts.loopReason(ownAddresses);
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            notOpened(mail, "Unreadable: " + describe(unreadable) + ". Open the kept mail to see what it says.", null);
            return;
        }
        if (loop.isPresent()) {
            notOpened(mail, loop.get(), parts.ticketNumber().orElse(null));
            return;
        }
        Optional<String> sender = parts.senderAddress();
        if (sender.isEmpty()) {
            notOpened(mail, "No sender address a ticket could answer (From: " + mail.sender() + ").",
                    parts.ticketNumber().orElse(null));
            return;
        }
        Optional<String> number = parts.ticketNumber();
        try {
            if (number.isPresent()) {
                addToTicket(mail, parts, number.get(), sender.get(), null);
            } else {
                openTicket(mail, parts, sender.get(), null);
            }
        } catch (Refused refused) {
            notOpened(mail, refused.getMessage(), number.orElse(null));
        }
    }

    /** Opens a ticket from the mail, its sender the requester; {@code by} is the person who asked, or null. */
    String openTicket(InboundMail mail, MailParts parts, String sender, String by) {
        Optional<KnownCustomers.Customer> customer = customers.byEmail(sender);
        String name = parts == null ? null : parts.senderName().orElse(null);
        if (name == null) {
            name = customer.map(KnownCustomers.Customer::contactName).orElse(sender.substring(0, sender.indexOf('@')));
        }
        String subject = MailParts.oneLine(parts == null ? mail.subject() : parts.subject(), 200);
        String text = parts == null ? "" : MailParts.clean(parts.text(), 4000);
        NewTicket request = new NewTicket(subject.isBlank() ? "(no subject)" : subject,
                text.isBlank() ? "(The email had no text" + (parts == null ? " that could be read" : "") + ".)" : text,
                settings.category(), settings.priority(), null, null, sender, MailParts.oneLine(name, 120), null,
                NewTicket.Channel.EMAIL, NewTicket.RequesterType.CUSTOMER, null);
        TicketService.Created created;
        try {
            created = tickets.open(request, customer.<Map<String, Object>>map(c -> Map.of(COMPANY_NAME,
                    MailParts.oneLine(c.companyName(), 200))).orElse(Map.of()));
        } catch (BadUserRequestException refused) {
            throw new Refused("No ticket could be opened: " + refused.getMessage());
        }
        keepFiles(mail, parts, created.ticketNumber());
        mails.handled(mail.id(), InboundMail.Status.TICKET_OPENED, null, created.ticketNumber(), calendar.now(), by);
        return created.ticketNumber();
    }

    /**
     * Adds the mail to the ticket it names, as the requester's message: the answer the ticket waits for (it resumes),
     * or a comment while it is worked on. Refused when the ticket does not exist, the sender is not its requester
     * (unless customer care adds it, {@code by}), or the ticket takes no messages (resolved or closed).
     */
    void addToTicket(InboundMail mail, MailParts parts, String number, String sender, String by) {
        Ticket ticket = ticketRows.find(number).orElseThrow(() -> new Refused("It names ticket " + number
                + ", which does not exist."));
        if (by == null && !ticket.contactEmail().equalsIgnoreCase(sender)) {
            throw new Refused("A reply to ticket " + number + " from " + sender + ", who is not its requester ("
                    + ticket.contactEmail() + ").");
        }
        String reply = MailParts.clean(parts.replyText(), 4000);
        String message = reply.isBlank() ? "(The email had no text of its own.)" : reply;
        TicketService.Outcome outcome = tickets.comment(number, links.token(number), message);
        if (outcome != TicketService.Outcome.DONE) {
            throw new Refused("A reply to ticket " + number + ", which is " + ticket.status().name().toLowerCase(
                    Locale.ROOT).replace('_', ' ') + " and takes no messages: open a new ticket if the customer "
                    + "needs one.");
        }
        keepFiles(mail, parts, number);
        mails.handled(mail.id(), InboundMail.Status.ADDED_TO_TICKET, null, number, calendar.now(), by);
    }

    private void keepFiles(InboundMail mail, MailParts parts, String number) {
        if (parts == null || parts.files().isEmpty()) {
            return;
        }
        for (MailParts.File file : parts.files()) {
            mails.attach(number, mail.id(), file, calendar.now());
        }
        ticketRows.record(number, Ticket.EventType.COMMENT, "Files received by email: " + parts.files().stream()
                .map(MailParts.File::name).collect(Collectors.joining(", ")), mail.sender());
    }

    private void notOpened(InboundMail mail, String reason, String namedTicket) {
        log.info("Mail {} of the support mailbox ({}) opened no ticket: {}", mail.id(), mail.messageKey(), reason);
        mails.handled(mail.id(), InboundMail.Status.NOT_OPENED, reason, namedTicket, calendar.now(), null);
    }

    /** Customer care opens a ticket from a kept mail, whatever kept it; returns the ticket's number. */
    public String openTicketFor(long id, String user) {
        return transaction.execute(status -> {
            InboundMail mail = keptForCustomerCare(id);
            MailParts parts = readable(mail).orElse(null);
            String sender = parts != null ? parts.senderAddress().orElse(null)
                    : Optional.ofNullable(mail.sender()).map(s -> s.toLowerCase(Locale.ROOT))
                    .filter(io.touchpoint.web.Mailbox.Validator::isMailbox).orElse(null);
            if (sender == null) {
                throw new Refused("This mail has no sender address a ticket could answer: dismiss it, and reach the "
                        + "customer another way.");
            }
            return openTicket(mail, parts, sender, user);
        });
    }

    /** Customer care adds a kept mail to the ticket it names (from another address of the customer, say). */
    public String addToNamedTicket(long id, String user) {
        return transaction.execute(status -> {
            InboundMail mail = keptForCustomerCare(id);
            MailParts parts = readable(mail).orElseThrow(() -> new Refused("This mail could not be read: open a "
                    + "ticket from it or dismiss it."));
            String number = parts.ticketNumber().orElseThrow(() -> new Refused("This mail names no ticket."));
            addToTicket(mail, parts, number, parts.senderAddress().orElse(mail.sender()), user);
            return number;
        });
    }

    /** Customer care decides that nothing is to be done about a kept mail; it stays kept, as dismissed. */
    public void dismiss(long id, String user) {
        transaction.executeWithoutResult(status -> {
            InboundMail mail = keptForCustomerCare(id);
            mails.handled(mail.id(), InboundMail.Status.DISMISSED, mail.reason(), mail.ticketNumber(), calendar.now(),
                    user);
        });
    }

    public List<InboundMail> latest(int limit) {
        return mails.latest(limit);
    }

    public Optional<InboundMail> find(long id) {
        return mails.find(id);
    }

    public List<InboundMails.TicketFile> files(String ticketNumber) {
        return mails.files(ticketNumber);
    }

    public Optional<byte[]> fileContent(String ticketNumber, long fileId) {
        return mails.fileContent(ticketNumber, fileId);
    }

    private InboundMail keptForCustomerCare(long id) {
        InboundMail mail = mails.lock(id).orElseThrow(() -> new Refused("There is no mail " + id + "."));
        if (!mail.waitsForCustomerCare()) {
            throw new Refused("Mail " + id + " was handled already ("
                    + mail.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ").");
        }
        return mail;
    }

    private static Optional<MailParts> readable(InboundMail mail) {
        if (mail.rawMessage() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MailParts.read(mail.rawMessage()));
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<String> address(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new InternetAddress(text.trim(), true).getAddress().toLowerCase(Locale.ROOT))
                    .filter(address -> address.contains("@"));
        } catch (jakarta.mail.internet.AddressException notAnAddress) {
            return Optional.empty();
        }
    }

    private static String describe(Exception error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
