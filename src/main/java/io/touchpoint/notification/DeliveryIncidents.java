package io.touchpoint.notification;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Incidents about emails that could not be delivered, on the process instance that sent them, so that they show in
 * Cockpit where the journey or ticket is: type {@value #TYPE}, configuration the outbox id, a message naming the
 * email, its recipients, the customer and what to do.
 */
@Component
public class DeliveryIncidents {

    /** The incident type of an email that could not be delivered. */
    public static final String TYPE = "emailDelivery";

    private static final Logger log = LoggerFactory.getLogger(DeliveryIncidents.class);

    private final RuntimeService runtime;
    private final Outbox outbox;

    public DeliveryIncidents(RuntimeService runtime, Outbox outbox) {
        this.runtime = runtime;
        this.outbox = outbox;
    }

    /**
     * Raises the incident about an email that its step could not prepare, just before the step's transaction commits:
     * then the step is done and the process waits at its next activity, where the incident goes (an incident on the
     * step itself would go with it). Outside a transaction (a step of a test engine), none is raised: the email is
     * FAILED in the outbox all the same.
     */
    void raiseBeforeCommit(OutboxEmail email, String error, String whatToDo) {
        if (email.processInstanceId() == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                String waiting = waitingExecution(runtime.getActivityInstance(email.processInstanceId()));
                if (waiting != null) {
                    outbox.incident(email.id(), create(waiting, email, error, whatToDo));
                }
            }
        });
    }

    /**
     * The open incident about the email, or else a new one, raised from the dispatcher if the process instance still
     * runs, on the activity where it waits now (the step that sent the email is done); its id, or {@code null}.
     * Called outside any transaction: the incident is created in one of its own.
     */
    String raise(OutboxEmail email, String error, String whatToDo) {
        Incident open = open(email);
        if (open != null) {
            return open.getId();
        }
        String instance = email.processInstanceId();
        String waiting = instance == null ? null : waitingExecution(runtime.getActivityInstance(instance));
        if (waiting == null) {
            return null;
        }
        try {
            return create(waiting, email, error, whatToDo);
        } catch (ProcessEngineException ended) {
            log.info("Process instance {} ended before the incident about {} could be raised: {}", instance,
                    email.describe(), ended.getMessage());
            return null;
        }
    }

    private String create(String executionId, OutboxEmail email, String error, String whatToDo) {
        return runtime.createIncident(TYPE, executionId, String.valueOf(email.id()), message(email, error, whatToDo))
                .getId();
    }

    /** The execution of the first activity where the instance waits (a leaf of its tree); null when it has ended. */
    private static String waitingExecution(ActivityInstance activity) {
        if (activity == null) {
            return null;
        }
        for (ActivityInstance child : activity.getChildActivityInstances()) {
            String found = waitingExecution(child);
            if (found != null) {
                return found;
            }
        }
        if (activity.getChildTransitionInstances().length > 0) {
            return activity.getChildTransitionInstances()[0].getExecutionId(); // waiting for an asynchronous continuation
        }
        return activity.getChildActivityInstances().length == 0 && activity.getExecutionIds().length > 0
                && activity.getParentActivityInstanceId() != null ? activity.getExecutionIds()[0] : null;
    }

    /** The open incident about the email (its configuration is the outbox id), or {@code null}. */
    private Incident open(OutboxEmail email) {
        if (email.processInstanceId() == null) {
            return null;
        }
        return runtime.createIncidentQuery().processInstanceId(email.processInstanceId()).incidentType(TYPE)
                .configuration(String.valueOf(email.id())).list().stream().findFirst().orElse(null);
    }

    /** Resolves the incident of an email that has been sent after all. */
    void resolve(OutboxEmail email) {
        Incident open = open(email);
        if (open == null) {
            return;
        }
        try {
            runtime.resolveIncident(open.getId());
        } catch (ProcessEngineException gone) {
            log.info("Incident {} about {} was already gone: {}", open.getId(), email.describe(), gone.getMessage());
        }
    }

    static String message(OutboxEmail email, String error, String whatToDo) {
        String message = "Could not send " + email.describe() + ": " + error + ". " + whatToDo;
        return message.length() <= 3900 ? message : message.substring(0, 3899) + "…";
    }
}
