package io.touchpoint.provisioning;

import io.touchpoint.journey.CustomerJourneyProcess;

/** Ids of {@code processes/provisioning.bpmn} that code and tests share. */
public final class ProvisioningProcess {

    public static final String PROCESS_ID = "provisioning";
    public static final String RESOURCE = "processes/provisioning.bpmn";

    public static final class Messages {
        public static final String LOA_SIGNED = "LoaSigned";
        public static final String FOC_RECEIVED = "FocReceived";
        public static final String FOC_CHANGED = "FocChanged";
        public static final String PORT_REJECTED = "PortRejected";
        public static final String EQUIPMENT_DELIVERED = "EquipmentDelivered";
        public static final String PORT_COMPLETED = "PortCompleted";
        public static final String ORDER_CHANGE_SIGNED = "OrderChangeSigned";
        /** PRV-11: the customer accepts the install date of the invitation. */
        public static final String INSTALL_DATE_ACCEPTED = "InstallDateAccepted";
        /** PRV-11: the customer proposes another install date ({@link Vars#PROPOSED_INSTALL_AT}). */
        public static final String INSTALL_DATE_PROPOSED = "InstallDateProposed";

        private Messages() {
        }
    }

    /** Process variables that code reads or writes; those the whole journey shares are the journey's. */
    public static final class Vars {
        public static final String NUMBERS_TO_PORT = CustomerJourneyProcess.Vars.NUMBERS_TO_PORT;
        public static final String FOC_AT = "focAt";
        public static final String FOC_RECEIVED_AT = "focReceivedAt";
        public static final String PORT_REJECTION_REASON = "portRejectionReason";
        public static final String PORT_REQUEST_REFERENCE = "portRequestReference";
        public static final String LOA_SIGNED_AT = "loaSignedAt";
        /** The LOA's details from the current bill (PRV-07), as Client Services enters them; the LOA template reads them. */
        public static final String CURRENT_PROVIDER_ACCOUNT = "currentProviderAccount";
        public static final String BILLING_TELEPHONE_NUMBER = "billingTelephoneNumber";
        public static final String EQUIPMENT_DELIVERED_AT = "equipmentDeliveredAt";
        public static final String PORT_COMPLETED_AT = "portCompletedAt";
        public static final String ORDER_CHANGE_SIGNED_AT = "orderChangeSignedAt";
        public static final String TENTATIVE_INSTALL_AT = "tentativeInstallAt";
        public static final String INSTALL_AT = CustomerJourneyProcess.Vars.INSTALL_AT;
        public static final String INSTALL_DATE_TEXT = CustomerJourneyProcess.Vars.INSTALL_DATE_TEXT;
        public static final String INSTALL_INVITE_SEQUENCE = "installInviteSequence";
        /** When the technician must be on site, as the technician's emails read it. */
        public static final String ON_SITE_AT_TEXT = "onSiteAtText";
        public static final String INSTALL_DATE_ANSWERED_AT = "installDateAnsweredAt";
        public static final String PROPOSED_INSTALL_AT = "proposedInstallAt";
        public static final String PROPOSED_INSTALL_DATE_TEXT = "proposedInstallDateText";
        public static final String INSTALL_DATE_COMMENT = "installDateComment";
        /** The coordinator's decision on a proposed date: {@code ACCEPT} or {@code COUNTER}. */
        public static final String INSTALL_DATE_DECISION = "installDateDecision";
        public static final String COUNTER_INSTALL_AT = "counterInstallAt";
        public static final String ORDER_CHANGE = "orderChange";
        public static final String ORDER_CHANGE_DESCRIPTION = "orderChangeDescription";
        public static final String NEW_PHONE_COUNT = "newPhoneCount";
        public static final String PHONE_COUNT = CustomerJourneyProcess.Vars.PHONE_COUNT;
        public static final String ORDER_CHANGE_LOG = "orderChangeLog";
        public static final String ACTIVATION_DATE = CustomerJourneyProcess.Vars.ACTIVATION_DATE;

        private Vars() {
        }
    }

    public static final String TASK_INSTALL_ON_SITE = "Task_InstallOnSite";
    public static final String TASK_AGREE_INSTALL_DATE = "Task_AgreeInstallDate";
    public static final String REMIND_TECHNICIAN = "BoundaryEvent_RemindTechnician";

    private ProvisioningProcess() {
    }
}
