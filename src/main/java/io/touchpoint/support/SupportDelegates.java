package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.escalation.EscalateTaskDelegate;
import io.touchpoint.knowledge.Article;
import io.touchpoint.knowledge.KnowledgeBase;
import io.touchpoint.knowledge.NewArticle;
import io.touchpoint.numbering.BusinessNumbers;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks and task listeners of trouble-ticket.bpmn and service-request.bpmn, each a bean the models
 * name. Each reads process variables, calls the calendar, the ticket table or the knowledge base, and writes
 * variables back; the ticket's row and timeline change in the process's own transaction.
 */
@Configuration
public class SupportDelegates {

    /** What the assignment listener records when a ticket task changes hands. */
    static final String UNASSIGNED = "the team";

    /**
     * SUP-02: the ticket gets its number (unless the API gave it one), its business key, its defaults and its row;
     * "received" starts the timeline.
     */
    @Bean
    public JavaDelegate registerTicket(Tickets tickets, BusinessNumbers numbers, SupportPolicy policy) {
        return execution -> {
            Ticket.Kind kind = Ticket.Kind.ofProcess(processKey(execution));
            TicketStartCheck.check(execution, kind);
            String number = (String) execution.getVariable(NUMBER);
            if (number == null) {
                number = numbers.next(kind.numberPrefix());
                execution.setVariable(NUMBER, number);
            }
            if (execution.getProcessBusinessKey() == null) {
                execution.setProcessBusinessKey(number);
            }
            String channel = text(execution, CHANNEL, "PHONE");
            execution.setVariable(KIND, kind.name());
            execution.setVariable(CHANNEL, channel);
            execution.setVariable(REQUESTER_TYPE, text(execution, REQUESTER_TYPE, "CUSTOMER"));
            execution.setVariable(CUSTOMER_TIER, policy.tierOf((String) execution.getVariable(ACCOUNT_NUMBER)));
            execution.setVariable(ESCALATION_LEVEL, 0);
            execution.setVariable(REOPEN_COUNT, 0);
            execution.setVariable(ACKNOWLEDGED, false);
            execution.setVariable(RESOLUTION_WARNED, false);
            tickets.register(new Ticket(number, kind, execution.getProcessInstanceId(),
                    (String) execution.getVariable(SUBJECT), (String) execution.getVariable(CATEGORY),
                    (String) execution.getVariable(PRIORITY), (String) execution.getVariable(CONTACT_NAME),
                    (String) execution.getVariable(CONTACT_EMAIL), channel, TicketStatus.RECEIVED, null, null, null, null,
                    0, 0, null, null));
            String recordedBy = (String) execution.getVariable(RECORDED_BY);
            tickets.record(number, Ticket.EventType.RECEIVED, "Received by " + channel.toLowerCase().replace('_', ' '),
                    recordedBy);
        };
    }

