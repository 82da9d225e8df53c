package io.touchpoint.outage;

import static io.touchpoint.journey.CustomerJourneyProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** PST-04: the customer's contact email joins the outage notification list. */
@Component("addToOutageList")
public class AddToOutageListDelegate implements JavaDelegate {

    private final OutageList outageList;

    public AddToOutageListDelegate(OutageList outageList) {
        this.outageList = outageList;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outageList.add((String) execution.getVariable(CONTACT_EMAIL), (String) execution.getVariable(COMPANY_NAME),
                (String) execution.getVariable(ORDER_NUMBER));
    }
}
