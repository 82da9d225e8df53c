package io.touchpoint.presales;

/** Ids of {@code processes/presales.bpmn} that code and tests share. */
public final class PresalesProcess {

    public static final String PROCESS_ID = "presales";
    public static final String RESOURCE = "processes/presales.bpmn";

    public static final class Messages {
        public static final String ORDER_SIGNED = "OrderSigned";
        public static final String PAYMENT_RECEIVED = "PaymentReceived";

        private Messages() {
        }
    }

    public static final class Errors {
        public static final String ORDER_WITHDRAWN = "ORDER_WITHDRAWN";

        private Errors() {
        }
    }

    /** Process variables that code reads or writes. */
    public static final class Vars {
        public static final String QUOTE_NUMBER = "quoteNumber";
        public static final String ORDER_NUMBER = "orderNumber";
        public static final String CHANNEL = "channel";
        public static final String INTRODUCTION_DONE = "introductionDone";
        public static final String SEATS = "seats";
        public static final String HAS_AUXILIARY_SERVICES = "hasAuxiliaryServices";
        public static final String QUOTE_REVISION = "quoteRevision";
        public static final String CUSTOMER_DECISION = "customerDecision";
        public static final String SIGNATURE_URL = "signatureUrl";
        public static final String PAYMENT_URL = "paymentUrl";
        public static final String ORDER_SIGNED_AT = "orderSignedAt";
        public static final String PAYMENT_RECEIVED_AT = "paymentReceivedAt";
        public static final String OUTCOME = "presalesOutcome";
        public static final String OUTCOME_REASON = "presalesOutcomeReason";
        public static final String CLOSED_AT = "presalesClosedAt";

        private Vars() {
        }
    }

    /** Values of {@link Vars#CHANNEL}. */
    public static final String CHANNEL_WEB_FORM = "WEB_FORM";
    public static final String CHANNEL_SALES_REP = "SALES_REP";

    /** Values of {@link Vars#OUTCOME}. */
    public static final String WON = "WON";
    public static final String LOST = "LOST";

    private PresalesProcess() {
    }
}
