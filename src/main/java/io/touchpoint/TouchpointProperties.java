package io.touchpoint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The installation's own settings ({@code touchpoint.*} at the top level; each feature has its own record for its
 * keys, e.g. {@code touchpoint.mail.*} in {@code notification.MailProperties}).
 *
 * @param baseUrl       the address customers reach Touchpoint at: every link in every email starts with it
 * @param dataDir       where the H2 database and the generated tracking-token secret live
 * @param adminPassword the password of the engine's administrator {@code admin}
 */
@ConfigurationProperties("touchpoint")
@Validated
public record TouchpointProperties(@NotBlank String baseUrl, @NotNull Path dataDir, String adminPassword) {

    public TouchpointProperties {
        baseUrl = baseUrl != null && baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
