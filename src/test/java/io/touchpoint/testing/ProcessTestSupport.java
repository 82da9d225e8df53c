package io.touchpoint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.junit5.common.ProcessEngineCoverageExtensionBuilder;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every process test class shares besides its engine ({@link #engine()}): after each test the test's beans
 * ({@link ProcessTestBeans}), the engine's clock and the authenticated user are reset; and the class is held to its rows of
 * {@code docs/touchpoint-map.md}: after all its tests, every element the map says this class drives was passed by one
 * of its tests. A touchpoint whose path the tests no longer walk fails here, and so does a map that names the wrong test.
 * <p>
 * Register it after the engine's extension ({@code @Order(2)}): it reads each test's history before the engine's
 * extension deletes the test's deployment with its instances.
 */
public class ProcessTestSupport implements AfterTestExecutionCallback, AfterEachCallback, AfterAllCallback {

    private static final List<ProcessTestBeans> OPEN = new java.util.ArrayList<>();

    private final Set<String> passed = new HashSet<>();

    /** The engine of the process tests, with its coverage recorded and at least 95 % of each class's model walked. */
    public static ProcessEngineCoverageExtensionBuilder<ProcessEngineCoverageExtension> engine() {
        return ProcessEngineCoverageExtension.builder().configurationResource(ProcessTestBeans.CONFIGURATION)
                .assertClassCoverageAtLeast(0.95);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        HistoryService history = history();
        for (TouchpointMap.Row row : rows(context)) {
            if (history.createHistoricActivityInstanceQuery().activityId(row.element()).count() > 0) {
                passed.add(row.element());
            }
        }
    }

    /** Closes {@code beans} after the running test. */
    static synchronized void closeAfterTest(ProcessTestBeans beans) {
        OPEN.add(beans);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        synchronized (ProcessTestSupport.class) {
            OPEN.forEach(ProcessTestBeans::close);
            OPEN.clear();
        }
        ClockUtil.reset();
        ProcessEngine engine = ProcessEngines.getProcessEngine("process-tests");
        if (engine != null) {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> notDriven = rows(context).stream().filter(row -> !passed.contains(row.element()))
                .map(row -> row.touchpoint() + " " + row.model() + "#" + row.element()).toList();
        assertThat(notDriven).as("touchpoints that " + TouchpointMap.FILE + " says "
                + context.getRequiredTestClass().getSimpleName() + " drives, and no test of it passed").isEmpty();
    }

    private static List<TouchpointMap.Row> rows(ExtensionContext context) {
        String test = context.getRequiredTestClass().getSimpleName();
        return TouchpointMap.rows().stream().filter(row -> row.test().equals(test)).toList();
    }

    private static HistoryService history() {
        ProcessEngine engine = ProcessEngines.getProcessEngine("process-tests");
        if (engine == null) {
            throw new IllegalStateException("no process engine 'process-tests': register ProcessTestSupport after the "
                    + "engine's extension");
        }
        return engine.getHistoryService();
    }
}
