package io.touchpoint.orders;

import io.touchpoint.postsales.PostSalesProcess;
import io.touchpoint.presales.PresalesProcess;
import io.touchpoint.provisioning.ProvisioningProcess;

/**
 * What outside providers (e-signature, payment, carrier, equipment supplier, billing) report about an order, each with
 * the BPMN message it correlates, the variable that records its arrival (which makes a second delivery
 * recognisable), and the data it must carry.
 */
public enum OrderEventType {
    ORDER_SIGNED(PresalesProcess.Messages.ORDER_SIGNED, PresalesProcess.Vars.ORDER_SIGNED_AT, Carries.NOTHING),
    PAYMENT_RECEIVED(PresalesProcess.Messages.PAYMENT_RECEIVED, PresalesProcess.Vars.PAYMENT_RECEIVED_AT, Carries.NOTHING),
    CHANGE_SIGNED(ProvisioningProcess.Messages.ORDER_CHANGE_SIGNED, ProvisioningProcess.Vars.ORDER_CHANGE_SIGNED_AT,
            Carries.NOTHING),
    LOA_SIGNED(ProvisioningProcess.Messages.LOA_SIGNED, ProvisioningProcess.Vars.LOA_SIGNED_AT, Carries.NOTHING),
    FOC_RECEIVED(ProvisioningProcess.Messages.FOC_RECEIVED, ProvisioningProcess.Vars.FOC_RECEIVED_AT, Carries.FOC_AT),
    /** Repeatable: the carrier may move the FOC date more than once, but only after it gave one. */
    FOC_CHANGED(ProvisioningProcess.Messages.FOC_CHANGED, null, Carries.FOC_AT),
    /** Repeatable: every resubmitted port request can be rejected again. */
    PORT_REJECTED(ProvisioningProcess.Messages.PORT_REJECTED, null, Carries.REASON),
    EQUIPMENT_DELIVERED(ProvisioningProcess.Messages.EQUIPMENT_DELIVERED,
            ProvisioningProcess.Vars.EQUIPMENT_DELIVERED_AT, Carries.NOTHING),
    PORT_COMPLETED(ProvisioningProcess.Messages.PORT_COMPLETED, ProvisioningProcess.Vars.PORT_COMPLETED_AT,
            Carries.NOTHING),
    /** The billing system issued the first full invoice: post-sales reviews it against the contract (PST-07). */
    INVOICE_ISSUED(PostSalesProcess.Messages.FIRST_INVOICE_ISSUED, PostSalesProcess.Vars.FIRST_INVOICE_ISSUED_AT,
            Carries.NOTHING);

    /** The data an event must carry besides its type. */
    public enum Carries { NOTHING, FOC_AT, REASON }

    public final String message;
    /** Null for repeatable events. */
    public final String receivedAtVariable;
    public final Carries carries;

    OrderEventType(String message, String receivedAtVariable, Carries carries) {
        this.message = message;
        this.receivedAtVariable = receivedAtVariable;
        this.carries = carries;
    }
}
