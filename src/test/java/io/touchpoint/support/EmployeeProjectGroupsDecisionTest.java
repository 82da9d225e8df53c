package io.touchpoint.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project table of employee requests (processes/employee-project-groups.dmn, SUP-13) as an analyst edits it:
 * each rule with a project it applies to, and the support group of the project's personnel.
 */
class EmployeeProjectGroupsDecisionTest {

    static DmnEngine dmn;
    static DmnDecision projectGroups;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = EmployeeProjectGroupsDecisionTest.class.getClassLoader()
                .getResourceAsStream(SupportProcess.EMPLOYEE_PROJECTS_RESOURCE)) {
            projectGroups = dmn.parseDecision("employeeProjectGroups", model);
        }
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("Rule_InternalDatabase", "INTERNAL-DATABASE", "tech-support"),
                Arguments.of("Rule_CustomerPortal", "CUSTOMER-PORTAL", "tech-support"),
                Arguments.of("Rule_CoreNetwork", "CORE-NETWORK", "tech-support-l2"),
                Arguments.of("Rule_OtherProjects, a project not listed", "WAREHOUSE", "tech-support"),
                Arguments.of("Rule_OtherProjects, no project given", "", "tech-support"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleGivesTheGroupOfTheProjectsPersonnel(String rule, String project, String group) {
        String result = dmn.evaluateDecision(projectGroups, Variables.createVariables().putValue("project", project))
                .getSingleResult().getSingleEntry();

        assertThat(result).isEqualTo(group);
    }
}
