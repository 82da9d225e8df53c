package io.touchpoint.journey;

/** Ids of {@code processes/customer-journey.bpmn}: the whole journey, which calls each stage. */
public final class CustomerJourneyProcess {

    public static final String PROCESS_ID = "customerJourney";
    public static final String RESOURCE = "processes/customer-journey.bpmn";

    private CustomerJourneyProcess() {
    }
}
