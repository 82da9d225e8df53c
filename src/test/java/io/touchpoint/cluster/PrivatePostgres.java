package io.touchpoint.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, to stop and start at will (never the shared one on 5432): initdb into a
 * temporary directory with the binaries of /usr/lib/postgresql/&lt;version&gt;/bin, on a free port of 127.0.0.1, trust
 * authentication, user postgres. Run as the {@code postgres} OS user when the test runs as root (CI does): PostgreSQL
 * refuses to run as root.
 */
final class PrivatePostgres {

    final int port = TouchpointNode.freePort();
    private final Path bin;
    private final Path dir;
    private final Path data;
    private final boolean root = "root".equals(System.getProperty("user.name"));

    private PrivatePostgres(Path bin, Path dir) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
    }

    static PrivatePostgres create() {
        try {
            Path bin;
            try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                bin = versions.map(version -> version.resolve("bin")).filter(path -> Files.isExecutable(path.resolve("pg_ctl")))
                        .max(Comparator.naturalOrder()).orElseThrow(() -> new IllegalStateException(
                                "no /usr/lib/postgresql/*/bin/pg_ctl: the PostgreSQL server binaries are needed"));
            }
            PrivatePostgres server = new PrivatePostgres(bin, Files.createTempDirectory("touchpoint-pg-"));
            if (server.root) {
                run(List.of("chown", "postgres", server.dir.toString()));
            }
            server.asPostgres(List.of(bin.resolve("initdb").toString(), "-D", server.data.toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--no-sync"));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server and waits until it takes connections. */
    void start() {
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off "
                        + "-c max_connections=100", "start"));
    }

    /** Stops the server at once: its sessions end, their transactions roll back (pg_ctl -m fast). */
    void stop() {
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
    }

    /** Stops the server, if it runs, and removes its files. */
    void destroy() {
        try {
            asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
        } catch (IllegalStateException notRunning) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove " + dir + ": " + e.getMessage());
        }
    }

    private void asPostgres(List<String> command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
