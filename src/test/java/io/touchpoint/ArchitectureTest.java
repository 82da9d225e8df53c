package io.touchpoint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.touchpoint.calendar.BusinessCalendar;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shape of the code (README, "How the code is organised"), held in {@code mvn verify}: packages by feature that
 * never depend on each other in a circle, delegates as named beans of their feature, one clock, the engine's internal
 * API only where there is no public one, controllers that nobody else calls, settings as records.
 */
@AnalyzeClasses(packages = "io.touchpoint", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The feature packages depend on each other without a cycle (journey below its stages, demo above them). */
    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("io.touchpoint.(*)..").should().beFreeOfCycles();

    /**
     * The engine's internal API ({@code org.camunda.bpm.engine.impl}) changes without notice: only the engine plugin
     * that moves task grants with the task, the history level without variable changes (engine plugins), the error
     * mapper of the engine's REST API and the one clock use it.
     */
    @ArchTest
    static final ArchRule engineInternalsStayInFourPlaces = noClasses()
            .that().haveNameNotMatching("io\\.touchpoint\\.(identity\\.TaskGrantsPlugin|history\\.VariableChangeHistory"
                    + "|web\\.EngineRestErrors|calendar\\.BusinessCalendar)(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..");

    /** One clock: "now" is the business calendar's, which process tests move with the engine's clock. */
    @ArchTest
    static final ArchRule oneClock = noClasses().that().doNotHaveFullyQualifiedName(BusinessCalendar.class.getName())
            .should().dependOnClassesThat().haveFullyQualifiedName(ClockUtil.class.getName());

    /** A delegate or listener is a named {@code @Component} class of its feature package, as the models name it. */
    @ArchTest
    static final ArchRule delegatesAreNamedComponentsOfTheirFeature = classes()
            .that().implement(JavaDelegate.class).or().implement(TaskListener.class).or().implement(ExecutionListener.class)
            .should().beAnnotatedWith(Component.class).andShould(haveABeanName())
            .andShould().resideOutsideOfPackages("io.touchpoint.web..", "io.touchpoint.security..",
                    "io.touchpoint.limits..", "io.touchpoint.idempotency..", "io.touchpoint.demo..");

    /** No delegate is a lambda inside a configuration class. */
    @ArchTest
    static final ArchRule noDelegateBeanMethods = methods().that().areAnnotatedWith(Bean.class)
            .should().notHaveRawReturnType(JavaDelegate.class)
            .andShould().notHaveRawReturnType(TaskListener.class)
            .andShould().notHaveRawReturnType(ExecutionListener.class);

    /** Web layer: controllers are the outer edge; no service, delegate or repository of a feature calls one. */
    @ArchTest
    static final ArchRule nobodyCallsAController = noClasses()
            .that().resideOutsideOfPackages("io.touchpoint.web..", "io.touchpoint.security..")
            .and().areNotAnnotatedWith(Controller.class).and().areNotAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAnnotatedWith(Controller.class)
            .orShould().dependOnClassesThat().areAnnotatedWith(RestController.class);

    /** Web layer: controllers call services, not the database. */
    @ArchTest
    static final ArchRule controllersDoNotQueryTheDatabase = noClasses()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..");

    /** Settings: one kind, validated records named {@code XxxProperties}. */
    @ArchTest
    static final ArchRule settingsAreRecordsNamedProperties = classes()
            .that().areAnnotatedWith(ConfigurationProperties.class)
            .should().beRecords().andShould().haveSimpleNameEndingWith("Properties");

    /** Settings: Touchpoint's keys are read through their records, never with {@code @Value}. */
    @ArchTest
    static final ArchRule touchpointKeysAreNotReadWithValue = classes().should(notReadTouchpointKeysWithValue());

    /** Demo-only code stays out of the application: only the production check looks at it (to refuse it). */
    @ArchTest
    static final ArchRule demoCodeIsUsedByNobody = noClasses()
            .that().resideOutsideOfPackage("io.touchpoint.demo..")
            .and().doNotHaveSimpleName("ProductionSafetyCheck")
            .should().dependOnClassesThat().resideInAPackage("io.touchpoint.demo..");

    private static ArchCondition<JavaClass> haveABeanName() {
        return new ArchCondition<>("name its bean as the models do (@Component(\"name\"))") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean named = type.tryGetAnnotationOfType(Component.class)
                        .map(component -> !component.value().isBlank()).orElse(false);
                events.add(new SimpleConditionEvent(type, named, type.getName() + " has no bean name"));
            }
        };
    }

    private static ArchCondition<JavaClass> notReadTouchpointKeysWithValue() {
        return new ArchCondition<>("not read touchpoint.* keys with @Value") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaCodeUnit unit : type.getCodeUnits()) {
                    for (JavaParameter parameter : unit.getParameters()) {
                        parameter.tryGetAnnotationOfType(Value.class).filter(value -> value.value().contains("touchpoint."))
                                .ifPresent(value -> events.add(SimpleConditionEvent.violated(type, unit.getFullName()
                                        + " reads " + value.value() + " with @Value: use the feature's *Properties record")));
                    }
                }
                type.getFields().forEach(field -> field.tryGetAnnotationOfType(Value.class)
                        .filter(value -> value.value().contains("touchpoint."))
                        .ifPresent(value -> events.add(SimpleConditionEvent.violated(type, field.getFullName()
                                + " reads " + value.value() + " with @Value: use the feature's *Properties record"))));
            }
        };
    }
}
