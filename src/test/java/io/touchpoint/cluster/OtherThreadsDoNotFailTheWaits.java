package io.touchpoint.cluster;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Awaitility fails an await when any thread of the JVM dies of an uncaught exception. GreenMail's SMTP handler thread
 * does exactly that ("Unexpected error handling connection") when a node's SMTP session breaks off, as it does when
 * the node is killed or loses its database mid-send, and CI saw it fail whichever client happened to be waiting. A
 * broken SMTP session is part of these tests; a lost email is what they assert, by Message-ID, at the end.
 */
class OtherThreadsDoNotFailTheWaits implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Awaitility.reset();
    }
}
