package io.touchpoint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Spring Boot tests run on the database they claim to: H2 by default, PostgreSQL under the {@code postgres}
 * Maven profile (so a run that quietly fell back to H2 fails), with the engine's and Touchpoint's own tables.
 */
@TouchpointSpringTest
class TestDatabaseTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.flywaydb.core.Flyway flyway;

    @Test
    void testsRunOnTheDatabaseOfTheProfile() throws Exception {
        String expected = PostgresTestDatabase.enabled() ? "PostgreSQL" : "H2";
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(expected);
        }
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType())
                .isEqualTo(PostgresTestDatabase.enabled() ? "postgres" : "h2");
        assertThat(flyway.info().applied()).as("Touchpoint's migrations applied")
                .extracting(migration -> migration.getVersion().getVersion()).contains("1", "2", "3", "4", "5");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM support_ticket WHERE 1 = 0", Integer.class)).isZero();
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("troubleTicket").count())
                .isEqualTo(1);
    }
}
