package io.touchpoint.outage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The outage list as CSV (RFC 4180, Apache Commons CSV), safe to open in a spreadsheet whatever the customers typed:
 * <ul>
 *   <li>every cell is quoted, so a spreadsheet that honours quotes keeps each cell whole, whichever separator
 *       (comma, semicolon, tab) it is set to;</li>
 *   <li>a cell whose first character after leading blanks is {@code = + - @}, or that starts with a tab or carriage
 *       return, gets a leading {@code '}, which spreadsheets take as "text, not a formula";</li>
 *   <li>and so does every part of a cell after a character some reader may split on (comma, semicolon, tab, pipe,
 *       line break) that starts, after blanks, with one of those characters: {@code x;=1+1} becomes {@code x;'=1+1},
 *       so that a reader that splits without honouring quotes finds no formula either.</li>
 * </ul>
 */
final class OutageListCsv {

    static final List<String> HEADER = List.of("email", "company", "order", "added_at");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL)
            .setHeader(HEADER.toArray(String[]::new)).get();

    /** A formula trigger at the start of a cell or after a separator, after any blanks. */
    private static final Pattern FORMULA = Pattern.compile("(^|[,;\\t|\\r\\n])([ \\t\\r\\n]*)([=+\\-@])");
    private static final Pattern LEADING_CONTROL = Pattern.compile("^[\\t\\r]");

    private OutageListCsv() {
    }

    static String write(List<OutageList.Subscriber> subscribers) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            for (OutageList.Subscriber s : subscribers) {
                printer.printRecord(guard(s.email()), guard(s.companyName()), guard(s.orderNumber()),
                        DateTimeFormatter.ISO_INSTANT.format(s.addedAt()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    /** The cell's text with a {@code '} before every formula a spreadsheet could find in it. */
    static String guard(String value) {
        if (value == null) {
            return "";
        }
        String guarded = FORMULA.matcher(value).replaceAll("$1$2'$3");
        return LEADING_CONTROL.matcher(guarded).find() ? "'" + guarded : guarded;
    }
}
