package io.touchpoint.journey;

import java.util.List;
import java.util.stream.Stream;

/**
 * Ids of {@code processes/customer-journey.bpmn}, the whole journey, which calls each stage; and the variables shared
 * by the whole journey, with what moves into and out of each stage (the {@code camunda:in} and {@code camunda:out}
 * mappings of the call activities, which {@code CustomerJourneyProcessTest} holds to these lists).
 */
public final class CustomerJourneyProcess {

    public static final String PROCESS_ID = "customerJourney";
    public static final String RESOURCE = "processes/customer-journey.bpmn";

    /** The variables shared by the whole journey: every stage reads them under these names. */
    public static final class Vars {
        // the customer, from the quote request (PRE-05) or the sales rep's start form
        public static final String COMPANY_NAME = "companyName";
        public static final String CONTACT_NAME = "contactName";
        public static final String CONTACT_EMAIL = "contactEmail";
        public static final String PHONE = "phone";
        public static final String SEATS = "seats";
        public static final String REQUESTED_SERVICES = "requestedServices";
        public static final String AUXILIARY_SERVICES = "auxiliaryServices";
        public static final String CURRENT_PROVIDER = "currentProvider";
        public static final String CURRENT_SERVICES = "currentServices";
        public static final String NOTES = "notes";
        public static final String NEEDS_ANALYSIS = "needsAnalysis";
        /** How the quote request came in: {@link #CHANNEL_WEB_FORM} or {@link #CHANNEL_SALES_REP}. */
        public static final String CHANNEL = "channel";
        /** True when a sales rep met the customer before the journey started (the start form in Tasklist). */
        public static final String INTRODUCTION_DONE = "introductionDone";

        // the journey's numbers and owner
        /** The quote number: also the business key of the journey and of each stage. */
        public static final String QUOTE_NUMBER = "quoteNumber";
        public static final String ORDER_NUMBER = "orderNumber";
        /** The user id of the sales rep who owns the customer (the first to work a sales-rep task, or the starter). */
        public static final String SALES_REP = "salesRep";

        // the order as the sales rep's workbook records it (PRE-06, PRE-09)
        public static final String CHOSEN_QUOTE = "chosenQuote";
        public static final String QUOTE_LINES = "quoteLines";
        public static final String QUOTE_MONTHLY_TOTAL = "quoteMonthlyTotal";
        public static final String QUOTE_ONE_TIME_TOTAL = "quoteOneTimeTotal";
        public static final String CONTRACT_TERM_MONTHS = "contractTermMonths";
        public static final String PHONE_COUNT = "phoneCount";
        public static final String EXTENSION_COUNT = "extensionCount";
        public static final String NUMBERS_TO_PORT = "numbersToPort";
        public static final String AUTO_ATTENDANT = "autoAttendant";
        public static final String PROFESSIONAL_RECORDING = "professionalRecording";
        public static final String CALLER_ID_NAME = "callerIdName";
        public static final String INSTALL_ADDRESS = "installAddress";
        public static final String E911_ADDRESS = "e911Address";
        public static final String IT_CONTACT_NAME = "itContactName";
        public static final String IT_CONTACT_EMAIL = "itContactEmail";
        /** The customer's contact for the running account (account manager, bills): FJ "primary contact". */
        public static final String PRIMARY_CONTACT_NAME = "primaryContactName";
        public static final String PRIMARY_CONTACT_EMAIL = "primaryContactEmail";
        /** Copied while we deliver (welcome, installation, completion notice): FJ "office manager"; may be empty. */
        public static final String OFFICE_MANAGER_NAME = "officeManagerName";
        public static final String OFFICE_MANAGER_EMAIL = "officeManagerEmail";

        // how presales ended (KPI-01)
        public static final String PRESALES_OUTCOME = "presalesOutcome";
        public static final String PRESALES_OUTCOME_REASON = "presalesOutcomeReason";
        public static final String PRESALES_CLOSED_AT = "presalesClosedAt";

