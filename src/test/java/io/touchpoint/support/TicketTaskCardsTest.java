package io.touchpoint.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.escalation.TaskPriorities;
import io.touchpoint.testing.TouchpointSpringTest;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A ticket's tasks in Tasklist: named with the ticket number, priority and subject, so that typing the number finds
 * them; prioritised by the ticket's priority (P1 first) and raised with each escalation, into the "Escalated" filter.
 */
@TouchpointSpringTest
class TicketTaskCardsTest {

    @Autowired
    TicketService service;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketEscalation escalation;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;

    @Test
    void aP1OutageOutranksAP4QuestionAndRisesIntoEscalatedWhenEscalated() {
        Ticket outage = open("Whole office offline", NewTicket.Priority.P1);
        Ticket question = open("Change of voicemail greeting", NewTicket.Priority.P4);
        Task urgent = acknowledge(outage);
        Task minor = acknowledge(question);

        assertThat(urgent.getName()).isEqualTo("Acknowledge the ticket · " + outage.number() + " · P1 · Whole office offline");
        assertThat(minor.getName()).isEqualTo("Acknowledge the ticket · " + question.number() + " · P4 · Change of voicemail greeting");
        assertThat(urgent.getPriority()).isEqualTo(70).isGreaterThan(minor.getPriority());
        assertThat(minor.getPriority()).isEqualTo(40);
        assertThat(escalatedFor(urgent.getAssignee())).doesNotContain(urgent.getId(), minor.getId());
        // the number as a person types it into Tasklist's search, which looks for it in task names
        assertThat(tasks.createTaskQuery().taskNameLike("%" + outage.number() + "%").list()).extracting(Task::getId)
                .containsExactly(urgent.getId());

        escalation.escalate(TicketEscalationTest.current(tickets.find(outage.number()).orElseThrow()), 1,
                "first response late");
        escalation.escalate(TicketEscalationTest.current(tickets.find(question.number()).orElseThrow()), 1,
                "first response late");

        Task escalatedOutage = tasks.createTaskQuery().taskId(urgent.getId()).singleResult();
        Task escalatedQuestion = tasks.createTaskQuery().taskId(minor.getId()).singleResult();
        assertThat(escalatedOutage.getPriority()).isEqualTo(90);
        assertThat(escalatedQuestion.getPriority()).isEqualTo(TaskPriorities.ESCALATED);
        assertThat(escalatedFor(urgent.getAssignee())).contains(urgent.getId());
    }

    @Test
    void aTaskCreatedAfterAnEscalationKeepsTheRaisedPriority() {
        assertThat(TicketTaskCards.priority("P1", 0)).isEqualTo(70);
        assertThat(TicketTaskCards.priority("P2", 0)).isEqualTo(60);
        assertThat(TicketTaskCards.priority("P3", 0)).isEqualTo(50);
        assertThat(TicketTaskCards.priority("P4", 0)).isEqualTo(40);
        assertThat(TicketTaskCards.priority("P1", 1)).isEqualTo(90);
        assertThat(TicketTaskCards.priority("P1", 2)).isEqualTo(TaskPriorities.HIGHEST);
        assertThat(TicketTaskCards.priority("P4", 1)).isEqualTo(TaskPriorities.ESCALATED);
        assertThat(TicketTaskCards.priority("P4", 2)).isEqualTo(100);
        assertThat(TicketTaskCards.priority(null, 0)).as("no priority: as P3").isEqualTo(50);
    }

    private List<String> escalatedFor(String user) {
        String escalated = filters.createFilterQuery().filterName("Escalated").singleResult().getId();
        return as(user, () -> filters.<Task>list(escalated).stream().map(Task::getId).toList());
    }

    private Ticket open(String subject, NewTicket.Priority priority) {
        String number = service.open(new NewTicket(subject, "Reported by phone.", NewTicket.Category.OUTAGE, priority,
                null, null, "ops@harbor.example", "Hana Ortiz", null, null, null, null)).ticketNumber();
        return tickets.find(number).orElseThrow();
    }

    private Task acknowledge(Ticket ticket) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceId(ticket.processInstanceId()).taskDefinitionKey("UserTask_AcknowledgeTicket")
                .singleResult(), task -> task != null);
    }

    private <T> T as(String user, Supplier<T> work) {
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
