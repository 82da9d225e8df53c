package io.touchpoint.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.Http;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An installation without a configured secret (as the tests run) signs tracking links with its own generated
 * secret: nobody can compute a ticket's token from the repository's old demo value and the ticket number
 * (issue 9, item 15).
 */
@TouchpointSpringTest
class TrackingTokenInstallationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @LocalServerPort
    int port;
    @Value("${touchpoint.data-dir}")
    Path dataDir;

    @Test
    void aTicketsTokenCannotBeForgedFromTheRepository() throws Exception {
        HttpResponse<String> created = new Http(port).postJson("/api/tickets", """
                {"subject": "Fax down", "description": "No tone.", "category": "EQUIPMENT", "priority": "P3",
                 "requesterEmail": "forge@tokens.example", "requesterName": "Fay Orge"}""");
        Map<String, Object> ticket = Http.json(created);
        String number = ticket.get("ticketNumber").toString();
        String token = ticket.get("trackingToken").toString();

        for (String guess : List.of("demo-ticket-token-secret", "ticket-secret-local-trial")) {
            assertThat(token).as("signed with " + guess).isNotEqualTo(hmac(guess, number));
        }
        assertThat(dataDir.resolve(TrackingTokenSecret.FILE_NAME)).as("the installation's own secret").exists();
        assertThat(new TicketLinks(new SupportProperties("", 75, 2, 5, 3, List.of()), new io.touchpoint.TouchpointProperties("http://localhost", dataDir, "admin"))
                .opens(number, token)).isTrue();
    }

    private static String hmac(String secret, String number) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(("ticket:" + number).getBytes(StandardCharsets.UTF_8)));
    }
}
