package io.touchpoint.documents;

import io.touchpoint.journey.CustomerJourneyProcess;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The documents Touchpoint generates as PDF for the customer, each from its template
 * {@code src/main/resources/documents/<name>.html}, named in the "send an email" step's input parameter
 * {@code documents}.
 */
public enum Document {

    /** PRE-01: what the provider offers, handed over with the introduction. */
    PRODUCT_OVERVIEW("product-overview", null),
    /** PRE-08: the service proposal the agent presents: the quote's products, seats and prices. */
    SERVICE_PROPOSAL("service-proposal", CustomerJourneyProcess.Vars.QUOTE_NUMBER),
    /** PRE-10: the service agreement the customer signs, from the order and its workbook. */
    SERVICE_AGREEMENT("service-agreement", CustomerJourneyProcess.Vars.ORDER_NUMBER),
    /** PRV-07: the Letter of Authorization to port the customer's numbers. */
    LETTER_OF_AUTHORIZATION("letter-of-authorization", CustomerJourneyProcess.Vars.ORDER_NUMBER);

    /** The name of the template and of the document in the models, e.g. {@code service-proposal}. */
    public final String templateName;
    private final String numberVariable;

    Document(String templateName, String numberVariable) {
        this.templateName = templateName;
        this.numberVariable = numberVariable;
    }

    /**
     * The document of that name ({@code service-proposal}, ...).
     *
     * @throws IllegalArgumentException naming the known documents when there is none of that name
     */
    public static Document named(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.templateName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown document '" + name + "': the documents are "
                        + String.join(", ", Arrays.stream(values()).map(d -> d.templateName).toList())));
    }

    /** The file name the customer sees: the document's name and its quote or order number. */
    public String fileName(Map<String, Object> variables) {
        Object number = numberVariable == null ? null : variables.get(numberVariable);
        String suffix = number == null ? "" : "-" + number.toString().replaceAll("[^A-Za-z0-9-]", "");
        return templateName + suffix + ".pdf";
    }
}
