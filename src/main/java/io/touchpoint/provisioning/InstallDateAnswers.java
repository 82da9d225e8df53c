package io.touchpoint.provisioning;

import static io.touchpoint.provisioning.ProvisioningProcess.Vars.*;

import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.web.InvalidFieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * PRV-11: the customer's answer to the install date of the invitation, from the page its link opens: accept the
 * date, or propose another working day. An answer reaches the order's provisioning only while it waits for one.
 */
@Service
public class InstallDateAnswers {

    public enum Outcome { DONE, NOT_WAITING, NOT_FOUND }

    /**
     * What the customer's page shows. {@code waiting}: the order takes an answer now; {@code proposalPending}: the
     * customer's proposed date is with the installation coordinator.
     */
    public record View(String orderNumber, String companyName, String installDateText, boolean waiting,
                       boolean proposalPending) {
    }

    /** How far ahead a customer may propose a date. */
    static final int LATEST_DAYS_AHEAD = 180;

    private final RuntimeService runtime;
    private final InstallDateLinks links;
    private final BusinessCalendar calendar;
    private final ProvisioningPolicy policy;

    public InstallDateAnswers(RuntimeService runtime, InstallDateLinks links, BusinessCalendar calendar,
                              ProvisioningPolicy policy) {
        this.runtime = runtime;
        this.links = links;
        this.calendar = calendar;
        this.policy = policy;
    }

    /** The order's install date, when the token is the order's own; empty for an unknown order and a wrong token. */
    public Optional<View> view(String orderNumber, String token) {
        return instance(orderNumber, token).map(instance -> new View(orderNumber,
                (String) runtime.getVariable(instance.getId(), "companyName"),
                (String) runtime.getVariable(instance.getId(), INSTALL_DATE_TEXT), waiting(instance),
                runtime.getActiveActivityIds(instance.getId()).contains(ProvisioningProcess.TASK_AGREE_INSTALL_DATE)));
    }

    public Outcome accept(String orderNumber, String token) {
        return answer(orderNumber, token, ProvisioningProcess.Messages.INSTALL_DATE_ACCEPTED, Map.of());
    }

    /** Proposes {@code at} (see {@link #proposedTime}) with the customer's optional comment. */
    public Outcome propose(String orderNumber, String token, Instant at, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PROPOSED_INSTALL_AT, Date.from(at));
        variables.put(PROPOSED_INSTALL_DATE_TEXT, policy.readable(at));
        variables.put(INSTALL_DATE_COMMENT, comment == null ? "" : comment);
        return answer(orderNumber, token, ProvisioningProcess.Messages.INSTALL_DATE_PROPOSED, variables);
    }

    /**
     * The install time the customer proposes: a working day after today and within {@value #LATEST_DAYS_AHEAD} days,
     * at a time within working hours (blank: the time of the current install date).
     *
     * @throws InvalidFieldException naming {@code proposedDate} or {@code proposedTime} when it is not one
     */
    public Instant proposedTime(String date, String time, Date currentInstallAt) {
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("proposedDate", "Proposed date: please give a date such as 2026-12-10.");
        }
        LocalDate today = calendar.now().atZone(calendar.zone()).toLocalDate();
        if (!day.isAfter(today)) {
            throw new InvalidFieldException("proposedDate", "Proposed date: please choose a date after today.");
        }
        if (day.isAfter(today.plusDays(LATEST_DAYS_AHEAD))) {
            throw new InvalidFieldException("proposedDate", "Proposed date: please choose a date within "
                    + LATEST_DAYS_AHEAD + " days.");
        }
        if (!calendar.isWorkingDay(day)) {
            throw new InvalidFieldException("proposedDate", "Proposed date: " + day + " is not a working day (we do not "
                    + "install on weekends and holidays); please choose a working day.");
        }
        LocalTime at;
        if (time == null || time.isBlank()) {
            at = currentInstallAt == null ? LocalTime.of(10, 0)
                    : currentInstallAt.toInstant().atZone(calendar.zone()).toLocalTime();
        } else {
            try {
                at = LocalTime.parse(time.trim());
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException("proposedTime", "Proposed time: please give a time such as 10:30.");
            }
        }
        ZonedDateTime proposed = day.atTime(at).atZone(calendar.zone());
        if (!calendar.isBusinessTime(proposed.toInstant())) {
            throw new InvalidFieldException("proposedTime", "Proposed time: " + at + " is outside our working hours; "
                    + "please choose a time within them.");
        }
        return proposed.toInstant();
    }

    /** The current install time of the order the token opens, or {@code null}. */
    public Date installAt(String orderNumber, String token) {
        return instance(orderNumber, token).map(i -> (Date) runtime.getVariable(i.getId(), INSTALL_AT)).orElse(null);
    }

    private Outcome answer(String orderNumber, String token, String message, Map<String, Object> variables) {
        Optional<ProcessInstance> instance = instance(orderNumber, token);
        if (instance.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        Map<String, Object> all = new HashMap<>(variables);
        all.put(INSTALL_DATE_ANSWERED_AT, Date.from(calendar.now()));
        // the order's own process may take a step in the background at that moment (an email, the join before the
        // install); the engine then refuses one of the two as a concurrent change, and nothing of the refused answer
        // was kept: it is delivered again, and only after three collisions does the customer hear to send it again
        for (int attempt = 1; ; attempt++) {
            try {
                runtime.createMessageCorrelation(message).processInstanceId(instance.get().getId()).setVariables(all)
                        .correlateWithResult();
                return Outcome.DONE;
            } catch (MismatchingMessageCorrelationException notWaiting) {
                return Outcome.NOT_WAITING;
            } catch (OptimisticLockingException collided) {
                if (attempt == 3) {
                    throw collided;
                }
            }
        }
    }

    private boolean waiting(ProcessInstance instance) {
        return runtime.createEventSubscriptionQuery().processInstanceId(instance.getId()).eventType("message")
                .eventName(ProvisioningProcess.Messages.INSTALL_DATE_ACCEPTED).count() > 0;
    }

    private Optional<ProcessInstance> instance(String orderNumber, String token) {
        if (orderNumber == null || !links.opens(orderNumber, token)) {
            return Optional.empty();
        }
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProvisioningProcess.PROCESS_ID)
                .variableValueEquals(CustomerJourneyProcess.Vars.ORDER_NUMBER, orderNumber).list().stream().findFirst();
    }
}
