package io.touchpoint.documents;

import java.util.Objects;

/**
 * A document rendered to PDF.
 *
 * @param fileName e.g. {@code service-agreement-O-2026-00001.pdf}
 * @param content  the PDF's bytes
 */
public record GeneratedDocument(String fileName, byte[] content) {

    public static final String CONTENT_TYPE = "application/pdf";

    public GeneratedDocument {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GeneratedDocument d && fileName.equals(d.fileName)
                && java.util.Arrays.equals(content, d.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, java.util.Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "GeneratedDocument[" + fileName + ", " + content.length + " bytes]";
    }
}