        // install day (PRV-14 to PRV-16)
        public static final String INSTALL_AT = "installAt";
        public static final String INSTALL_DATE_TEXT = "installDateText";
        public static final String INSTALLED_BY = "installedBy";
        public static final String ACTIVATION_DATE = "activationDate";

        // post-sales (PST-06)
        public static final String ACCOUNT_MANAGER = "accountManager";

        private Vars() {
        }
    }

    /** Values of {@link Vars#CHANNEL}. */
    public static final String CHANNEL_WEB_FORM = "WEB_FORM";
    public static final String CHANNEL_SALES_REP = "SALES_REP";

    /** Values of {@link Vars#PRESALES_OUTCOME}. */
    public static final String WON = "WON";
    public static final String LOST = "LOST";

    /** Who the customer is, as every stage shows it. */
    public static final List<String> CUSTOMER = List.of(Vars.COMPANY_NAME, Vars.CONTACT_NAME, Vars.CONTACT_EMAIL,
            Vars.PHONE, Vars.SEATS, Vars.REQUESTED_SERVICES, Vars.AUXILIARY_SERVICES, Vars.CURRENT_PROVIDER,
            Vars.CURRENT_SERVICES, Vars.NOTES, Vars.NEEDS_ANALYSIS);

    /** The won order, as presales hands it over. */
    public static final List<String> ORDER = List.of(Vars.ORDER_NUMBER, Vars.CHOSEN_QUOTE, Vars.QUOTE_LINES,
            Vars.QUOTE_MONTHLY_TOTAL, Vars.QUOTE_ONE_TIME_TOTAL, Vars.CONTRACT_TERM_MONTHS, Vars.PHONE_COUNT,
            Vars.EXTENSION_COUNT, Vars.NUMBERS_TO_PORT, Vars.AUTO_ATTENDANT, Vars.PROFESSIONAL_RECORDING,
            Vars.CALLER_ID_NAME, Vars.INSTALL_ADDRESS, Vars.E911_ADDRESS, Vars.IT_CONTACT_NAME, Vars.IT_CONTACT_EMAIL,
            Vars.PRIMARY_CONTACT_NAME, Vars.PRIMARY_CONTACT_EMAIL, Vars.OFFICE_MANAGER_NAME, Vars.OFFICE_MANAGER_EMAIL);

    /** What presales gets from the journey's start. */
    public static final List<String> INTO_PRESALES = concat(List.of(Vars.QUOTE_NUMBER, Vars.SALES_REP, Vars.CHANNEL,
            Vars.INTRODUCTION_DONE), CUSTOMER);
    /** What presales hands back: the customer as the sales rep updated it, the order, and how presales ended. */
    public static final List<String> OUT_OF_PRESALES = concat(List.of(Vars.SALES_REP, Vars.PRESALES_OUTCOME,
            Vars.PRESALES_OUTCOME_REASON, Vars.PRESALES_CLOSED_AT), CUSTOMER, ORDER);
    /** What provisioning gets: the customer and the order. */
    public static final List<String> INTO_PROVISIONING = concat(List.of(Vars.QUOTE_NUMBER, Vars.SALES_REP), CUSTOMER,
            ORDER);
    /** What provisioning hands back: install day, and the phone count an order change may have changed. */
    public static final List<String> OUT_OF_PROVISIONING = List.of(Vars.INSTALL_AT, Vars.INSTALL_DATE_TEXT,
            Vars.INSTALLED_BY, Vars.ACTIVATION_DATE, Vars.PHONE_COUNT);
    /** What post-sales gets: the customer, the order and install day. */
    public static final List<String> INTO_POST_SALES = concat(List.of(Vars.QUOTE_NUMBER, Vars.SALES_REP), CUSTOMER, ORDER,
            List.of(Vars.INSTALL_AT, Vars.INSTALL_DATE_TEXT, Vars.INSTALLED_BY, Vars.ACTIVATION_DATE));
    /** What post-sales hands back: the customer's account manager. */
    public static final List<String> OUT_OF_POST_SALES = List.of(Vars.ACCOUNT_MANAGER);

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).distinct().toList();
    }

    private CustomerJourneyProcess() {
    }
}
