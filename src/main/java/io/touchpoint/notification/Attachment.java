package io.touchpoint.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaTypeFactory;

/**
 * A file attached to an email.
 *
 * @param fileName    the name the recipient sees, e.g. {@code portal-user-guide.pdf}
 * @param contentType its MIME type, e.g. {@code application/pdf}
 * @param content     the bytes
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    /** Where the guides live on the classpath ({@code src/main/resources/guides/}). */
    public static final String GUIDES = "guides/";

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public Attachment {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("An attachment needs a file name");
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }

    /**
     * A guide from {@code src/main/resources/guides/}, by file name.
     *
     * @throws IllegalArgumentException naming the file when there is no such guide
     */
    public static Attachment guide(String fileName) {
        String name = fileName == null ? "" : fileName.trim();
        ClassPathResource resource = new ClassPathResource(GUIDES + name);
        if (!FILE_NAME.matcher(name).matches() || name.contains("..") || !resource.isReadable()) {
            throw new IllegalArgumentException("Unknown attachment '" + name + "': there is no file "
                    + "src/main/resources/" + GUIDES + name);
        }
        try (InputStream in = resource.getInputStream()) {
            return new Attachment(name, contentType(name), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read guide " + name, e);
        }
    }

    /**
     * Guides by their names: a comma- (or semicolon-) separated string such as
     * {@code "portal-user-guide.pdf, phone-user-guide.pdf"}, or a collection of names; none for {@code null}.
     */
    public static List<Attachment> guides(Object names) {
        if (names == null) {
            return List.of();
        }
        Stream<String> each = names instanceof Collection<?> collection
                ? collection.stream().map(String::valueOf)
                : Arrays.stream(names.toString().split("[,;]"));
        return each.map(String::trim).filter(s -> !s.isEmpty()).map(Attachment::guide).toList();
    }

    static String contentType(String fileName) {
        return MediaTypeFactory.getMediaType(fileName).map(Object::toString).orElse("application/octet-stream");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment a && fileName.equals(a.fileName) && contentType.equals(a.contentType)
                && Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
