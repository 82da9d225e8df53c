package io.touchpoint.presales;

import static io.touchpoint.journey.CustomerJourneyProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The order names the customer's contacts as the fiber journey map expects them (issue 13, point 12): the technology
 * decision maker who asked for the quote ({@code contactName}), the IT contact, the office manager and the primary
 * contact for the running account. When the sales rep's workbook task starts, the primary contact is proposed as the
 * requester, so the rep changes it only when the customer names someone else; the office manager stays empty until
 * the rep fills it in.
 */
@Component("orderContacts")
public class OrderContacts implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (isBlank(task.getVariable(PRIMARY_CONTACT_NAME)) && isBlank(task.getVariable(PRIMARY_CONTACT_EMAIL))) {
            task.setVariable(PRIMARY_CONTACT_NAME, task.getVariable(CONTACT_NAME));
            task.setVariable(PRIMARY_CONTACT_EMAIL, task.getVariable(CONTACT_EMAIL));
        }
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
