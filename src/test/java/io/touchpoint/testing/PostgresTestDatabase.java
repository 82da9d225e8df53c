package io.touchpoint.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.MapPropertySource;

/**
 * Under the {@code postgres} Maven profile (system property {@code touchpoint.test.postgres=true}), gives every
 * Spring Boot test context a database of its own on the PostgreSQL server, as the in-memory H2 database does
 * otherwise: created when the context starts, dropped when the test JVM ends. A server that cannot be reached
 * fails the tests; they never fall back to H2.
 * <p>
 * Server and login: {@code touchpoint.test.postgres.url} (default {@code jdbc:postgresql://127.0.0.1:5432/}),
 * {@code touchpoint.test.postgres.admin-database} ({@code postgres}), {@code touchpoint.test.postgres.user}
 * ({@code postgres}) and {@code touchpoint.test.postgres.password} (empty: trust authentication); the pool of each
 * context: {@code touchpoint.test.postgres.pool-size} (6); what its connections run first: application-postgres.yaml's
 * {@code connection-init-sql}, or {@code touchpoint.test.postgres.plan-cache-mode} and {@code .jit} to compare.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ENABLED = "touchpoint.test.postgres";

    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabase::dropAll, "drop-test-databases"));
    }

    public static boolean enabled() {
        return Boolean.getBoolean(ENABLED);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!enabled()) {
            return;
        }
        String database = "touchpoint_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        CREATED.add(database);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgresTestDatabase", Map.of(
                "spring.datasource.url", server() + database,
                "spring.datasource.username", user(),
                "spring.datasource.password", password(),
                "spring.datasource.driver-class-name", "org.postgresql.Driver",
                "spring.datasource.hikari.connection-init-sql", connectionInitSql(),
                // several test contexts live side by side: a few connections each (the benchmarks ask for the
                // production pool, touchpoint.test.postgres.pool-size=20)
                "spring.datasource.hikari.maximum-pool-size", System.getProperty(ENABLED + ".pool-size", "6"))));
    }

    /**
     * What every connection runs first: application-postgres.yaml's (which these contexts do not activate), so that
     * the tests plan as production does; a benchmark compares with PostgreSQL's defaults by
     * {@code -Dtouchpoint.test.postgres.plan-cache-mode=auto} and {@code .jit=on}.
     */
    static String connectionInitSql() {
        String planCacheMode = System.getProperty(ENABLED + ".plan-cache-mode");
        String jit = System.getProperty(ENABLED + ".jit");
        if (planCacheMode != null || jit != null) {
            return "SET plan_cache_mode = " + (planCacheMode == null ? "force_custom_plan" : planCacheMode)
                    + "; SET jit = " + (jit == null ? "off" : jit);
        }
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-postgres.yaml"));
        String initSql = Objects.requireNonNull(yaml.getObject()).getProperty("spring.datasource.hikari.connection-init-sql");
        if (initSql == null || initSql.isBlank()) {
            throw new IllegalStateException("application-postgres.yaml has no spring.datasource.hikari.connection-init-sql:"
                    + " the PostgreSQL tests plan as production does, and need it");
        }
        return initSql;
    }

    private static void dropAll() {
        if (Boolean.getBoolean(ENABLED + ".keep")) {
            // -Dtouchpoint.test.postgres.keep=true: a benchmark's database stays for a look with psql afterwards
            CREATED.forEach(database -> System.err.println("Kept test database " + database));
            return;
        }
        for (String database : CREATED) {
            try {
                execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (IllegalStateException e) {
                System.err.println("Could not drop test database " + database + ": " + e.getMessage());
            }
        }
    }

    private static void execute(String sql) {
        String url = server() + System.getProperty(ENABLED + ".admin-database", "postgres");
        try (Connection connection = DriverManager.getConnection(url, user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL tests need the server at " + url + " (user " + user() + "): "
                    + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static String server() {
        return System.getProperty(ENABLED + ".url", "jdbc:postgresql://127.0.0.1:5432/");
    }

    private static String user() {
        return System.getProperty(ENABLED + ".user", "postgres");
    }

    private static String password() {
        return System.getProperty(ENABLED + ".password", "");
    }
}
