package io.touchpoint.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.escalation.EscalateTaskDelegate;
import io.touchpoint.testing.TouchpointSpringTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Escalating a ticket, as the SLA timers do (SUP-06), on the application's engine with its demo support staff: level 1
 * raises the agent's task and tells the customer the supervisor follows it; level 2 hands the task to second-level
 * support, whose member gets it, and the first-level agent and group no longer see it.
 */
@TouchpointSpringTest
class TicketEscalationTest {

    @Autowired
    TicketService service;
    @Autowired
    TicketEscalation escalation;
    @Autowired
    Tickets tickets;
    @Autowired
    TaskService tasks;
    @Autowired
    AuthorizationService authorizations;

    @Test
    void levelOneRaisesTheAgentsTaskAndTheSupervisorFollows() {
        Ticket ticket = open();
        Task task = agentTask(ticket);

        TicketEscalation.Escalated escalated = escalation.escalate(current(ticket), 1, "first response late");

        assertThat(escalated.level()).isEqualTo(1);
        assertThat(escalated.workingGroup()).isEqualTo("tech-support");
        assertThat(escalated.assignee()).isEqualTo(ticket.assignee());
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getPriority())
                .isEqualTo(TicketTaskCards.priority(ticket.priority(), 1))
                .isGreaterThanOrEqualTo(EscalateTaskDelegate.ESCALATED_PRIORITY);
        assertThat(tickets.find(ticket.number()).orElseThrow().escalationLevel()).isEqualTo(1);
        assertThat(timeline(ticket)).last().isEqualTo("Level 1: first response late; the support supervisor follows it");
    }

    @Test
    void levelTwoHandsTheTicketToSecondLevelSupport() {
        Ticket ticket = open();
        Task task = agentTask(ticket);
        String firstAgent = ticket.assignee();

        TicketEscalation.Escalated escalated = escalation.escalate(current(ticket), 2, "resolution late");

        assertThat(escalated).isEqualTo(new TicketEscalation.Escalated(2, "tech-support-l2", "lars", "Lars Olsen"));
        Task handedOver = tasks.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(handedOver.getAssignee()).isEqualTo("lars");
        assertThat(handedOver.getPriority()).as("raised once per level").isEqualTo(TicketTaskCards.priority(ticket.priority(), 2))
                .isGreaterThan(TicketTaskCards.priority(ticket.priority(), 1));
        assertThat(tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId))
                .contains("tech-support-l2").doesNotContain("tech-support");
        assertThat(authorizations.isUserAuthorized(firstAgent, List.of("tech-support"), Permissions.READ,
                Resources.TASK, task.getId())).as("the first-level agent no longer sees the task").isFalse();
        assertThat(authorizations.isUserAuthorized("lars", List.of("tech-support-l2"), Permissions.READ,
                Resources.TASK, task.getId())).isTrue();
        Ticket moved = tickets.find(ticket.number()).orElseThrow();
        assertThat(moved.supportGroup()).isEqualTo("tech-support-l2");
        assertThat(moved.assignee()).isEqualTo("lars");
        assertThat(moved.escalationLevel()).isEqualTo(2);
        assertThat(timeline(ticket)).endsWith("Reassigned to Lars Olsen",
                "Level 2: resolution late; moved to second-level support");
    }

    Ticket open() {
        TicketService.Created created = service.open(new NewTicket("Phones down", "No dial tone since 7:00",
                NewTicket.Category.OUTAGE, null, NewTicket.Level.HIGH, NewTicket.Level.MEDIUM, "ann@acme.example",
                "Ann Lee", "ACC-2040", null, null, null));
        return tickets.find(created.ticketNumber()).orElseThrow();
    }

    Task agentTask(Ticket ticket) {
        return tasks.createTaskQuery().processInstanceId(ticket.processInstanceId())
                .taskDefinitionKeyIn(SupportProcess.AGENT_TASKS.toArray(String[]::new)).singleResult();
    }

    static TicketEscalation.Current current(Ticket ticket) {
        return new TicketEscalation.Current(ticket.processInstanceId(), ticket.number(), ticket.escalationLevel(),
                ticket.supportGroup(), ticket.assignee());
    }

    List<String> timeline(Ticket ticket) {
        return tickets.timeline(ticket.number()).stream().map(Ticket.Event::detail).toList();
    }
}
