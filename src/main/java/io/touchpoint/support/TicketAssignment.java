package io.touchpoint.support;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Balanced assignment (SUP-04): the member of a group with the fewest open tasks; among equals, the one who was
 * given a ticket longest ago (never comes first), so that ties go round in turn.
 */
@Component
public class TicketAssignment {

    private final IdentityService identity;
    private final TaskService tasks;
    private final Tickets tickets;

    public TicketAssignment(IdentityService identity, TaskService tasks, Tickets tickets) {
        this.identity = identity;
        this.tasks = tasks;
        this.tickets = tickets;
    }

    public Optional<User> leastLoaded(String group) {
        List<User> members = identity.createUserQuery().memberOfGroup(group).list();
        Map<String, Instant> lastAssigned = tickets.lastAssigned(members.stream().map(User::getId).toList());
        return members.stream().min(Comparator
                .comparingLong((User user) -> tasks.createTaskQuery().taskAssignee(user.getId()).count())
                .thenComparing(user -> lastAssigned.getOrDefault(user.getId(), Instant.MIN))
                .thenComparing(User::getId));
    }

    public String nameOf(String userId) {
        if (userId == null) {
            return null;
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : displayName(user);
    }

    static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
