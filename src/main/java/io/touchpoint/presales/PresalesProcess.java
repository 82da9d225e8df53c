package io.touchpoint.presales;

/**
 * Ids of {@code processes/presales.bpmn} that code and tests share. The variables shared by the whole journey (the
 * customer, the quote and order numbers, the outcome) are {@code journey.CustomerJourneyProcess.Vars}.
 */
public final class PresalesProcess {

    public static final String PROCESS_ID = "presales";
    public static final String RESOURCE = "processes/presales.bpmn";

    public static final class Messages {
        public static final String ORDER_SIGNED = "OrderSigned";
        public static final String PAYMENT_RECEIVED = "PaymentReceived";

        private Messages() {
        }
    }

    /** Presales' own process variables that code reads or writes. */
    public static final class Vars {
        public static final String HAS_AUXILIARY_SERVICES = "hasAuxiliaryServices";
        public static final String QUOTE_REVISION = "quoteRevision";
        public static final String CUSTOMER_DECISION = "customerDecision";
        public static final String SIGNATURE_URL = "signatureUrl";
        public static final String PAYMENT_URL = "paymentUrl";
        public static final String ORDER_SIGNED_AT = "orderSignedAt";
        public static final String PAYMENT_RECEIVED_AT = "paymentReceivedAt";
        /** PRE-03: the agent set a discovery meeting (needs analysis or start form); offered from this many seats. */
        public static final String DISCOVERY_MEETING_WANTED = "discoveryMeetingWanted";
        public static final String DISCOVERY_MEETING_MIN_SEATS = "discoveryMeetingMinSeats";
        /** PRE-02: the agent's next step after needs analysis, {@link #ASK_PRESALES} or {@link #NEEDS_CLEAR}. */
        public static final String NEEDS_NEXT = "needsNext";
        public static final String PRESALES_QUESTION = "presalesQuestion";
        public static final String PRESALES_ANSWER = "presalesAnswer";
        public static final String PRESALES_ANSWERED_BY = "presalesAnsweredBy";

        private Vars() {
        }
    }

    /** Values of {@link Vars#NEEDS_NEXT}. */
    public static final String ASK_PRESALES = "ASK_PRESALES";
    public static final String NEEDS_CLEAR = "NEEDS_CLEAR";

    private PresalesProcess() {
    }
}
