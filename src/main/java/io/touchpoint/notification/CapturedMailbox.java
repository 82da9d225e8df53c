package io.touchpoint.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development mailbox: an embedded SMTP server (GreenMail) that keeps every email Touchpoint sends,
 * so a newcomer sees them on the captured-mail page instead of sending them to real customers.
 */
public class CapturedMailbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CapturedMailbox.class);

    private final GreenMail server;

    public CapturedMailbox(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        server.start();
        log.info("No spring.mail.host set: emails are captured on SMTP port {} and shown at /mail", port());
    }

    /** The SMTP port it listens on (a free one when configured as 0). */
    public int port() {
        return server.getSmtp().getPort();
    }

    /** In the order they arrived: a message keeps its position, which the captured-mail page links by. */
    public List<MimeMessage> messages() {
        return Arrays.asList(server.getReceivedMessages());
    }

    @Override
    public void close() {
        server.stop();
    }
}
