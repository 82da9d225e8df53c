package io.touchpoint.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outage list's CSV keeps every cell free of formulas however a spreadsheet reads it (issue 9, item 18): with
 * quotes honoured and any delimiter, or split naively on commas, semicolons, tabs or line breaks.
 */
class OutageListCsvTest {

    static final Pattern FORMULA_START = Pattern.compile("^[ \\t\\r\\n]*[=+\\-@]");

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", " =1+1", "  +SUM(A1)", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "x;=1+1", "x,=1+1",
            "x; =HYPERLINK(\"http://evil.example\")", "x\t=1", "x|=1", "Acme\n\n=HYPERLINK(\"y\")", "a;b,c\t-d"})
    void noReadingOfTheFileFindsAFormula(String company) throws IOException {
        String csv = OutageListCsv.write(List.of(new OutageList.Subscriber("=cmd@evil.example", company, "+O-1",
                Instant.parse("2026-12-01T10:00:00Z"))));

        for (char delimiter : new char[] {',', ';', '\t'}) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setDelimiter(delimiter).setTrailingData(true)
                    .setLenientEof(true).get().parse(new StringReader(csv))) {
                record.forEach(cell -> assertThat(cell).as("quotes honoured, delimiter '%s'", delimiter)
                        .doesNotContainPattern(FORMULA_START));
            }
        }
        for (String naiveCell : csv.split("[,;\\t|\\r\\n]")) {
            assertThat(naiveCell.replace("\"", "")).as("split without honouring quotes").doesNotContainPattern(FORMULA_START);
        }
    }

    @Test
    void everyCellIsQuotedAndReadsBackAsWritten() throws IOException {
        String csv = OutageListCsv.write(List.of(
                new OutageList.Subscriber("dana@harbor.example", "Harbor Dental, Inc.", "O-2026-00310",
                        Instant.parse("2026-12-01T10:00:00Z")),
                new OutageList.Subscriber("x@evil.example", "Evil \"Quotes\" Ltd", "O-2026-00311",
                        Instant.parse("2026-12-01T10:00:00Z"))));

        assertThat(csv).startsWith("\"email\",\"company\",\"order\",\"added_at\"\r\n")
                .contains("\"dana@harbor.example\",\"Harbor Dental, Inc.\",\"O-2026-00310\",\"2026-12-01T10:00:00Z\"\r\n");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records).extracting(r -> r.get("company")).containsExactly("Harbor Dental, Inc.", "Evil \"Quotes\" Ltd");
    }

    @Test
    void aFormulaIsKeptAsTextWithAQuoteBeforeIt() {
        assertThat(OutageListCsv.guard("=1+1")).isEqualTo("'=1+1");
        assertThat(OutageListCsv.guard(" =1+1")).isEqualTo(" '=1+1");
        assertThat(OutageListCsv.guard("x;=1+1")).isEqualTo("x;'=1+1");
        assertThat(OutageListCsv.guard("\tabc")).isEqualTo("'\tabc");
        assertThat(OutageListCsv.guard("Harbor Dental, Inc.")).isEqualTo("Harbor Dental, Inc.");
        assertThat(OutageListCsv.guard("O-2026-00310")).as("a dash inside is no formula").isEqualTo("O-2026-00310");
    }
}
