package io.touchpoint.identity;

import static io.touchpoint.identity.Roles.*;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.*;

import io.touchpoint.journey.CustomerJourneyProcess;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what, with Camunda authorization on: created at start-up, in production as in the demo, and
 * idempotent (an authorization or filter that exists is left as an administrator changed it).
 * <ul>
 * <li>Every role uses Tasklist and reads the definitions of the processes it works in; it sees a task when it is a
 * candidate or the assignee (the engine grants that per task), so a technician never sees billing's tasks.</li>
 * <li>Every role reads the instances of the processes it works in ({@code READ_INSTANCE}): the variables that
 * Tasklist's list shows with each task (company, numbers, subject) are read with the process instance's permissions,
 * not the task's; nothing of another role's processes. Every role reads the users, so that Tasklist names colleagues
 * by their full names.</li>
 * <li>Starters: sales reps start a customer journey, customer care records tickets, service requests and account
 * reactivations,
 * account relations and billing record service requests.</li>
 * <li>Customer care and the support supervisors see every support task and reassign it.</li>
 * <li>Managers ({@code sales-manager}, {@code support-supervisor}) get Cockpit and read their processes' instances,
 * tasks and history; analysts get Cockpit with read access to every definition; admins ({@code camunda-admin})
 * keep everything.</li>
 * <li>Task filters for everyone: "My tasks", "My group's queue" (my groups' unclaimed tasks and those I claimed),
 * "Due today" (mine and my groups' unclaimed ones),
 * "Escalated"; "Support tickets" for customer care and the supervisors.</li>
 * </ul>
 */
@Component
public class RoleAccess {

    private static final Logger log = LoggerFactory.getLogger(RoleAccess.class);

    /** Shown with each task in Tasklist's list, so that tasks of different customers can be told apart. */
    static final List<Map<String, String>> LIST_VARIABLES = List.of(
            Map.of("name", CustomerJourneyProcess.Vars.COMPANY_NAME, "label", "Company"),
            Map.of("name", CustomerJourneyProcess.Vars.QUOTE_NUMBER, "label", "Quote"),
            Map.of("name", CustomerJourneyProcess.Vars.ORDER_NUMBER, "label", "Order"),
            // support's variables (SupportProcess.Vars; identity is below support in the package graph)
            Map.of("name", "ticketNumber", "label", "Ticket"),
            Map.of("name", "ticketSubject", "label", "Subject"),
            Map.of("name", "priority", "label", "Ticket priority"),
            Map.of("name", "reactivationNumber", "label", "Reactivation"));

    /** The processes each role works in. */
    static final Map<String, List<String>> PROCESSES_BY_ROLE = new LinkedHashMap<>();

    static {
        PROCESSES_BY_ROLE.put(SALES_REP, List.of("customerJourney", "presales", "provisioning", "postSales"));
        PROCESSES_BY_ROLE.put(SALES_MANAGER, List.of("customerJourney", "presales", "provisioning", "postSales"));
        PROCESSES_BY_ROLE.put(SALES_ENGINEER, List.of("customerJourney", "presales"));
        PROCESSES_BY_ROLE.put(CLIENT_SERVICES, List.of("customerJourney", "presales", "provisioning"));
        PROCESSES_BY_ROLE.put(INSTALLATION_COORDINATOR, List.of("customerJourney", "provisioning"));
        PROCESSES_BY_ROLE.put(TECHNICIAN, List.of("customerJourney", "provisioning", "postSales"));
        PROCESSES_BY_ROLE.put(LNP, List.of("customerJourney", "provisioning"));
        PROCESSES_BY_ROLE.put(ACCOUNT_RELATIONS, List.of("customerJourney", "postSales", "serviceRequest"));
        PROCESSES_BY_ROLE.put(BILLING, List.of("customerJourney", "postSales", "serviceRequest"));
        PROCESSES_BY_ROLE.put(MARKETING, List.of("customerJourney", "postSales"));
        PROCESSES_BY_ROLE.put(EXECUTIVE, List.of("customerJourney", "postSales"));
        PROCESSES_BY_ROLE.put(CUSTOMER_CARE, List.of("troubleTicket", "serviceRequest", "accountReactivation"));
        PROCESSES_BY_ROLE.put(TECH_SUPPORT, List.of("troubleTicket", "accountReactivation"));
        PROCESSES_BY_ROLE.put(TECH_SUPPORT_L2, List.of("troubleTicket"));
        PROCESSES_BY_ROLE.put(SUPPORT_SUPERVISOR, List.of("troubleTicket", "serviceRequest", "accountReactivation"));
    }

    /** The processes a role may start in Tasklist. */
    static final Map<String, List<String>> STARTS_BY_ROLE = Map.of(
            SALES_REP, List.of("customerJourney"),
            CUSTOMER_CARE, List.of("troubleTicket", "serviceRequest", "accountReactivation"),
            SUPPORT_SUPERVISOR, List.of("troubleTicket", "serviceRequest", "accountReactivation"),
            ACCOUNT_RELATIONS, List.of("serviceRequest"),
            BILLING, List.of("serviceRequest"));

    /** Roles that follow every task of their processes (and may reassign them). */
    static final Set<String> FOLLOW_ALL_TASKS = Set.of(SALES_MANAGER, CUSTOMER_CARE, SUPPORT_SUPERVISOR);

    /** Roles with Cockpit: they watch the instances and history of their processes. */
    static final Set<String> MANAGERS = Set.of(SALES_MANAGER, SUPPORT_SUPERVISOR);

    /** The processes a role works in (reads, and sees its tasks of); none for a group that is no role. */
    public static List<String> processesOf(String role) {
        return PROCESSES_BY_ROLE.getOrDefault(role, List.of());
    }

    private final org.camunda.bpm.engine.IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    public RoleAccess(org.camunda.bpm.engine.IdentityService identity, AuthorizationService authorizations,
                      FilterService filters, TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener
    @Order(1)
    public void onReady(ApplicationReadyEvent ready) {
        // the groups are the roles of the models: they exist in production too, members are added in Admin
        Roles.ALL.forEach(role -> ensureGroup(role.id(), role.name()));
        ensureGroup(ANALYST, "Process analysts");
        Roles.ALL.forEach(role -> grant(role.id(), Resources.APPLICATION, "tasklist", ACCESS));
        // colleagues by their full names in Tasklist (assignees on the cards, the assign dialog), not by login
        Roles.ALL.forEach(role -> grant(role.id(), Resources.USER, ANY, READ));
        PROCESSES_BY_ROLE.forEach((role, processes) -> processes.forEach(process -> {
            // READ_INSTANCE: the variables that Tasklist's list shows with each task (LIST_VARIABLES) are read with the
            // permissions of the process instance, not of the task; a role reads them for its own processes only
            EnumSet<org.camunda.bpm.engine.authorization.Permissions> permissions = EnumSet.of(READ, READ_INSTANCE);
            if (STARTS_BY_ROLE.getOrDefault(role, List.of()).contains(process)) {
                permissions.add(CREATE_INSTANCE);
            }
            if (FOLLOW_ALL_TASKS.contains(role)) {
                permissions.addAll(List.of(READ_TASK, UPDATE_TASK));
            }
            if (MANAGERS.contains(role)) {
                permissions.addAll(List.of(READ_HISTORY, READ_TASK));
            }
            grant(role, Resources.PROCESS_DEFINITION, process, permissions.toArray(Permission[]::new));
        }));
        STARTS_BY_ROLE.keySet().forEach(role -> grant(role, Resources.PROCESS_INSTANCE, ANY, CREATE));
        MANAGERS.forEach(role -> {
            // their processes' instances and history through the grants above: nothing of the other processes
            grant(role, Resources.APPLICATION, "cockpit", ACCESS);
            grant(role, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY);
        });
        grant(ANALYST, Resources.APPLICATION, "cockpit", ACCESS);
        // analysts improve the models from what instances do: running instances, history, heat maps; read-only
        grant(ANALYST, Resources.PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY);
        grant(ANALYST, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY);
        grant(ANALYST, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
        grant(ANALYST, Resources.DEPLOYMENT, ANY, READ);

        List<String> everyone = Roles.ALL.stream().map(Roles.Role::id).toList();
        filter("My tasks", -10, "Tasks assigned to me", everyone,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        // my groups' unclaimed tasks and those of them I claimed: a task claimed here stays in the list, selected, with
        // its form open (Tasklist drops a task that leaves the filter); a colleague's claimed task is the colleague's
        filter("My group's queue", -5, "Unclaimed tasks of my groups, and those I claimed", everyone,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .or().taskUnassigned().taskAssigneeExpression("${currentUser()}").endOr());
        // mine, and my groups' unclaimed ones: a colleague's claimed task is the colleague's
        filter("Due today", 0, "My tasks and my groups' unclaimed tasks due by the end of today", everyone,
                tasks.createTaskQuery()
                        .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}")
                        .or().taskAssigneeExpression("${currentUser()}")
                        .taskCandidateGroupInExpression("${currentUserGroups()}").endOr());
        filter("Escalated", 5, "Late tasks raised to high priority", everyone,
                tasks.createTaskQuery().taskMinPriority(80));
        filter("Support tickets", 10, "Every open ticket, service request and account reactivation, to triage and "
                        + "reassign", List.of(CUSTOMER_CARE, SUPPORT_SUPERVISOR),
                tasks.createTaskQuery().processDefinitionKeyIn("troubleTicket", "serviceRequest", "accountReactivation"));
        log.info("Role access ready: {} roles, authorizations and task filters in place", Roles.ALL.size());
    }

    /** Grants what is missing: an existing authorization keeps what it has and gains the permissions asked for. */
    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).list().stream()
                .filter(existing -> existing.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT).findFirst().orElse(null);
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            return;
        }
        Arrays.stream(permissions).forEach(authorization::addPermission);
        authorizations.saveAuthorization(authorization);
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            org.camunda.bpm.engine.identity.Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void filter(String name, int priority, String description, List<String> groups, TaskQuery query) {
        // Touchpoint's own filters have no owner; a user's filter of the same name is left alone
        Filter filter = filters.createFilterQuery().filterName(name).list().stream()
                .filter(existing -> existing.getOwner() == null).findFirst().orElse(null);
        if (filter == null) {
            filter = filters.newTaskFilter(name).setQuery(query).setProperties(Map.of("description", description,
                    "priority", priority, "refresh", true, "variables", LIST_VARIABLES));
            filters.saveFilter(filter);
        }
        for (String group : groups) {
            grant(group, Resources.FILTER, filter.getId(), READ);
        }
    }

}