    /**
     * SUP-04: the SLA decision's group and targets ({@code sla}) become the assignee (least loaded), due dates and
     * 75 % warnings, all in business time.
     */
    @Bean
    public JavaDelegate assignBySla(Tickets tickets, TicketAssignment assignment, SupportPolicy policy,
                                    BusinessCalendar calendar) {
        return execution -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> sla = (Map<String, Object>) execution.getVariable(SLA);
            if (sla == null || sla.get("supportGroup") == null) {
                throw new IllegalStateException("ticket-sla.dmn gave no rule for priority " + execution.getVariable(PRIORITY)
                        + ", category " + execution.getVariable(CATEGORY));
            }
            String group = sla.get("supportGroup").toString();
            long firstResponse = ((Number) sla.get("firstResponseMinutes")).longValue();
            long resolution = ((Number) sla.get("resolutionMinutes")).longValue();
            Instant now = calendar.now();
            SupportPolicy.Target firstTarget = policy.target(now, firstResponse);
            SupportPolicy.Target resolutionTarget = policy.target(now, resolution);
            String assignee = assignment.leastLoaded(group).map(User::getId).orElse(null);

            execution.setVariable(SUPPORT_GROUP, group);
            execution.setVariable(WORKING_GROUP, group);
            execution.setVariable(FIRST_RESPONSE_MINUTES, (int) firstResponse);
            execution.setVariable(RESOLUTION_MINUTES, (int) resolution);
            execution.setVariable(ASSIGNEE, assignee);
            execution.setVariable(ASSIGNEE_NAME, assignee == null ? UNASSIGNED : assignment.nameOf(assignee));
            setFirstResponse(execution, policy, firstTarget);
            setResolution(execution, policy, resolutionTarget);

            String number = (String) execution.getVariable(NUMBER);
            tickets.assigned(number, group, assignee);
            tickets.due(number, firstTarget.due(), resolutionTarget.due());
            tickets.status(number, TicketStatus.ASSIGNED);
            tickets.record(number, Ticket.EventType.ASSIGNED, "Assigned to " + execution.getVariable(ASSIGNEE_NAME), null);
        };
    }

    /** SUP-05: the assignee acknowledged the ticket; whether in time is kept for the SLA report (KPI-05). */
    @Bean
    public TaskListener ticketAcknowledged(Tickets tickets, BusinessCalendar calendar) {
        return task -> {
            String number = (String) task.getVariable(NUMBER);
            Date due = (Date) task.getVariable(FIRST_RESPONSE_DUE);
            task.setVariable(ACKNOWLEDGED, true);
            task.setVariable(FIRST_RESPONSE_MET, !calendar.now().isAfter(due.toInstant()));
            tickets.status(number, TicketStatus.IN_PROGRESS);
            // the agent's note stays in the process (Cockpit, history): the timeline is what the customer reads
            tickets.record(number, Ticket.EventType.ACKNOWLEDGED, "Acknowledged by " + task.getVariable(ASSIGNEE_NAME),
                    task.getAssignee());
        };
    }

    /**
     * Reassignment in Tasklist (by customer care or a supervisor) moves the ticket: the new assignee is the
     * ticket's agent from now on, and the timeline says so. The first assignment, from the model, is no change.
     */
    @Bean
    public TaskListener ticketReassigned(Tickets tickets, TicketAssignment assignment) {
        return task -> {
            String before = (String) task.getVariable(ASSIGNEE);
            String after = task.getAssignee();
            if (Objects.equals(before, after)) {
                return;
            }
            String number = (String) task.getVariable(NUMBER);
            String name = after == null ? UNASSIGNED : assignment.nameOf(after);
            task.setVariable(ASSIGNEE, after);
            task.setVariable(ASSIGNEE_NAME, name);
            tickets.assigned(number, (String) task.getVariable(WORKING_GROUP), after);
            tickets.record(number, Ticket.EventType.REASSIGNED, "Reassigned to " + name, null);
        };
    }

    /** SUP-07: the work task shows the knowledge-base articles that match the ticket. */
    @Bean
    public TaskListener suggestKnowledge(KnowledgeBase knowledge) {
        return task -> {
            List<Article> matches = knowledge.search(task.getVariable(SUBJECT) + " " + task.getVariable(DESCRIPTION),
                    (String) task.getVariable(CATEGORY));
            task.setVariable(SUGGESTED_ARTICLES, matches.isEmpty()
                    ? "No article matches yet. If you find the fix, save it as an article."
                    : matches.stream().limit(5).map(article -> "#" + article.id() + " " + article.title() + ": "
                            + abbreviate(article.workaround(), 160)).collect(Collectors.joining("\n")));
        };
    }

    /**
     * SUP-06: escalation to {@code level} (input parameter; 1: the support supervisor follows the ticket, 2: it
     * moves to {@code tech-support-l2}, to its least-loaded member) for {@code reason}; the agent's open task is
     * raised to high priority and, at level 2, handed over.
     */
    @Bean
    public JavaDelegate escalateTicket(Tickets tickets, TicketAssignment assignment, TaskService taskService,
                                       AuthorizationService authorizations) {
        return execution -> {
            int level = ((Number) execution.getVariableLocal("level")).intValue();
            String reason = (String) execution.getVariableLocal("reason");
            String number = (String) execution.getVariable(NUMBER);
            int current = number(execution, ESCALATION_LEVEL);
            List<Task> open = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKeyIn(SupportProcess.AGENT_TASKS.toArray(String[]::new)).list();
            if (level >= 2) {
                String previousGroup = (String) execution.getVariable(WORKING_GROUP);
                String agent = (String) execution.getVariable(ASSIGNEE);
                // nobody in second level: the group's queue gets the ticket and the agent keeps it meanwhile
                String secondLevel = assignment.leastLoaded(SupportProcess.SECOND_LEVEL).map(User::getId).orElse(agent);
                execution.setVariable(WORKING_GROUP, SupportProcess.SECOND_LEVEL);
                for (Task task : open) {
                    taskService.deleteCandidateGroup(task.getId(), previousGroup);
                    // the engine keeps the group's authorization on the task when the candidate group goes
                    authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                            .resourceId(task.getId()).groupIdIn(previousGroup).list()
                            .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
                    if (agent != null && !agent.equals(secondLevel)) {
                        authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                                .resourceId(task.getId()).userIdIn(agent).list()
                                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
                    }
                    taskService.addCandidateGroup(task.getId(), SupportProcess.SECOND_LEVEL);
                    taskService.setAssignee(task.getId(), secondLevel); // the assignment listener records a handover
                }
                if (open.isEmpty() && !Objects.equals(agent, secondLevel)) {
                    execution.setVariable(ASSIGNEE, secondLevel);
                    execution.setVariable(ASSIGNEE_NAME, secondLevel == null ? UNASSIGNED : assignment.nameOf(secondLevel));
                    tickets.record(number, Ticket.EventType.REASSIGNED, "Reassigned to " + execution.getVariable(ASSIGNEE_NAME),
                            null);
                }
                tickets.assigned(number, SupportProcess.SECOND_LEVEL, (String) execution.getVariable(ASSIGNEE));
            }
            for (Task task : open) {
                taskService.setPriority(task.getId(), EscalateTaskDelegate.ESCALATED_PRIORITY);
            }
            int newLevel = Math.max(current, level);
            execution.setVariable(ESCALATION_LEVEL, newLevel);
            tickets.escalated(number, newLevel);
            tickets.record(number, Ticket.EventType.ESCALATED, "Level " + level + ": " + reason
                    + (level >= 2 ? "; moved to second-level support" : "; the support supervisor follows it"), null);
        };
    }

    /** The agent asked the customer a question: the SLA clock stops with the business time that was left. */
    @Bean
    public JavaDelegate pauseSlaClock(Tickets tickets, SupportPolicy policy) {
        return execution -> {
            String number = (String) execution.getVariable(NUMBER);
            long remaining = policy.remainingMinutes((Date) execution.getVariable(RESOLUTION_DUE));
            execution.setVariable(RESOLUTION_REMAINING_MINUTES, (int) remaining);
            execution.setVariable(SILENCE_CLOSE_TEXT, policy.format(policy.silenceCloseAt()));
            tickets.status(number, TicketStatus.WAITING_FOR_CUSTOMER);
            tickets.due(number, dueInstant(execution, FIRST_RESPONSE_DUE), null);
            tickets.record(number, Ticket.EventType.WAITING, "Waiting for your answer: "
                    + execution.getVariable(QUESTION), (String) execution.getVariable(ASSIGNEE));
        };
    }

    /** The customer answered: the clock runs again with the time that was left when it paused. */
    @Bean
    public JavaDelegate resumeSlaClock(Tickets tickets, SupportPolicy policy, BusinessCalendar calendar) {
        return execution -> {
            String number = (String) execution.getVariable(NUMBER);
            SupportPolicy.Target target = policy.resume(calendar.now(), number(execution, RESOLUTION_MINUTES),
                    number(execution, RESOLUTION_REMAINING_MINUTES));
            setResolution(execution, policy, target);
            clearWorkForm(execution);
            tickets.status(number, TicketStatus.IN_PROGRESS);
            tickets.due(number, dueInstant(execution, FIRST_RESPONSE_DUE), target.due());
        };
    }

    /**
     * SUP-07, SUP-08: the resolution is recorded (met or missed for KPI-05), and saved as a knowledge-base article
     * linked to the ticket when the agent asked for it.
     */
    @Bean
    public JavaDelegate recordResolution(Tickets tickets, KnowledgeBase knowledge, SupportPolicy policy,
                                         BusinessCalendar calendar) {
        return execution -> {
            String number = (String) execution.getVariable(NUMBER);
            String resolution = (String) execution.getVariable(RESOLUTION);
            String agent = (String) execution.getVariable(ASSIGNEE);
            Date due = (Date) execution.getVariable(RESOLUTION_DUE);
            execution.setVariable(RESOLUTION_MET, due == null || !calendar.now().isAfter(due.toInstant()));
            execution.setVariable(CONFIRMATION_CLOSE_TEXT, policy.format(policy.confirmationCloseAt()));
            tickets.status(number, TicketStatus.RESOLVED);
            tickets.record(number, Ticket.EventType.RESOLVED, resolution, agent);
            if (Boolean.TRUE.equals(execution.getVariable(SAVE_AS_ARTICLE))) {
                long id = knowledge.create(new NewArticle((String) execution.getVariable(ARTICLE_TITLE),
                        (String) execution.getVariable(ARTICLE_SYMPTOMS), resolution,
                        (String) execution.getVariable(CATEGORY), List.of(), number), agent);
                execution.setVariable(ARTICLE_ID, id);
                tickets.record(number, Ticket.EventType.ARTICLE_SAVED, "Knowledge-base article #" + id, agent);
            }
        };
    }

    /**
     * The customer reopened the resolved ticket: back to the same agent, counted, one escalation level up, with a
     * fresh resolution target.
     */
    @Bean
    public JavaDelegate reopenTicket(Tickets tickets, SupportPolicy policy, BusinessCalendar calendar) {
        return execution -> {
            String number = (String) execution.getVariable(NUMBER);
            int reopened = number(execution, REOPEN_COUNT) + 1;
            int level = Math.min(2, number(execution, ESCALATION_LEVEL) + 1);
            SupportPolicy.Target target = policy.target(calendar.now(), number(execution, RESOLUTION_MINUTES));
            execution.setVariable(REOPEN_COUNT, reopened);
            execution.setVariable(ESCALATION_LEVEL, level);
            execution.setVariable(RESOLUTION_WARNED, false);
            clearWorkForm(execution);
            setResolution(execution, policy, target);
            tickets.reopened(number, reopened);
            tickets.escalated(number, level);
            tickets.due(number, dueInstant(execution, FIRST_RESPONSE_DUE), target.due());
            String comment = (String) execution.getVariable(CONFIRMATION_COMMENT);
            tickets.record(number, Ticket.EventType.REOPENED, "Reopened (" + reopened + (reopened == 1 ? " time" : " times")
                    + ")" + (comment == null || comment.isBlank() ? "" : ": " + comment.trim()), null);
            tickets.record(number, Ticket.EventType.ESCALATED, "Level " + level + ": reopened by the customer", null);
        };
    }

    /**
     * Closes the ticket, for the input parameter {@code reason} (NO_REPLY, ANSWERED), or, when it is absent or empty
     * (as the element template "Close the ticket" leaves it), CONFIRMED by the customer or NO_CONFIRMATION when the
     * time to confirm ran out.
     */
    @Bean
    public JavaDelegate closeTicket(Tickets tickets) {
        return execution -> {
            String number = (String) execution.getVariable(NUMBER);
            Object given = execution.getVariableLocal("reason");
            String reason = given != null && !given.toString().isBlank() ? given.toString().trim()
                    : Boolean.TRUE.equals(execution.getVariable(CONFIRMED)) ? "CONFIRMED" : "NO_CONFIRMATION";
            execution.setVariable(CLOSED_REASON, reason);
            tickets.closed(number);
            tickets.record(number, Ticket.EventType.CLOSED, switch (reason) {
                case "CONFIRMED" -> "Closed: you confirmed the fix";
                case "NO_CONFIRMATION" -> "Closed: resolved, and no answer within the time to confirm";
                case "NO_REPLY" -> "Closed: no answer to our question";
                case "ANSWERED" -> "Closed: answered";
                default -> "Closed: " + reason;
            }, null);
        };
    }

    /** The work form shows every variable: its answers of the last round must not come back (or save an article twice). */
    private static void clearWorkForm(VariableScope scope) {
        scope.setVariable(WORK_OUTCOME, null);
        scope.setVariable(SAVE_AS_ARTICLE, false);
        scope.setVariable(ARTICLE_TITLE, null);
        scope.setVariable(ARTICLE_SYMPTOMS, null);
    }

    private static void setFirstResponse(VariableScope scope, SupportPolicy policy, SupportPolicy.Target target) {
        scope.setVariable(FIRST_RESPONSE_DUE, Date.from(target.due()));
        scope.setVariable(FIRST_RESPONSE_WARN_AT, Date.from(target.warnAt()));
        scope.setVariable(FIRST_RESPONSE_DUE_TEXT, policy.format(target.due()));
    }

    private static void setResolution(VariableScope scope, SupportPolicy policy, SupportPolicy.Target target) {
        scope.setVariable(RESOLUTION_DUE, Date.from(target.due()));
        scope.setVariable(RESOLUTION_WARN_AT, Date.from(target.warnAt()));
        scope.setVariable(RESOLUTION_DUE_TEXT, policy.format(target.due()));
    }

    private static Instant dueInstant(VariableScope scope, String name) {
        Date date = (Date) scope.getVariable(name);
        return date == null ? null : date.toInstant();
    }

    private static int number(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static String text(VariableScope scope, String name, String fallback) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }

    private static String processKey(DelegateExecution execution) {
        return execution.getProcessDefinitionId().substring(0, execution.getProcessDefinitionId().indexOf(':'));
    }

    private static String abbreviate(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
