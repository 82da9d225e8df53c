package io.touchpoint.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.base.GreenMailOperations;
import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.calendar.CalendarProperties;
import io.touchpoint.documents.Documents;
import io.touchpoint.monitoring.MonitoringProperties;
import io.touchpoint.notification.EmailService;
import io.touchpoint.notification.MailDispatcher;
import io.touchpoint.notification.MailProperties;
import io.touchpoint.notification.Outbox;
import io.touchpoint.notification.RetryCycle;
import io.touchpoint.notification.SendEmailDelegate;
import io.touchpoint.numbering.BusinessNumbers;
import jakarta.mail.internet.MimeMessage;
import java.lang.annotation.Annotation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.client.RestClient;

/**
 * The beans of a process test: Touchpoint's own classes, found by component scan of the feature packages as the
 * application finds them, in a small Spring context on the process-test engine's services and database, with the
 * test's settings. The models' expressions reach them by name ({@link ProcessTestExpressionManager}); a bean is
 * created when a model or the test first asks for it. Only the email step is replaced (by {@link RecordingEmailStep});
 * the survey steps send through the real outbox ({@link #mail}) to the test's SMTP server.
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
            RetryCycle.parse("R5/PT1M"), Duration.ofSeconds(1), Duration.ofMinutes(5),
            new MailProperties.Capture(0), Duration.ofDays(90), 500, Duration.ofMinutes(5));

    /** The monitoring webhook of the process tests: none configured, 5 s timeout, retried 3 times a minute apart. */
    public static final MonitoringProperties MONITORING = new MonitoringProperties("", "", Duration.ofSeconds(5), "R3/PT1M");

    /** The feature packages whose beans the models call: web, security and demo code stay out. */
    private static final String[] FEATURES = {"io.touchpoint.calendar", "io.touchpoint.documents", "io.touchpoint.escalation",
        "io.touchpoint.identity", "io.touchpoint.journey", "io.touchpoint.knowledge", "io.touchpoint.monitoring",
        "io.touchpoint.notification", "io.touchpoint.numbering", "io.touchpoint.orders", "io.touchpoint.outage",
        "io.touchpoint.postsales", "io.touchpoint.presales", "io.touchpoint.provisioning", "io.touchpoint.support",
        "io.touchpoint.survey"};

    private final AnnotationConfigApplicationContext context;
    public final BusinessCalendar calendar;
    public final RecordingEmailStep emails = new RecordingEmailStep();
    public final BusinessNumbers numbers;
    /** Touchpoint's own tables (numbers, surveys, outage list) in the engine's database. */
    public final JdbcTemplate jdbc;
    /** The real email outbox, delivering to the test's SMTP server when the test asks ({@link Mail#sendQueued()}). */
    public final Mail mail;

    private ProcessTestBeans(ProcessEngine engine, int smtpPort, Object... settings) {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        // Touchpoint's own tables, by the same migrations the application runs
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .table("touchpoint_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();

        context = new AnnotationConfigApplicationContext();
        ConfigurableListableBeanFactory factory = context.getBeanFactory();
        // the steps queue their emails; the test sends them when it asks, not on the application's "queued" event
        factory.registerSingleton(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
                new SimpleApplicationEventMulticaster() {
                    @Override
                    public void multicastEvent(ApplicationEvent event, ResolvableType type) {
                    }
                });
        context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor());
        context.registerBean(ProcessEngine.class, () -> engine);
        context.registerBean(RuntimeService.class, engine::getRuntimeService);
        context.registerBean(TaskService.class, engine::getTaskService);
        context.registerBean(IdentityService.class, engine::getIdentityService);
        context.registerBean(HistoryService.class, engine::getHistoryService);
        context.registerBean(RepositoryService.class, engine::getRepositoryService);
        context.registerBean(ManagementService.class, engine::getManagementService);
        context.registerBean(AuthorizationService.class, engine::getAuthorizationService);
        context.registerBean(FilterService.class, engine::getFilterService);
        context.registerBean(DataSource.class, () -> dataSource);
        context.registerBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource));
        context.registerBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource));
        context.registerBean(ObjectMapper.class, () -> new ObjectMapper());
        context.registerBean(RestClient.Builder.class, () -> RestClient.builder());
        context.registerBean(JavaMailSender.class, () -> {
            JavaMailSenderImpl smtp = new JavaMailSenderImpl();
            smtp.setHost("127.0.0.1");
            smtp.setPort(smtpPort);
            return smtp;
        });
        for (Object setting : List.of(CALENDAR, MAIL, MONITORING, touchpoint("https://touchpoint.example"))) {
            register(setting);
        }
        for (Object setting : settings) {
            register(setting); // the test's own settings win over the defaults above
        }
        ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context);
        for (Class<? extends Annotation> web : List.of(Controller.class, ControllerAdvice.class, Configuration.class)) {
            scanner.addExcludeFilter(new AnnotationTypeFilter(web));
        }
        scanner.addExcludeFilter(new AssignableTypeFilter(jakarta.servlet.Filter.class));
        scanner.addExcludeFilter(new AssignableTypeFilter(ProcessEnginePlugin.class));
        scanner.scan(FEATURES);
        context.registerBean("sendEmail", JavaDelegate.class, () -> emails); // replaces SendEmailDelegate
        context.refresh();
        ProcessTestExpressionManager.use(context);

        jdbc = context.getBean(JdbcTemplate.class);
        calendar = context.getBean(BusinessCalendar.class);
        numbers = context.getBean(BusinessNumbers.class);
        mail = new Mail(context.getBean(EmailService.class), context.getBean(MailDispatcher.class),
                context.getBean(Outbox.class));
    }

    @SuppressWarnings("unchecked")
    private void register(Object setting) {
        context.registerBean(setting.getClass().getName(), (Class<Object>) setting.getClass(), () -> setting);
    }

    /** Touchpoint's bean of this type, as the application would build it from the test's settings. */
    public <T> T get(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Has the email steps also send their emails for real, rendered with their attachments and documents into the
     * outbox, sent to the test's SMTP server when the test asks ({@link Mail#received}); they are still recorded.
     */
    public ProcessTestBeans sendingEmails() {
        emails.alsoSendThrough(new SendEmailDelegate(get(EmailService.class), get(Documents.class)));
        return this;
    }

    /** Closes the context; the models' expressions reach no bean until the next test registers its own. */
    void close() {
        ProcessTestExpressionManager.use(null);
        context.close();
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

    /**
     * The installation settings of the process tests, with the base URL of their links; a data folder per surefire fork,
     * so that two JVMs never write the same generated secret at once.
     */
    public static io.touchpoint.TouchpointProperties touchpoint(String baseUrl) {
        return new io.touchpoint.TouchpointProperties(baseUrl, java.nio.file.Path.of("target", "process-test-data-"
                + System.getProperty("touchpoint.test.fork", "fork-0")), "admin");
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

    /**
     * The beans of one test, with its settings (records such as {@code SupportProperties}; each replaces the default
     * of its type), sending email to the SMTP server on {@code smtpPort}. {@link ProcessTestSupport} closes them
     * after the test.
     */
    public static ProcessTestBeans registerSendingTo(int smtpPort, ProcessEngine engine, Object... settings) {
        ProcessTestBeans beans = new ProcessTestBeans(engine, smtpPort, settings);
        ProcessTestSupport.closeAfterTest(beans);
        return beans;
    }

    /** The beans of a test that sends no email over SMTP. */
    public static ProcessTestBeans register(ProcessEngine engine, Object... settings) {
        return registerSendingTo(25, engine, settings);
    }
}
