package io.touchpoint.postsales;

/** Ids of {@code processes/post-sales.bpmn} that code and tests share. */
public final class PostSalesProcess {

    public static final String PROCESS_ID = "postSales";
    public static final String RESOURCE = "processes/post-sales.bpmn";

    public static final class Messages {
        public static final String SURVEY_ANSWERED = "InstallationSurveyAnswered";
        /** The billing system issued the order's first full invoice (order event INVOICE_ISSUED, PST-07). */
        public static final String FIRST_INVOICE_ISSUED = "FirstInvoiceIssued";

        private Messages() {
        }
    }

    public static final class Vars {
        public static final String ACCOUNT_MANAGER = "accountManager";
        public static final String ACCOUNT_MANAGER_NAME = "accountManagerName";
        public static final String ACCOUNT_MANAGER_EMAIL = "accountManagerEmail";
        public static final String PRESIDENT_NOTE = "presidentNote";
        public static final String BILL_DISCREPANCY = "billDiscrepancy";
        public static final String FIRST_INVOICE_ISSUED_AT = "firstInvoiceIssuedAt";

        private Vars() {
        }
    }

    private PostSalesProcess() {
    }
}
