package io.touchpoint.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One Touchpoint node as production runs it: {@code java -jar target/touchpoint-<version>.jar} in a JVM of its own,
 * on PostgreSQL with the {@code cluster} profile, its job executor on, its mail to the test's SMTP server. Its output
 * goes to {@code target/cluster/<name>.log}.
 */
final class TouchpointNode {

    /** The tracking links of every node must verify on every other: one secret for the cluster. */
    static final String TOKEN_SECRET = "cluster-test-tracking-token-secret-0123456789";

    final String name;
    final int port;
    private final Process process;
    private final Path log;

    private TouchpointNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a node on a free port and waits until it answers its health check.
     *
     * @param jdbcUrl the database, user postgres without a password (trust authentication)
     * @param extra   more {@code --name=value} settings
     */
    static TouchpointNode start(String name, String jdbcUrl, int smtpPort, Duration startTimeout, String... extra) {
        int port = freePort();
        Path dir = Path.of("target", "cluster", name);
        Path log = Path.of("target", "cluster", name + ".log");
        try {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx640m", "-XX:+UseSerialGC", "-jar", jar().toString(),
                    "--spring.profiles.active=postgres,cluster",
                    "--server.port=" + port,
                    "--touchpoint.data-dir=" + dir.toAbsolutePath(),
                    "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + smtpPort,
                    // the test is one client address with thousands of requests
                    "--touchpoint.limits.per-client=1000000",
                    "--touchpoint.limits.per-recipient=1000000",
                    "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN"));
            command.addAll(List.of(extra));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("TOUCHPOINT_DB_URL", jdbcUrl);
            env.put("TOUCHPOINT_DB_USER", "postgres");
            env.put("TOUCHPOINT_DB_PASSWORD", "");
            env.put("TOUCHPOINT_SUPPORT_TOKEN_SECRET", TOKEN_SECRET);
            env.put("TOUCHPOINT_BASE_URL", "http://127.0.0.1:" + port);
            TouchpointNode node = new TouchpointNode(name, port, builder.start(), log);
            node.awaitHealthy(startTimeout);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no transaction finished, its job locks and email claims left behind. */
    void kill() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    /** An orderly stop, at the end of a test. */
    void stop() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long started = System.nanoTime();
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " ended at start-up, see " + log.toAbsolutePath()
                        + ":\n" + tail());
            }
            return client.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        });
        System.out.printf("node %s up on port %d (pid %d) after %.1f s%n", name, port, pid(),
                (System.nanoTime() - started) / 1e9);
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("touchpoint-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no target/touchpoint-*.jar: the cluster tests run after mvn package"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
