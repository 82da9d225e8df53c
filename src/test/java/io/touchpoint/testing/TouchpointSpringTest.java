package io.touchpoint.testing;

import org.junit.jupiter.api.Tag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Spring Boot test of the whole application on a random port, with the {@code test} profile: in-memory
 * database (a fresh PostgreSQL database under the {@code postgres} Maven profile, see {@link PostgresTestDatabase})
 * and SMTP on localhost:3025, where the test's GreenMail listens.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag(TouchpointSpringTest.TAG)
public @interface TouchpointSpringTest {

    /** The JUnit tag of every Spring Boot test: the {@code postgres} Maven profile runs these again on PostgreSQL. */
    String TAG = "spring";
}
