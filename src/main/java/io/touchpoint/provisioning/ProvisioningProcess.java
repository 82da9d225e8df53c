package io.touchpoint.provisioning;

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

        private Messages() {
        }
    }

    /** Process variables that code reads or writes. */
    public static final class Vars {
        public static final String NUMBERS_TO_PORT = "numbersToPort";
        public static final String FOC_AT = "focAt";
        public static final String FOC_RECEIVED_AT = "focReceivedAt";
        public static final String PORT_REJECTION_REASON = "portRejectionReason";
        public static final String PORT_REQUEST_REFERENCE = "portRequestReference";
        public static final String LOA_SIGNED_AT = "loaSignedAt";
        public static final String EQUIPMENT_DELIVERED_AT = "equipmentDeliveredAt";
        public static final String PORT_COMPLETED_AT = "portCompletedAt";
        public static final String ORDER_CHANGE_SIGNED_AT = "orderChangeSignedAt";
        public static final String TENTATIVE_INSTALL_AT = "tentativeInstallAt";
        public static final String INSTALL_AT = "installAt";
        public static final String INSTALL_DATE_TEXT = "installDateText";
        public static final String INSTALL_INVITE_SEQUENCE = "installInviteSequence";
        public static final String ORDER_CHANGE = "orderChange";
        public static final String NEW_PHONE_COUNT = "newPhoneCount";
        public static final String PHONE_COUNT = "phoneCount";
        public static final String ORDER_CHANGE_LOG = "orderChangeLog";
        public static final String ACTIVATION_DATE = "activationDate";

        private Vars() {
        }
    }

    public static final String TASK_INSTALL_ON_SITE = "Task_InstallOnSite";

    private ProvisioningProcess() {
    }
}
