package io.touchpoint.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every group a model gives work to may read that process under authorization (RoleAccess): the candidate groups
 * of the user tasks, the groups escalation steps add, and the support groups the SLA table assigns. A new task for
 * a new role, without its line in RoleAccess, fails here rather than vanishing from that role's Tasklist.
 */
class RoleCoverageTest {

    private static final Pattern PROCESS_ID = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
    private static final Pattern CANDIDATE_GROUPS = Pattern.compile("camunda:candidateGroups=\"([^\"$]+)\"");
    private static final Pattern ESCALATION_GROUP = Pattern.compile(
            "<camunda:inputParameter name=\"group\">([^<$]+)</camunda:inputParameter>");

    @Test
    void everyGroupAModelGivesWorkToMayReadThatProcess() throws Exception {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
                String xml = Files.readString(model);
                Matcher process = PROCESS_ID.matcher(xml);
                assertThat(process.find()).as(model + " has a process").isTrue();
                String processKey = process.group(1);
                for (Pattern pattern : List.of(CANDIDATE_GROUPS, ESCALATION_GROUP)) {
                    Matcher groups = pattern.matcher(xml);
                    while (groups.find()) {
                        for (String group : groups.group(1).split(",")) {
                            checked++;
                            if (!RoleAccess.PROCESSES_BY_ROLE.getOrDefault(group.trim(), List.of()).contains(processKey)) {
                                missing.add(group.trim() + " works in " + processKey + " (" + model.getFileName() + ")");
                            }
                        }
                    }
                }
            }
        }
        // the SLA table assigns tickets and service requests to its support groups, and second level takes them over
        String sla = Files.readString(Path.of("processes/ticket-sla.dmn"));
        Matcher supportGroups = Pattern.compile("<text>\"([a-z0-9-]+)\"</text>").matcher(sla);
        List<String> slaGroups = new ArrayList<>(List.of("tech-support-l2"));
        while (supportGroups.find()) {
            if (RoleAccess.PROCESSES_BY_ROLE.containsKey(supportGroups.group(1))) {
                slaGroups.add(supportGroups.group(1));
            }
        }
        assertThat(slaGroups).contains("tech-support", "billing", "account-relations");
        for (String group : slaGroups) {
            checked++;
            List<String> processes = RoleAccess.PROCESSES_BY_ROLE.get(group);
            if (!processes.contains("troubleTicket") && !processes.contains("serviceRequest")) {
                missing.add(group + " is a support group of ticket-sla.dmn");
            }
        }
        assertThat(checked).as("groups checked").isGreaterThanOrEqualTo(30);
        assertThat(missing).as("groups with work but no read access to the process (add them to RoleAccess)").isEmpty();
    }
}
