package io.touchpoint.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.journey.Catalog;
import io.touchpoint.journey.CustomerJourneyProcess.Vars;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Generates the customer's documents as PDF: a Thymeleaf template of {@code src/main/resources/documents/} (XHTML,
 * styled with CSS paged media) filled with the journey's variables, rendered by openhtmltopdf. The templates see
 * every variable they are given and, ready to print: {@code quoteLineRows} and {@code auxiliaryLineRows}
 * ({@link QuoteLine}s), {@code numbersToPortList}, {@code serviceLabels}, {@code auxiliaryServiceLabels},
 * {@code issuedOn} (today in the business calendar's zone) and {@code format} ({@link Format}: money and dates).
 */
@Service
public class Documents {

    /**
     * The documents' type: Liberation Sans (SIL Open Font License, {@code documents/fonts/}), regular and bold,
     * embedded as far as used, so that a name such as "Łódź Dental" prints as typed (the PDF standard font Helvetica
     * holds Latin-1 only).
     */
    static final String FONT_FAMILY = "Liberation Sans";
    private static final String FONTS = "/documents/fonts/";

    private static final Logger log = LoggerFactory.getLogger(Documents.class);

    private final BusinessCalendar calendar;
    private final TemplateEngine templates = documentTemplateEngine();

    public Documents(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The document, filled with {@code variables}.
     *
     * @throws IllegalArgumentException for a name that is no {@link Document}
     */
    public GeneratedDocument generate(String name, Map<String, Object> variables) {
        Document document = Document.named(name);
        return new GeneratedDocument(document.fileName(variables), pdf(html(document, variables)));
    }

    /**
     * Renders one document in the background once the application has started, so that the first customer's step
     * does not wait while the renderer and the fonts load (seconds on a cold JVM; a few hundred milliseconds after).
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread thread = new Thread(() -> {
            try {
                generate(Document.PRODUCT_OVERVIEW.templateName, Map.of());
            } catch (RuntimeException e) {
                log.warn("Could not render a document at start-up; the first email with a document will tell why", e);
            }
        }, "documents-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** The documents of a comma- (or semicolon-) separated list of names, or of a collection; none for null. */
    public List<GeneratedDocument> generateAll(Object names, Map<String, Object> variables) {
        if (names == null) {
            return List.of();
        }
        Stream<String> each = names instanceof Collection<?> collection ? collection.stream().map(String::valueOf)
                : Arrays.stream(names.toString().split("[,;]"));
        return each.map(String::trim).filter(s -> !s.isEmpty()).map(name -> generate(name, variables)).toList();
    }

    /** The XHTML the PDF is rendered from. */
    String html(Document document, Map<String, Object> variables) {
        Map<String, Object> model = new HashMap<>(variables);
        Format format = new Format(calendar);
        model.put("format", format);
        model.put("issuedOn", format.date(calendar.now()));
        model.put("quoteLineRows", QuoteLine.parse(variables.get(Vars.QUOTE_LINES)));
        model.put("auxiliaryLineRows", QuoteLine.parse(variables.get("auxiliaryQuoteLines")));
        model.put("numbersToPortList", list(variables.get(Vars.NUMBERS_TO_PORT), "[\\r\\n,;]+"));
        model.put("serviceLabels", labels(variables.get(Vars.REQUESTED_SERVICES), false));
        model.put("auxiliaryServiceLabels", labels(variables.get(Vars.AUXILIARY_SERVICES), true));
        return templates.process(document.templateName, new Context(Locale.US, model));
    }

    static byte[] pdf(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (int weight : new int[] {400, 700}) {
                String file = FONTS + (weight == 400 ? "LiberationSans-Regular.ttf" : "LiberationSans-Bold.ttf");
                builder.useFont(() -> Documents.class.getResourceAsStream(file), FONT_FAMILY, weight,
                        BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render a document to PDF", e);
        }
    }

    private static List<String> list(Object value, String separators) {
        if (value == null) {
            return List.of();
        }
        Stream<String> each = value instanceof Collection<?> collection ? collection.stream().map(String::valueOf)
                : Arrays.stream(value.toString().split(separators));
        return each.map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The labels of service codes (HOSTED_VOICE: "Hosted VoIP phone system"); an unknown code stays as it is. */
    private static List<String> labels(Object codes, boolean auxiliary) {
        return list(codes, "[,;]").stream().map(code -> {
            try {
                return auxiliary ? Catalog.AuxiliaryService.valueOf(code).label : Catalog.Service.valueOf(code).label;
            } catch (IllegalArgumentException unknown) {
                return code;
            }
        }).toList();
    }

    /** What the templates format with: {@code ${format.money(quoteMonthlyTotal)}}, {@code ${format.date(...)}}. */
    public static final class Format {

        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
        private final BusinessCalendar calendar;

        Format(BusinessCalendar calendar) {
            this.calendar = calendar;
        }

        /** An amount in US dollars: {@code $1,250.00}; empty for none; a text that is no number as it is. */
        public String money(Object amount) {
            if (amount == null || amount.toString().isBlank()) {
                return "";
            }
            try {
                BigDecimal value = new BigDecimal(amount.toString().replace("$", "").replace(",", "").strip());
                return String.format(Locale.US, "$%,.2f", value);
            } catch (NumberFormatException notANumber) {
                return amount.toString();
            }
        }

        /** A date as a customer in the US reads it: {@code December 1, 2026}. */
        public String date(Object when) {
            if (when instanceof Instant instant) {
                return DATE.format(instant.atZone(calendar.zone()));
            }
            if (when instanceof java.util.Date date) {
                return DATE.format(date.toInstant().atZone(calendar.zone()));
            }
            if (when instanceof LocalDate date) {
                return DATE.format(date);
            }
            return when == null ? "" : when.toString();
        }
    }

    private static TemplateEngine documentTemplateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("documents/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
