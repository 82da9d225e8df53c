package io.touchpoint.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a configured secret, each installation signs its tracking links with a random secret of its own, kept in
 * its data folder and read again after a restart (issue 9, item 15): a token of one installation opens nothing in
 * another, and nobody can compute one from the repository.
 */
class TrackingTokenSecretTest {

    static final SupportProperties UNSET = new SupportProperties("", 75, 2, 5, 3, List.of());

    @TempDir
    Path installation;
    @TempDir
    Path another;

    @Test
    void anInstallationMakesItsOwnSecretAndKeepsItForItsOwner() throws Exception {
        TicketLinks links = new TicketLinks(UNSET, new io.touchpoint.TouchpointProperties("http://localhost:8080", installation, "admin"));

        Path file = installation.resolve(TrackingTokenSecret.FILE_NAME);
        assertThat(file).exists();
        assertThat(TrackingTokenSecret.of(null, installation)).hasSize(32);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(Files.list(installation)).as("no draft left behind").containsExactly(file);

        TicketLinks afterRestart = new TicketLinks(UNSET, new io.touchpoint.TouchpointProperties("http://localhost:8080", installation, "admin"));
        assertThat(afterRestart.opens("T-2026-00001", links.token("T-2026-00001"))).isTrue();

        TicketLinks elsewhere = new TicketLinks(UNSET, new io.touchpoint.TouchpointProperties("http://localhost:8080", another, "admin"));
        assertThat(elsewhere.opens("T-2026-00001", links.token("T-2026-00001"))).isFalse();
        assertThat(new TicketLinks(new SupportProperties("demo-ticket-token-secret", 75, 2, 5, 3, List.of()),
                "http://localhost:8080").opens("T-2026-00001", links.token("T-2026-00001")))
                .as("the old demo default opens nothing").isFalse();
    }

    @Test
    void aConfiguredSecretIsUsedAndNothingIsWritten() {
        SupportProperties configured = new SupportProperties("a-configured-secret-1234", 75, 2, 5, 3, List.of());
        TicketLinks links = new TicketLinks(configured, new io.touchpoint.TouchpointProperties("http://localhost:8080", installation, "admin"));

        assertThat(installation.resolve(TrackingTokenSecret.FILE_NAME)).doesNotExist();
        assertThat(new TicketLinks(configured, "http://localhost:8080").opens("T-2026-00007", links.token("T-2026-00007")))
                .isTrue();
    }
}
