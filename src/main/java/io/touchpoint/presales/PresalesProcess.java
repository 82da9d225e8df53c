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

        private Vars() {
        }
    }

    private PresalesProcess() {
    }
}
