package io.touchpoint.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SLA decision table (processes/ticket-sla.dmn) as an analyst edits it: each rule with a ticket it applies to,
 * and the targets and group it gives.
 */
class TicketSlaDecisionTest {

    static DmnEngine dmn;
    static DmnDecision ticketSla;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = TicketSlaDecisionTest.class.getClassLoader().getResourceAsStream("processes/ticket-sla.dmn")) {
            ticketSla = dmn.parseDecision("ticketSla", model);
        }
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("Rule_01 billing", "P2", "BILLING", "PREMIUM", "CUSTOMER", 480, 1620, "billing"),
                Arguments.of("Rule_02 move/add/change", "P3", "MOVE_ADD_CHANGE", "STANDARD", "CUSTOMER", 480, 2700, "account-relations"),
                Arguments.of("Rule_03 general inquiry", "P4", "GENERAL", "STANDARD", "EMPLOYEE", 480, 2700, "account-relations"),
                Arguments.of("Rule_04 P1 premium outage", "P1", "OUTAGE", "PREMIUM", "CUSTOMER", 30, 240, "tech-support"),
                Arguments.of("Rule_05 P1 outage", "P1", "OUTAGE", "STANDARD", "CUSTOMER", 60, 240, "tech-support"),
                Arguments.of("Rule_06 P3 employee access, treated urgently", "P3", "ACCESS", "STANDARD", "EMPLOYEE", 60, 480, "tech-support"),
                Arguments.of("Rule_07 P2 premium degraded", "P2", "DEGRADED_SERVICE", "PREMIUM", "CUSTOMER", 60, 480, "tech-support"),
                Arguments.of("Rule_08 P2 equipment", "P2", "EQUIPMENT", "STANDARD", "CUSTOMER", 120, 480, "tech-support"),
                Arguments.of("Rule_09 P3 customer access", "P3", "ACCESS", "PREMIUM", "CUSTOMER", 240, 1620, "tech-support"),
                Arguments.of("Rule_10 P4 equipment", "P4", "EQUIPMENT", "STANDARD", "CUSTOMER", 480, 2700, "tech-support"),
                Arguments.of("Rule_05 P1 employee outage: as a customer's, never slower", "P1", "OUTAGE", "STANDARD", "EMPLOYEE", 60, 240, "tech-support"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleGivesItsTargetsAndGroup(String rule, String priority, String category, String tier, String requester,
                                         int firstResponse, int resolution, String group) {
        DmnDecisionResultEntries result = dmn.evaluateDecision(ticketSla, Variables.createVariables()
                .putValue("priority", priority).putValue("category", category).putValue("customerTier", tier)
                .putValue("requesterType", requester)).getSingleResult();

        assertThat((Number) result.getEntry("firstResponseMinutes")).extracting(Number::intValue).isEqualTo(firstResponse);
        assertThat((Number) result.getEntry("resolutionMinutes")).extracting(Number::intValue).isEqualTo(resolution);
        assertThat((String) result.getEntry("supportGroup")).isEqualTo(group);
    }
}
