package io.touchpoint.testing;

import com.icegreen.greenmail.base.GreenMailOperations;
import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.calendar.CalendarProperties;
import io.touchpoint.notification.DeliveryIncidents;
import io.touchpoint.notification.EmailService;
import io.touchpoint.notification.MailDispatcher;
import io.touchpoint.notification.MailProperties;
import io.touchpoint.notification.Outbox;
import io.touchpoint.notification.Recipients;
import io.touchpoint.notification.RetryCycle;
import io.touchpoint.numbering.BusinessNumbers;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The shared beans of the process tests, built from the real classes with test settings and registered under
 * the names the models use. Only the email step is replaced (by {@link RecordingEmailStep}); the survey steps send
 * through the real outbox ({@link #mail}).
 */
public final class ProcessTestBeans {

    /**
     * The engine configuration of the process tests. Not named camunda.cfg.xml, so that the webapps of the Spring
     * Boot tests do not find it and build a second engine from it.
     */
    public static final String CONFIGURATION = "process-tests.camunda.cfg.xml";

    /** New York business hours, 08:00-17:00 Monday to Friday, US public holidays (Thanksgiving 2026 among them). */
    public static final CalendarProperties CALENDAR = new CalendarProperties(ZoneId.of("America/New_York"),
            LocalTime.of(8, 0), LocalTime.of(17, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "US", "",
            List.of());

    public static final MailProperties MAIL = new MailProperties("journey@touchpoint.example", "sales@touchpoint.example",
            RetryCycle.parse("R5/PT1M"), java.time.Duration.ofSeconds(1), new MailProperties.Capture(0));

    public final BusinessCalendar calendar = new BusinessCalendar(CALENDAR);
    public final RecordingEmailStep emails = new RecordingEmailStep();
    public final BusinessNumbers numbers;
    /** Touchpoint's own tables (numbers, surveys, outage list) in the engine's database. */
    public final JdbcTemplate jdbc;

    private ProcessTestBeans(ProcessEngine engine) {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // Touchpoint's own tables, by the same migrations the application runs
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .table("touchpoint_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
        this.jdbc = jdbc;
        numbers = new BusinessNumbers(jdbc, new DataSourceTransactionManager(dataSource), calendar);
        Mocks.register("businessCalendar", calendar);
        Mocks.register("sendEmail", emails);
        Mocks.register("recipients", new Recipients(engine.getIdentityService(), MAIL));
        Mocks.register("retryPolicy", new io.touchpoint.monitoring.RetryPolicy(new io.touchpoint.monitoring.MonitoringProperties("", "", java.time.Duration.ofSeconds(10), "R10/PT5M")));
    }

    /**
     * The real email outbox on the test engine's database, delivering to the SMTP server on {@code smtpPort} (a
     * GreenMail of the test) when the test asks: steps queue their emails, {@link Mail#sendQueued()} sends them.
     */
    public Mail mail(ProcessEngine engine, int smtpPort) {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(smtpPort);
        Outbox outbox = new Outbox(jdbc);
        DeliveryIncidents incidents = new DeliveryIncidents(engine.getRuntimeService(), outbox);
        return new Mail(new EmailService(outbox, MAIL, incidents, event -> { }),
                new MailDispatcher(outbox, smtp, MAIL, incidents), outbox);
    }

    /** The email service of the process tests' steps, and its dispatcher. */
    public record Mail(EmailService emails, MailDispatcher dispatcher, Outbox outbox) {

        /** Sends what the steps queued, as the dispatcher does after their transactions. */
        public void sendQueued() {
            dispatcher.sendDue();
        }

        /**
         * The newest email of the process instance whose subject starts so, as the SMTP server received it (found by
         * its Message-ID: the test database also holds other tests' emails).
         */
        public MimeMessage received(GreenMailOperations smtp, String processInstanceId, String subjectStart) {
            sendQueued();
            return Mails.received(smtp, outbox, processInstanceId, subjectStart).orElseThrow(() ->
                    new AssertionError("no email '" + subjectStart + "' of " + processInstanceId + " was received"));
        }
    }

    /** The installation settings of the process tests, with the base URL of their links. */
    public static io.touchpoint.TouchpointProperties touchpoint(String baseUrl) {
        return new io.touchpoint.TouchpointProperties(baseUrl, java.nio.file.Path.of("target", "process-test-data"), "admin");
    }

    /** A local date-time in the test calendar's zone (New York), as due dates are asserted. */
    public static java.util.Date newYork(String localDateTime) {
        return java.util.Date.from(java.time.LocalDateTime.parse(localDateTime).atZone(CALENDAR.zone()).toInstant());
    }

    /** A user with an email address, member of a group, created unless the test engine has them already. */
    public static void person(ProcessEngine engine, String id, String firstName, String lastName, String group) {
        var identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@touchpoint.example");
            identity.saveUser(user);
        }
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }

    /** Registers the shared beans; register the process's own beans after this. */
    public static ProcessTestBeans register(ProcessEngine engine) {
        return new ProcessTestBeans(engine);
    }
}
