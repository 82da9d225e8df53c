package io.touchpoint.documents;

import java.util.Arrays;
import java.util.List;

/**
 * One line of a quote as the sales engineer types it on the quote form, one per line: "product, quantity, monthly
 * price" ({@code Hosted seat, 25, 25.00}). A line in another shape ({@code 5 x Hosted seat, 25.00}, or words only)
 * keeps its words as the description, so nothing the engineer wrote is lost from the document.
 *
 * @param description what is offered
 * @param quantity    how many, or {@code null}
 * @param unitPrice   the monthly price of one, as written, or {@code null}
 */
public record QuoteLine(String description, String quantity, String unitPrice) {

    /** The lines of a quote text; none for {@code null} or blank. */
    public static List<QuoteLine> parse(Object text) {
        if (text == null) {
            return List.of();
        }
        return text.toString().lines().map(String::strip).filter(line -> !line.isEmpty()).map(QuoteLine::of).toList();
    }

    static QuoteLine of(String line) {
        List<String> parts = Arrays.stream(line.split(",")).map(String::strip).toList();
        if (parts.size() == 3 && isNumber(parts.get(1)) && isNumber(parts.get(2))) {
            return new QuoteLine(parts.get(0), parts.get(1), parts.get(2));
        }
        if (parts.size() == 2 && isNumber(parts.get(1))) {
            return new QuoteLine(parts.get(0), null, parts.get(1));
        }
        return new QuoteLine(line, null, null);
    }

    private static boolean isNumber(String text) {
        return text.matches("\\$?\\d[\\d ]*(\\.\\d+)?");
    }
}
