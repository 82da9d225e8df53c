package io.touchpoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The map from each touchpoint to what implements and tests it, {@code docs/touchpoint-map.md}: one row per tagged
 * element, with its model, its delegate or form, and the process test class that drives a path through it.
 * {@code ModelConventionsTest} holds the rows to the models; {@link ProcessTestSupport} holds each test class to its rows.
 */
public final class TouchpointMap {

    public static final Path FILE = Path.of("docs", "touchpoint-map.md");

    private static final Pattern ROW = Pattern.compile(
            "^\\| ((?:PRE|PRV|PST|SUP|REG)-\\d\\d) \\| `([^`]+)` \\| `([^`]+)` \\| (.+?) \\| `([A-Za-z]+)` \\|$", Pattern.MULTILINE);

    /**
     * One row.
     *
     * @param touchpoint the catalogue's ID
     * @param model      the file of processes/ that holds the element
     * @param element    the element's id
     * @param implementation what the element runs or shows: a delegate bean, a form, a message, a timer
     * @param test       the simple name of the process test class that drives a path through the element
     */
    public record Row(String touchpoint, String model, String element, String implementation, String test) {

        public String line() {
            return "| " + touchpoint + " | `" + model + "` | `" + element + "` | " + implementation + " | `" + test + "` |";
        }
    }

    private TouchpointMap() {
    }

    public static List<Row> rows() {
        try {
            Matcher rows = ROW.matcher(Files.readString(FILE));
            return rows.results().map(row -> new Row(row.group(1), row.group(2), row.group(3), row.group(4), row.group(5)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
