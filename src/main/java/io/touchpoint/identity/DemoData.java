package io.touchpoint.identity;

import static io.touchpoint.identity.Roles.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo identities, created at start-up while {@code touchpoint.demo.enabled} is true: one group per role,
 * people named after the personas of the source journey maps, Tasklist access, and the task filters
 * everyone sees. Idempotent: what exists already is left as it is.
 */
@Component
@ConditionalOnProperty(name = "touchpoint.demo.enabled", havingValue = "true")
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    public record Person(String id, String firstName, String lastName, String group) {
        public String email() {
            return id + "@touchpoint.example";
        }
    }

    public static final List<Person> PEOPLE = List.of(
            new Person("sara", "Sara", "Lopez", SALES_REP),
            new Person("dan", "Dan", "Whitfield", SALES_MANAGER),
            new Person("mike", "Mike", "Presales", SALES_ENGINEER),
            new Person("pete", "Pete", "Presales", SALES_ENGINEER),
            new Person("amy", "Amy", "Presales", SALES_ENGINEER),
            new Person("carla", "Carla", "Diaz", CLIENT_SERVICES),
            new Person("ivan", "Ivan", "Brooks", INSTALLATION_COORDINATOR),
            new Person("theo", "Theo", "Grant", TECHNICIAN),
            new Person("lena", "Lena", "Park", LNP),
            new Person("arman", "Arman", "Reyes", ACCOUNT_RELATIONS),
            new Person("betty", "Betty", "Moss", BILLING),
            new Person("mara", "Mara", "Quinn", MARKETING),
            new Person("paul", "Paul", "Sterling", EXECUTIVE),
            new Person("kim", "Kim", "John", CUSTOMER_CARE),
            new Person("tim", "Tim", "Samuel", TECH_SUPPORT),
            new Person("terrence", "Terrence", "Hank", TECH_SUPPORT),
            new Person("lars", "Lars", "Olsen", TECH_SUPPORT_L2),
            new Person("sue", "Sue", "Palmer", SUPPORT_SUPERVISOR));

    /** Shown with each task in Tasklist's list, so that tasks of different customers can be told apart. */
    private static final List<Map<String, String>> LIST_VARIABLES = List.of(
            Map.of("name", "companyName", "label", "Company"),
            Map.of("name", "quoteNumber", "label", "Quote"),
            Map.of("name", "orderNumber", "label", "Order"));

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final String password;

    public DemoData(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                    TaskService tasks, @Value("${touchpoint.demo.password}") String password) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.password = password;
    }

    @EventListener
    public void onReady(ApplicationReadyEvent ready) {
        Roles.ALL.forEach(role -> ensureGroup(role.id(), role.name()));
        PEOPLE.forEach(this::ensurePerson);
        Roles.ALL.forEach(role -> {
            grant(role.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(role.id(), Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.CREATE_INSTANCE);
            grant(role.id(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        });
        grant(SALES_MANAGER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(SUPPORT_SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        ensureFilter("My tasks", -10, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                "Tasks assigned to me");
        ensureFilter("My group tasks", -5, tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .taskUnassigned(), "Unclaimed tasks of my groups");
        log.info("Demo data ready: {} groups, {} people (password from touchpoint.demo.password)",
                Roles.ALL.size(), PEOPLE.size());
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void ensurePerson(Person person) {
        if (identity.createUserQuery().userId(person.id()).count() == 0) {
            User user = identity.newUser(person.id());
            user.setFirstName(person.firstName());
            user.setLastName(person.lastName());
            user.setEmail(person.email());
            user.setPassword(password);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(person.id()).memberOfGroup(person.group()).count() == 0) {
            identity.createMembership(person.id(), person.group());
        }
    }

    private void grant(String groupId, Resources resource, String resourceId, Permissions... permissions) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
                .resourceId(resourceId).count() > 0;
        if (!exists) {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            for (Permissions permission : permissions) {
                authorization.addPermission(permission);
            }
            authorizations.saveAuthorization(authorization);
        }
    }

    private void ensureFilter(String name, int priority, TaskQuery query, String description) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("description", description, "priority", priority, "refresh", true,
                        "variables", LIST_VARIABLES));
        filters.saveFilter(filter);
        Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        everyone.setUserId(Authorization.ANY);
        everyone.setResource(Resources.FILTER);
        everyone.setResourceId(filter.getId());
        everyone.addPermission(Permissions.READ);
        authorizations.saveAuthorization(everyone);
    }
}
