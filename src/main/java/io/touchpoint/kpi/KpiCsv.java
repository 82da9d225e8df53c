package io.touchpoint.kpi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The KPIs as CSV (RFC 4180, Apache Commons CSV), one record a figure and period: first the whole period
 * ({@code week} empty), then each week. Every cell is quoted, and none holds what a customer typed (the comments are
 * not exported), so a spreadsheet finds no formula in it.
 */
final class KpiCsv {

    static final List<String> HEADER = List.of("kpi", "catalogue", "label", "unit", "period_from", "period_to", "week",
            "value", "count", "group", "agent");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL)
            .setHeader(HEADER.toArray(String[]::new)).get();

    private KpiCsv() {
    }

    static String write(KpiReport report) {
        StringBuilder csv = new StringBuilder();
        String group = report.group() == null ? "" : report.group();
        String agent = report.agent() == null ? "" : report.agent();
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            for (KpiReport.Figure figure : report.figures()) {
                String narrowedGroup = figure.narrowed() ? group : "";
                String narrowedAgent = figure.narrowed() ? agent : "";
                printer.printRecord(figure.id(), figure.catalogue(), figure.label(), figure.unit(), report.from(),
                        report.to(), "", number(figure.value()), figure.count(), narrowedGroup, narrowedAgent);
                for (KpiReport.Point point : figure.weekly()) {
                    printer.printRecord(figure.id(), figure.catalogue(), figure.label(), figure.unit(), report.from(),
                            report.to(), point.week(), number(point.value()), point.count(), narrowedGroup,
                            narrowedAgent);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    /** Plain decimal notation, empty when nothing was measured. */
    private static String number(Double value) {
        if (value == null) {
            return "";
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
