package io.touchpoint.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that signs the tickets' tracking tokens: {@code touchpoint.support.token-secret} when it is set; otherwise
 * a random one of this installation (32 bytes from {@link SecureRandom}), kept in the data folder
 * ({@code touchpoint.data-dir}/{@value #FILE_NAME}, readable by its owner only where the file system allows) and
 * read again on the next start. Several nodes sharing a database need the property, or each signs its own tokens.
 */
public final class TrackingTokenSecret {

    static final String FILE_NAME = "tracking-token-secret";

    private static final Logger log = LoggerFactory.getLogger(TrackingTokenSecret.class);

    private TrackingTokenSecret() {
    }

    /** The configured secret, or this installation's generated one from {@code dataDir}. */
    public static byte[] of(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (secret.length < 32) {
                throw new IllegalStateException(file + " holds no tracking token secret of 32 bytes; delete it to have a "
                        + "new one made (old tracking links stop working), or set touchpoint.support.token-secret");
            }
            return secret;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Could not read or create the tracking token secret " + file
                    + "; set touchpoint.support.token-secret", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        byte[] content = Base64.getEncoder().encode(secret);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path draft = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".new");
        try {
            ownerOnly(draft);
            Files.write(draft, content, StandardOpenOption.TRUNCATE_EXISTING);
            // another start may make one at the same moment: the first one made stays, the others read it
            try {
                Files.createLink(file, draft);
            } catch (FileAlreadyExistsException madeMeanwhile) {
                return;
            } catch (IOException | UnsupportedOperationException noHardLinks) {
                Files.move(draft, file);
            }
            log.info("Made a tracking token secret for this installation in {}", file.toAbsolutePath());
        } catch (FileAlreadyExistsException madeMeanwhile) {
            // read the one that is there
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            java.io.File plain = file.toFile();
            boolean restricted = plain.setReadable(false, false) && plain.setReadable(true, true)
                    && plain.setWritable(false, false) && plain.setWritable(true, true);
            if (!restricted) {
                log.warn("Could not restrict {} to its owner: protect the data folder", file);
            }
        }
    }
}
