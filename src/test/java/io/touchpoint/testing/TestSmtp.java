package io.touchpoint.testing;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP server of the Spring Boot tests: a GreenMail on the port Maven reserved for this build
 * ({@code touchpoint.test.smtp-port}, see pom.xml), so that two builds on one machine do not collide.
 * When surefire runs two JVMs side by side, each has a port of its own ({@code touchpoint.test.smtp-port-fork-<n>}, the
 * fork's name in {@code touchpoint.test.fork}). The {@code test} profile points spring.mail.port at the same port.
 */
public final class TestSmtp {

    public static final int PORT = Integer.getInteger("touchpoint.test.smtp-port-" + System.getProperty("touchpoint.test.fork", "fork-0"),
            Integer.getInteger("touchpoint.test.smtp-port", 3025));

    public static final ServerSetup SETUP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    private TestSmtp() {
    }
}
