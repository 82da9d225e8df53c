package io.touchpoint.support;

import io.touchpoint.identity.People;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Balanced assignment (SUP-04): the member of a group with the fewest open tasks; among equals, the one who was
 * given a ticket longest ago (never comes first), so that ties go round in turn.
 */
@Component
public class TicketAssignment {

    private final People people;
    private final Tickets tickets;
    private final TimelineTexts texts;

    public TicketAssignment(People people, Tickets tickets, TimelineTexts texts) {
        this.people = people;
        this.tickets = tickets;
        this.texts = texts;
    }

    public Optional<User> leastLoaded(String group) {
        return people.leastLoaded(group, members -> {
            Map<String, Instant> lastAssigned = tickets.lastAssigned(members.stream().map(User::getId).toList());
            return Comparator.comparing(user -> lastAssigned.getOrDefault(user.getId(), Instant.MIN));
        });
    }

    /**
     * The agent of a ticket of {@code group} (SUP-04): the one customer care chose when recording it, who must be a
     * member of the group; without a choice, the least-loaded member (empty when the group has none).
     *
     * @throws BadUserRequestException when the chosen agent is no member of the group: the start is refused (Tasklist
     *                                 and the engine's REST API answer 400), nothing is written
     */
    public Optional<String> agentFor(String group, String chosen) {
        if (chosen == null || chosen.isBlank()) {
            return leastLoaded(group).map(User::getId);
        }
        String agent = chosen.trim();
        if (!people.isMember(agent, group)) {
            throw new BadUserRequestException("The ticket cannot be assigned: " + SupportProcess.Vars.CHOSEN_AGENT + " "
                    + agent + " is no member of " + group + ", the group that takes this ticket. Choose one of its "
                    + "members, or leave the agent empty for the least-loaded one.");
        }
        return Optional.of(agent);
    }

    /** The name the customer reads for whoever works the ticket: the user's name, or "the team" for nobody. */
    public String nameOf(String userId) {
        return userId == null ? texts.text("unassigned") : people.nameOf(userId);
    }
}
