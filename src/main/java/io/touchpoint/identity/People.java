package io.touchpoint.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The people of the engine's identity service as steps need them: their names, and who in a group has least work. */
@Component
public class People {

    private final IdentityService identity;
    private final TaskService tasks;

    public People(IdentityService identity, TaskService tasks) {
        this.identity = identity;
        this.tasks = tasks;
    }

    /**
     * The member of {@code group} with the fewest open tasks assigned; among equals, the first by {@code tieBreak}
     * (given the members, it orders them), then by user id.
     */
    public Optional<User> leastLoaded(String group, Function<List<User>, Comparator<User>> tieBreak) {
        List<User> members = identity.createUserQuery().memberOfGroup(group).list();
        return members.stream().min(Comparator
                .comparingLong((User user) -> tasks.createTaskQuery().taskAssignee(user.getId()).count())
                .thenComparing(tieBreak.apply(members))
                .thenComparing(User::getId));
    }

    /** The member of {@code group} with the fewest open tasks assigned; among equals, the first by user id. */
    public Optional<User> leastLoaded(String group) {
        return leastLoaded(group, members -> (a, b) -> 0);
    }

    /** Whether the user exists and is a member of the group. */
    public boolean isMember(String userId, String group) {
        return identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
    }

    /** The user's name as people read it ("Sara Lopez"), the user id when the user is unknown, null for null. */
    public String nameOf(String userId) {
        if (userId == null) {
            return null;
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : displayName(user);
    }

    /** "First Last", either part left out when missing, the user id when both are. */
    public static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
