package io.touchpoint.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.testing.Pdfs;
import io.touchpoint.testing.ProcessTestBeans;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customer's documents as the customer reads them: each generated PDF is opened with PDFBox and its text checked
 * for what the customer needs to find in it. Page 1 of each is also drawn to {@code target/documents/} as PNG, to be
 * looked at.
 */
class DocumentsTest {

    final Documents documents = new Documents(new BusinessCalendar(ProcessTestBeans.CALENDAR));

    @BeforeEach
    void tuesdayFirstOfDecember() {
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-12-01T15:00:00Z")));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void serviceProposalListsTheQuotesProductsSeatsAndPrices() {
        GeneratedDocument proposal = documents.generate("service-proposal", quote());

        assertThat(proposal.fileName()).isEqualTo("service-proposal-Q-2026-00042.pdf");
        assertThat(Pdfs.pages(proposal.content())).isEqualTo(1);
        String text = text(proposal, "service-proposal");
        assertThat(text).contains("Service proposal", "Prepared for Acme Dental on December 1, 2026", "Ann Lee",
                "Q-2026-00042", "Seats 25", "Hosted VoIP phone system, Fiber internet", "36 months",
                "Hosted seat 25 $25.00", "Fiber 500 Mbps 1 $450.00", "Monthly recurring total $1,075.00",
                "One-time charges (installation, equipment) $1,200.00",
                "Quoted by Metro Mobile", "(Mobile lines)", "10 mobile lines 10 $30.00", "Partner monthly total $300.00",
                "Two sites, 25 desks, front desk needs a hunt group");
    }

    @Test
    void serviceAgreementNamesTheOrderItsChargesAndSignatureLines() {
        GeneratedDocument agreement = documents.generate("service-agreement", order());

        assertThat(agreement.fileName()).isEqualTo("service-agreement-O-2026-00017.pdf");
        String text = text(agreement, "service-agreement");
        assertThat(text).contains("Service agreement", "Order O-2026-00017", "Acme Dental", "Q-2026-00042",
                "Ann Lee, ann@acme.example", "1 Main St, Springfield", "Hosted seat 25 $25.00",
                "Primary contact Pat Kim, pat@acme.example", "Office manager Olga Diaz, olga@acme.example",
                "Monthly recurring charges $1,075.00", "One-time charges $1,200.00",
                "36 months from the activation date", "Yes, with professional audio recording", "ACME DENTAL",
                "+1 555 010 0101, +1 555 010 0102",
                "Signature, for Acme Dental", "Signature, for Touchpoint Communications", "Name and title", "Date");
    }

    @Test
    void letterOfAuthorizationListsEveryNumberToPortAndHasTheSignatureLines() {
        Map<String, Object> order = order();
        order.put("currentProviderAccount", "OT-778812");
        order.put("billingTelephoneNumber", "+1 555 010 0100");
        GeneratedDocument loa = documents.generate("letter-of-authorization", order);

        assertThat(loa.fileName()).isEqualTo("letter-of-authorization-O-2026-00017.pdf");
        assertThat(Pdfs.pages(loa.content())).as("one page to sign").isEqualTo(1);
        String text = text(loa, "letter-of-authorization");
        assertThat(text).contains("Letter of Authorization", "O-2026-00017", "Acme Dental", "1 Main St, Springfield",
                "Current provider Old Telco", "OT-778812", "Billing telephone number +1 555 010 0100",
                "1 +1 555 010 0101", "2 +1 555 010 0102", "I authorize Touchpoint Communications",
                "Authorized signature", "Printed name", "Title");
    }

    @Test
    void productOverviewPresentsTheServices() {
        GeneratedDocument overview = documents.generate("product-overview", Map.of("companyName", "Acme Dental"));

        assertThat(overview.fileName()).isEqualTo("product-overview.pdf");
        assertThat(Pdfs.pages(overview.content())).isEqualTo(1);
        assertThat(text(overview, "product-overview")).contains("Product overview", "Prepared for Acme Dental",
                "Hosted VoIP phone system", "SIP trunking", "Fiber internet", "SD-WAN", "Managed Wi-Fi");
    }

    @Test
    void namesOutsideLatinOneReadAsTyped() {
        Map<String, Object> order = order();
        order.put("companyName", "Łódź Dental Sp. z o.o.");
        order.put("contactName", "Zoë Nguyễn");
        String text = text(documents.generate("service-agreement", order), "service-agreement-names");
        assertThat(text).contains("Łódź Dental Sp. z o.o.", "Zoë Nguyễn").doesNotContain("#");
    }

    @Test
    void anUnknownDocumentIsRefusedByName() {
        assertThatThrownBy(() -> documents.generateAll("service-proposal, price-list", quote()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown document 'price-list'").hasMessageContaining("letter-of-authorization");
    }

    static Map<String, Object> quote() {
        Map<String, Object> quote = new HashMap<>();
        quote.put("quoteNumber", "Q-2026-00042");
        quote.put("companyName", "Acme Dental");
        quote.put("contactName", "Ann Lee");
        quote.put("contactEmail", "ann@acme.example");
        quote.put("seats", 25);
        quote.put("requestedServices", List.of("HOSTED_VOICE", "FIBER_INTERNET"));
        quote.put("auxiliaryServices", List.of("MOBILE_LINES"));
        quote.put("currentProvider", "Old Telco");
        quote.put("needsAnalysis", "Two sites, 25 desks, front desk needs a hunt group");
        quote.put("quoteLines", "Hosted seat, 25, 25.00\nFiber 500 Mbps, 1, 450.00\n");
        quote.put("quoteMonthlyTotal", 1075);
        quote.put("quoteOneTimeTotal", 1200L);
        quote.put("contractTermMonths", "36");
        quote.put("auxiliaryProvider", "Metro Mobile");
        quote.put("auxiliaryQuoteLines", "10 mobile lines, 10, 30.00");
        quote.put("auxiliaryMonthlyTotal", 300.0);
        return quote;
    }

    static Map<String, Object> order() {
        Map<String, Object> order = quote();
        order.put("orderNumber", "O-2026-00017");
        order.put("phoneCount", 25);
        order.put("extensionCount", 27);
        order.put("numbersToPort", "+1 555 010 0101\n+1 555 010 0102");
        order.put("autoAttendant", true);
        order.put("professionalRecording", true);
        order.put("callerIdName", "ACME DENTAL");
        order.put("installAddress", "1 Main St, Springfield");
        order.put("e911Address", "1 Main St, Springfield, front desk");
        order.put("itContactName", "Ivan Ito");
        order.put("itContactEmail", "it@acme.example");
        order.put("primaryContactName", "Pat Kim");
        order.put("primaryContactEmail", "pat@acme.example");
        order.put("officeManagerName", "Olga Diaz");
        order.put("officeManagerEmail", "olga@acme.example");
        return order;
    }

    static String text(GeneratedDocument document, String name) {
        return Pdfs.text(document.content(), name);
    }
}
