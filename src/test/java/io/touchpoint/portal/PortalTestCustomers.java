package io.touchpoint.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.base.GreenMailOperations;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.WebSession;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Customers of the portal in the Spring Boot tests: unique addresses, registration through the pages and the mail. */
final class PortalTestCustomers {

    static final String PASSWORD = "a long portal password";
    private static final Pattern LINK = Pattern.compile("(/portal/password\\?token=[A-Za-z0-9_-]+)");

    private PortalTestCustomers() {
    }

    /** An address nobody else uses. */
    static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@portal-test.example";
    }

    /** The emails the address received whose subject starts so, newest last. */
    static List<MimeMessage> received(GreenMailOperations smtp, String email, String subjectStart) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> to(message).equalsIgnoreCase(email))
                .filter(message -> Mails.subject(message).startsWith(subjectStart)).toList();
    }

    /** The newest email to the address whose subject starts so, once it arrived. */
    static MimeMessage awaitEmail(GreenMailOperations smtp, String email, String subjectStart) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<MimeMessage> found = received(smtp, email, subjectStart);
            return found.isEmpty() ? null : found.get(found.size() - 1);
        }, message -> message != null);
    }

    /** The email's portal link, as a path ({@code /portal/password?token=...}). */
    static String link(MimeMessage message) {
        Matcher matcher = LINK.matcher(Mails.text(message));
        assertThat(matcher.find()).as("a portal link in the email").isTrue();
        return matcher.group(1);
    }

    /** Registers the address and confirms it through the emailed link, choosing {@link #PASSWORD}. */
    static void registerAndConfirm(WebSession web, GreenMailOperations smtp, String name, String email) {
        registerAndConfirm(web, smtp, name, email, "");
    }

    /** Registers the address giving the account number, and confirms it through the emailed link. */
    static void registerAndConfirm(WebSession web, GreenMailOperations smtp, String name, String email,
                                   String accountNumber) {
        HttpResponse<String> registered = web.submit("/portal/register", "/portal/register", Map.of("name", name,
                "email", email, "accountNumber", accountNumber));
        assertThat(registered.statusCode()).isEqualTo(200);
        String link = link(awaitEmail(smtp, email, "Confirm your email"));
        HttpResponse<String> confirmed = web.submit(link, "/portal/password", Map.of("token", token(link),
                "password", PASSWORD, "repeat", PASSWORD));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/portal/login?confirmed");
    }

    /** A new session logged in to the portal as the registered customer. */
    static WebSession loggedIn(int port, String email) {
        WebSession web = new WebSession(port);
        HttpResponse<String> login = logIn(web, email, PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
        return web;
    }

    /** A trouble ticket from the address, naming the account number (as an email gateway or the API sends it). */
    static String ticket(int port, String name, String email, String subject, String accountNumber) {
        HttpResponse<String> created = new WebSession(port).post("/api/tickets", "application/json", """
                {"subject": "%s", "description": "Since 7:00.", "category": "OUTAGE", "priority": "P3",
                 "requesterEmail": "%s", "requesterName": "%s", "accountNumber": "%s", "channel": "EMAIL"}"""
                .formatted(subject, email, name, accountNumber), "Accept", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher number = Pattern.compile("\"ticketNumber\":\"([^\"]+)\"").matcher(created.body());
        assertThat(number.find()).isTrue();
        return number.group(1);
    }

    /** An account number nobody else uses, in the format support records. */
    static String uniqueAccountNumber() {
        return "ACC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static HttpResponse<String> logIn(WebSession web, String email, String password) {
        return web.submit("/portal/login", "/portal/login", Map.of("email", email, "password", password));
    }

    static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private static String to(MimeMessage message) {
        try {
            var recipients = message.getRecipients(Message.RecipientType.TO);
            return recipients == null || recipients.length == 0 ? "" : recipients[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
