package io.touchpoint.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.journey.Catalog;
import io.touchpoint.journey.CustomerJourney;
import io.touchpoint.journey.QuoteRequest;
import io.touchpoint.support.NewTicket;
import io.touchpoint.support.TicketService;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * With authorization on, each role sees and works only its own tasks and processes, in the engine's API as in
 * Tasklist and /engine-rest: a technician never sees billing's work, customer care triages every ticket but has no
 * Cockpit, managers and analysts have Cockpit. A task's grants go with the people on it: a candidate group or user
 * removed from a task, or an assignee replaced, no longer reads the task or its variables.
 */
@TouchpointSpringTest
class RoleAccessTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    FilterService filters;
    @Autowired
    TicketService tickets;
    @Autowired
    TestRestTemplate http;
    @Autowired
    CustomerJourney journeys;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTechnicianDoesNotSeeBillingsTasksWhichBillingWorks() {
        String request = tickets.open(billingQuestion()).ticketNumber();
        Task handle = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(request).singleResult(), task -> task != null);

        assertThat(as("theo", () -> tasks.createTaskQuery().processInstanceBusinessKey(request).count())).isZero();
        assertThat(as("betty", () -> tasks.createTaskQuery().processInstanceBusinessKey(request).count())).isEqualTo(1);
        assertThatThrownBy(() -> as("theo", () -> {
            tasks.complete(handle.getId());
            return null;
        })).isInstanceOf(AuthorizationException.class);
        assertThat(as("theo", () -> repository.createProcessDefinitionQuery().processDefinitionKey("serviceRequest").count()))
                .as("not even the definition").isZero();

        // the engine's REST API honours the same authorizations
        List<?> theos = http.withBasicAuth("theo", "demo").getForObject("/engine-rest/task?processInstanceBusinessKey="
                + request, List.class);
        List<?> bettys = http.withBasicAuth("betty", "demo").getForObject("/engine-rest/task?processInstanceBusinessKey="
                + request, List.class);
        assertThat(theos).isEmpty();
        assertThat(bettys).hasSize(1);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void customerCareSeesAndReassignsEveryTicketButHasNoCockpit() {
        String ticket = tickets.open(new NewTicket("Internet down", "No connection since 9:00.", NewTicket.Category.OUTAGE,
                NewTicket.Priority.P2, null, null, "ops@harbor.example", "Hana Ortiz", null, null, null, null)).ticketNumber();
        Task acknowledge = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(ticket).taskDefinitionKey("UserTask_AcknowledgeTicket").singleResult(),
                task -> task != null);
        String other = "tim".equals(acknowledge.getAssignee()) ? "terrence" : "tim";

        assertThat(as("kim", () -> tasks.createTaskQuery().processInstanceBusinessKey(ticket).count())).isEqualTo(1);
        as("kim", () -> {
            tasks.setAssignee(acknowledge.getId(), other);
            return null;
        });
        assertThat(tasks.createTaskQuery().taskId(acknowledge.getId()).singleResult().getAssignee()).isEqualTo(other);
        assertThat(as("theo", () -> tasks.createTaskQuery().processInstanceBusinessKey(ticket).count())).isZero();

        assertThat(cockpit("kim")).isFalse();
        assertThat(cockpit("theo")).isFalse();
        assertThat(cockpit("sue")).isTrue();
        assertThat(cockpit("dan")).isTrue();
        assertThat(cockpit("alex")).as("the analyst").isTrue();
        assertThat(authorizations.isUserAuthorized("alex", groups("alex"), Permissions.READ, Resources.PROCESS_DEFINITION,
                "presales")).isTrue();
        // the analyst improves models from what instances do: reads running instances and their history, read-only
        assertThat(as("alex", () -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticket).count()))
                .as("the analyst sees the running ticket").isEqualTo(1);
        assertThat(as("alex", () -> history.createHistoricActivityInstanceQuery()
                .processInstanceId(acknowledge.getProcessInstanceId()).count())).as("and its history").isPositive();
        for (Permissions change : List.of(Permissions.UPDATE_INSTANCE, Permissions.DELETE_INSTANCE, Permissions.UPDATE,
                Permissions.UPDATE_TASK)) {
            assertThat(authorizations.isUserAuthorized("alex", groups("alex"), change, Resources.PROCESS_DEFINITION,
                    "troubleTicket")).as("the analyst may not " + change).isFalse();
        }
    }

    @Test
    void aTicketMovedToSecondLevelLeavesFirstLevelsView() {
        String ticket = tickets.open(new NewTicket("Fiber link flapping", "The link drops every few minutes.",
                NewTicket.Category.DEGRADED_SERVICE, NewTicket.Priority.P2, null, null, "ops@harbor.example", "Hana Ortiz",
                null, null, null, null)).ticketNumber();
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticket).singleResult().getId();
        Task acknowledge = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceId(instance).taskDefinitionKey("UserTask_AcknowledgeTicket").singleResult(), t -> t != null);
        String agent = acknowledge.getAssignee();
        String colleague = "tim".equals(agent) ? "terrence" : "tim";
        awaitIdle(instance);
        tasks.complete(acknowledge.getId());
        Task work = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("UserTask_WorkTicket").singleResult();
        assertThat(as(colleague, () -> tasks.createTaskQuery().taskId(work.getId()).count())).as("first level's queue")
                .isEqualTo(1);

        // the resolution target is missed: second level takes the task
        management.executeJob(management.createJobQuery().processInstanceId(instance)
                .activityId("BoundaryEvent_ResolutionBreached").singleResult().getId());

        assertThat(tasks.createTaskQuery().taskId(work.getId()).singleResult().getAssignee()).isEqualTo("lars");
        assertThat(as("lars", () -> tasks.createTaskQuery().taskId(work.getId()).count())).isEqualTo(1);
        assertThat(as(colleague, () -> tasks.createTaskQuery().taskId(work.getId()).count())).as("no longer first level's")
                .isZero();
        assertThat(as(agent, () -> tasks.createTaskQuery().taskId(work.getId()).count())).isZero();
    }

    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    private void awaitIdle(String instance) {
        await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().processInstanceId(instance)
                .executable().count() == 0);
    }

    @Test
    void everyRoleHasItsTaskFilters() {
        List<String> kims = as("kim", () -> filters.createTaskFilterQuery().list().stream().map(Filter::getName).toList());
        List<String> theos = as("theo", () -> filters.createTaskFilterQuery().list().stream().map(Filter::getName).toList());

        assertThat(kims).contains("My tasks", "My group's queue", "Due today", "Escalated", "Support tickets");
        assertThat(theos).contains("My tasks", "My group's queue", "Due today", "Escalated").doesNotContain("Support tickets");
        assertThat(as("kim", () -> identity.createUserQuery().count())).isPositive();
        // Tasklist counts every filter as it shows it: each one runs
        as("kim", () -> {
            filters.createTaskFilterQuery().list().forEach(filter -> assertThat(filters.count(filter.getId()))
                    .as(filter.getName()).isNotNull());
            return null;
        });
    }

    @Test
    void salesRepsTaskListShowsTheCompanyButNoOtherRolesProcess() throws Exception {
        String quote = journeys.start(new QuoteRequest("Harbor Dental Group", "Ann Lee", "ann@harbor.example",
                "+1 555 010 0100", 8, List.of(Catalog.Service.HOSTED_VOICE), List.of(), "Old Telco", null));
        Task introduce = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(quote).taskDefinitionKey("Task_IntroduceAndAnalyseNeeds").singleResult(),
                task -> task != null);
        String ticket = tickets.open(new NewTicket("Phones silent", "No calls since noon.", NewTicket.Category.OUTAGE,
                NewTicket.Priority.P2, null, null, "ops@harbor.example", "Hana Ortiz", null, null, null, null)).ticketNumber();
        String ticketInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticket).singleResult()
                .getId();

        // the task list Tasklist loads: the filter's list as HAL, with the filter's variables embedded per task
        String queue = filters.createFilterQuery().filterName("My group's queue").singleResult().getId();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        ResponseEntity<String> list = http.withBasicAuth("sara", "demo").exchange("/engine-rest/filter/" + queue
                + "/list", HttpMethod.POST, new HttpEntity<>("{\"processInstanceBusinessKey\": \"" + quote + "\"}",
                headers), String.class);

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode task = JSON.readTree(list.getBody()).path("_embedded").path("task").get(0);
        assertThat(task.path("id").asText()).isEqualTo(introduce.getId());
        assertThat(task.path("name").asText()).as("the name tells whose task it is")
                .isEqualTo("Introduce our team and analyse needs · Harbor Dental Group · " + quote);
        assertThat(variables(task)).containsEntry("companyName", "Harbor Dental Group").containsEntry("quoteNumber", quote);

        // nothing of support's processes: no instance, no variable
        List<?> instances = http.withBasicAuth("sara", "demo").getForObject("/engine-rest/process-instance?businessKey="
                + ticket, List.class);
        List<?> variables = http.withBasicAuth("sara", "demo").getForObject(
                "/engine-rest/variable-instance?processInstanceIdIn=" + ticketInstance, List.class);
        assertThat(instances).isEmpty();
        assertThat(variables).isEmpty();
        assertThat(http.withBasicAuth("tim", "demo").getForObject("/engine-rest/variable-instance?processInstanceIdIn="
                + ticketInstance, List.class)).as("tech support reads its own process").isNotEmpty();
        assertThat(as("sara", () -> runtime.createProcessInstanceQuery().processDefinitionKey("troubleTicket").count()))
                .isZero();
        assertThat(as("theo", () -> runtime.createVariableInstanceQuery().processInstanceIdIn(ticketInstance).count()))
                .isZero();
    }

    @Test
    void dueTodayHoldsMyTasksAndMyGroupsUnclaimedOnesWithColleaguesByFullName() {
        Date now = new Date();
        Task mine = standaloneTask("Call back the florist", now, "tim");
        Task colleagues = standaloneTask("Call back the bakery", now, "terrence");
        Task unclaimed = standaloneTask("Call back the garage", now, null);
        Task later = standaloneTask("Call back the dentist", Date.from(Instant.now().plus(Duration.ofDays(3))), null);
        try {
            String dueToday = filters.createFilterQuery().filterName("Due today").singleResult().getId();
            List<String> tims = as("tim", () -> filters.<Task>list(dueToday).stream().map(Task::getId).toList());

            assertThat(tims).contains(mine.getId(), unclaimed.getId()).doesNotContain(colleagues.getId(), later.getId());
            assertThat(as("tim", () -> identity.createUserQuery().userId("terrence").singleResult()))
                    .as("Tasklist shows a colleague by full name").isNotNull()
                    .extracting(user -> user.getFirstName() + " " + user.getLastName()).isEqualTo("Terrence Hank");
        } finally {
            List.of(mine, colleagues, unclaimed, later).forEach(task -> tasks.deleteTask(task.getId(), true));
        }
    }

    @Test
    void groupsQueueHoldsMyGroupsUnclaimedTasksAndThoseIClaimed() {
        Date now = new Date();
        Task mine = standaloneTask("Call back the baker", now, "tim");
        Task colleagues = standaloneTask("Call back the butcher", now, "terrence");
        Task unclaimed = standaloneTask("Call back the grocer", now, null);
        try {
            String queue = filters.createFilterQuery().filterName("My group's queue").singleResult().getId();
            List<String> tims = as("tim", () -> filters.<Task>list(queue).stream().map(Task::getId).toList());

            assertThat(tims).as("claimed in the queue, it stays there").contains(mine.getId(), unclaimed.getId())
                    .doesNotContain(colleagues.getId());
            assertThat(as("sara", () -> filters.<Task>list(queue).stream().map(Task::getId).toList()))
                    .as("another role's queue").doesNotContain(mine.getId(), unclaimed.getId());
        } finally {
            List.of(mine, colleagues, unclaimed).forEach(task -> tasks.deleteTask(task.getId(), true));
        }
    }

    private Task standaloneTask(String name, Date due, String assignee) {
        Task task = tasks.newTask();
        task.setName(name);
        task.setDueDate(due);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), Roles.TECH_SUPPORT);
        if (assignee != null) {
            tasks.setAssignee(task.getId(), assignee);
        }
        return task;
    }

    private static Map<String, String> variables(JsonNode task) {
        Map<String, String> variables = new HashMap<>();
        task.path("_embedded").path("variable").forEach(variable -> variables.put(variable.path("name").asText(),
                variable.path("value").asText()));
        return variables;
    }

    private boolean cockpit(String user) {
        return authorizations.isUserAuthorized(user, groups(user), Permissions.ACCESS, Resources.APPLICATION, "cockpit");
    }

    @Test
    void aCandidateGroupRemovedAgainNoLongerReadsTheTaskOrItsVariables() {
        Task billing = billingTask();
        as("kim", () -> tasks.addCandidateGroup(billing.getId(), Roles.TECH_SUPPORT));
        assertThat(canRead("tim", billing)).isTrue();

        as("kim", () -> tasks.deleteCandidateGroup(billing.getId(), Roles.TECH_SUPPORT));

        assertThat(canRead("tim", billing)).isFalse();
        assertThatThrownBy(() -> as("tim", () -> tasks.getVariables(billing.getId())))
                .isInstanceOf(AuthorizationException.class);
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(billing.getId()).groupIdIn(Roles.TECH_SUPPORT).count()).isZero();
        assertThat(canRead("betty", billing)).as("billing, still the candidate group, keeps it").isTrue();
    }

    @Test
    void aCandidateUserRemovedAgainNoLongerReadsTheTask() {
        Task billing = billingTask();
        as("sue", () -> tasks.addCandidateUser(billing.getId(), "tim"));
        assertThat(canRead("tim", billing)).isTrue();

        as("sue", () -> tasks.deleteCandidateUser(billing.getId(), "tim"));

        assertThat(canRead("tim", billing)).isFalse();
    }

    @Test
    void aReplacedAssigneeNoLongerReadsTheTaskUnlessStillACandidate() {
        Task billing = billingTask();
        as("kim", () -> tasks.setAssignee(billing.getId(), "tim"));
        assertThat(canRead("tim", billing)).isTrue();
        as("kim", () -> tasks.addCandidateUser(billing.getId(), "terrence"));
        as("kim", () -> tasks.setAssignee(billing.getId(), "terrence"));

        assertThat(canRead("tim", billing)).as("the previous assignee").isFalse();
        as("kim", () -> tasks.setAssignee(billing.getId(), billing.getAssignee()));
        assertThat(canRead("terrence", billing)).as("still a candidate user").isTrue();
    }

    /** A service request's task, which billing works and a technician does not see. */
    private Task billingTask() {
        String request = tickets.open(billingQuestion()).ticketNumber();
        Task task = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(request).singleResult(), found -> found != null);
        assertThat(canRead("tim", task)).isFalse();
        return task;
    }

    private boolean canRead(String user, Task task) {
        return as(user, () -> tasks.createTaskQuery().taskId(task.getId()).count()) == 1;
    }

    private void as(String user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }

    private List<String> groups(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    /** Runs {@code work} as {@code user} would in Tasklist: authenticated, with the user's groups. */
    private <T> T as(String user, Supplier<T> work) {
        identity.setAuthentication(user, groups(user));
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static NewTicket billingQuestion() {
        return new NewTicket("Charged twice", "Two charges in November.", NewTicket.Category.BILLING, NewTicket.Priority.P3,
                null, null, "ann@acme.example", "Ann Lee", "ACC-2040", null, null, null);
    }

}
