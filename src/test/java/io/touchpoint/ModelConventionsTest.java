package io.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.identity.RoleAccess;
import io.touchpoint.journey.CustomerJourneyProcess;
import io.touchpoint.testing.ProcessTestSupport;
import io.touchpoint.testing.TouchpointMap;
import io.touchpoint.testing.TouchpointSpringTest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * The conventions every model of {@code processes/} keeps, read with the Camunda model API, against the beans of the
 * running application, Touchpoint's roles ({@link RoleAccess}) and its touchpoint catalogue
 * ({@code docs/touchpoints.md}): what makes a model open in Camunda Modeler, render in Cockpit, reach the right people
 * in Tasklist and run. An analyst who breaks one reads here what and where.
 */
@TouchpointSpringTest
class ModelConventionsTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final Path CATALOGUE = Path.of("docs", "touchpoints.md");

    /** Ids as a modeler generates them ({@code Activity_0x1y2z3}): an element should be named after what it does. */
    private static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_[0-9a-z]{7}$");
    private static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)}$");
    /** A timer's expression: a bean's property or method ({@code ${surveyPolicy.closeAt()}}) or a variable. */
    private static final Pattern TIMER = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)(\\.[^}]+)?}$");
    private static final Pattern CATALOGUE_ROW = Pattern.compile("^\\| ((?:PRE|PRV|PST|SUP|REG)-\\d\\d) \\|", Pattern.MULTILINE);

    /**
     * Catalogue IDs that no model implements yet, each with the issue that will (none now: SUP-14, the email channel,
     * came last). {@link #everyTouchpointOfTheCatalogueIsTaggedOnAnElement}
     * asserts they are still untagged, so whoever tags one on an element must delete it here; every other ID of the
     * catalogue must be tagged.
     */
    private static final Set<String> NOT_YET_IMPLEMENTED = Set.of();

    /**
     * Catalogue IDs that the customer portal's pages implement, with no process element of their own (registering,
     * the first login, tracking, logging out, the published articles); REG-03, raising a request from the portal,
     * starts a trouble ticket or service request and is tagged on their start events.
     */
    private static final Set<String> PORTAL_ONLY = Set.of("REG-01", "REG-02", "REG-04", "REG-05", "REG-06");

    private static final Map<Path, BpmnModelInstance> MODELS = new TreeMap<>();

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void readModels() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                MODELS.put(file, Bpmn.readModelFromFile(file.toFile()));
            }
        }
        assertThat(MODELS).as("models in processes/").hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void everyProcessIsExecutableNamedAfterItsFileAndKeepsItsHistoryForATime() {
        List<String> found = new ArrayList<>();
        MODELS.forEach((file, model) -> {
            Collection<Process> processes = model.getModelElementsByType(Process.class);
            if (processes.size() != 1) {
                found.add(file + " holds " + processes.size() + " processes, not one");
            }
            for (Process process : processes) {
                String kebab = process.getId().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
                check(found, file.getFileName().toString().equals(kebab + ".bpmn"), file, process,
                        "the file of process " + process.getId() + " is " + kebab + ".bpmn");
                check(found, process.isExecutable(), file, process, "is not executable");
                check(found, present(process.getName()), file, process, "has no name");
                check(found, present(process.getCamundaHistoryTimeToLiveString()), file, process,
                        "has no history time to live");
            }
        });
        assertThat(found).isEmpty();
    }

    @Test
    void everyElementHasAMeaningfulIdANameAndALayout() {
        List<String> found = new ArrayList<>();
        MODELS.forEach((file, model) -> {
            Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                    .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
            Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                    .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                check(found, shapes.contains(node.getId()), file, node, "has no shape in the diagram");
                check(found, !GENERATED_ID.matcher(node.getId()).matches(), file, node,
                        "keeps a generated id: name it after what it does");
                // a parallel fork or join decides nothing; a merging gateway asks nothing
                boolean mayBeUnnamed = node instanceof ParallelGateway
                        || node instanceof Gateway && node.getOutgoing().size() <= 1
                        || (node instanceof StartEvent || node instanceof EndEvent)
                        && node.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.SubProcess;
                check(found, mayBeUnnamed || present(node.getName()), file, node, "has no name");
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                check(found, edges.contains(flow.getId()), file, flow, "has no edge in the diagram");
            }
        });
        assertThat(found).isEmpty();
    }

    @Test
    void everyUserTaskHasAFormOfForms() throws IOException {
        Set<String> forms = formIds();
        List<String> found = new ArrayList<>();
        int checked = 0;
        for (var entry : MODELS.entrySet()) {
            for (UserTask task : entry.getValue().getModelElementsByType(UserTask.class)) {
                checked++;
                check(found, forms.contains(task.getCamundaFormRef()), entry.getKey(), task,
                        "has form " + task.getCamundaFormRef() + ", which no forms/*.form defines");
                check(found, "deployment".equals(task.getCamundaFormRefBinding()), entry.getKey(), task,
                        "binds its form by " + task.getCamundaFormRefBinding() + ", not deployment");
            }
            for (StartEvent start : entry.getValue().getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    check(found, forms.contains(start.getCamundaFormRef()), entry.getKey(), start,
                            "has form " + start.getCamundaFormRef() + ", which no forms/*.form defines");
                }
            }
        }
        assertThat(checked).as("user tasks").isGreaterThanOrEqualTo(25);
        assertThat(found).isEmpty();
    }

    /**
     * Every group a model gives work to may read that process under authorization: the candidate groups of the user
     * tasks, the groups escalation steps add, and the support groups the SLA table assigns. A new task for a new role,
     * without its line in RoleAccess, fails here rather than vanishing from that role's Tasklist.
     */
    @Test
    void everyGroupAModelGivesWorkToIsARoleThatReadsThatProcess() {
        List<String> found = new ArrayList<>();
        MODELS.forEach((file, model) -> {
            String process = processId(model);
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String groups = task.getCamundaCandidateGroups();
                check(found, present(groups) || present(task.getCamundaAssignee()), file, task,
                        "has no candidate group");
                if (present(groups) && !groups.contains("${")) {
                    for (String group : groups.split(",")) {
                        check(found, worksIn(group.trim(), process), file, task,
                                "gives work to " + group.trim() + ", which RoleAccess does not let read " + process);
                    }
                }
            }
            for (CamundaInputParameter parameter : model.getModelElementsByType(CamundaInputParameter.class)) {
                if ("group".equals(parameter.getCamundaName()) && !parameter.getTextContent().contains("${")) {
                    String group = parameter.getTextContent().trim();
                    check(found, worksIn(group, process), file, (BaseElement) parameter.getParentElement()
                            .getParentElement().getParentElement(), "escalates to " + group
                            + ", which RoleAccess does not let read " + process);
                }
            }
        });
        List<String> supportGroups = slaSupportGroups();
        assertThat(supportGroups).contains("tech-support", "billing", "account-relations");
        for (String group : supportGroups) {
            if (!worksIn(group, "troubleTicket") && !worksIn(group, "serviceRequest")) {
                found.add("ticket-sla.dmn assigns to " + group + ", which RoleAccess does not let read the support processes");
            }
        }
        List<String> projectGroups = outputValues("employee-project-groups.dmn", "projectGroup");
        assertThat(projectGroups).contains("tech-support");
        for (String group : projectGroups) {
            if (!worksIn(group, "troubleTicket")) {
                found.add("employee-project-groups.dmn gives employees' tickets to " + group
                        + ", which RoleAccess does not let read troubleTicket");
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyStepIsImplementedByABeanOfTheApplication() {
        List<String> found = new ArrayList<>();
        int checked = 0;
        for (var entry : MODELS.entrySet()) {
            Path file = entry.getKey();
            for (ServiceTask task : entry.getValue().getModelElementsByType(ServiceTask.class)) {
                checked++;
                check(found, task.getCamundaClass() == null && task.getCamundaExpression() == null, file, task,
                        "calls Java by class or expression: use a delegate expression ${bean}");
                checkBean(found, file, task, task.getCamundaDelegateExpression(), JavaDelegate.class);
            }
            for (CamundaTaskListener listener : entry.getValue().getModelElementsByType(CamundaTaskListener.class)) {
                checkBean(found, file, (BaseElement) listener.getParentElement().getParentElement(),
                        listener.getCamundaDelegateExpression(), TaskListener.class);
            }
            for (CamundaExecutionListener listener : entry.getValue().getModelElementsByType(CamundaExecutionListener.class)) {
                checkBean(found, file, (BaseElement) listener.getParentElement().getParentElement(),
                        listener.getCamundaDelegateExpression(), ExecutionListener.class);
            }
            for (BusinessRuleTask task : entry.getValue().getModelElementsByType(BusinessRuleTask.class)) {
                check(found, present(task.getCamundaDecisionRef()), file, task, "names no decision");
            }
            for (CallActivity call : entry.getValue().getModelElementsByType(CallActivity.class)) {
                check(found, processIds().contains(call.getCalledElement()), file, call,
                        "calls " + call.getCalledElement() + ", which no model of processes/ defines");
            }
        }
        assertThat(checked).as("service tasks").isGreaterThanOrEqualTo(30);
        assertThat(found).isEmpty();
    }

    /**
     * Timers read business time, never a literal: a policy bean or the business calendar ({@code
     * ${surveyPolicy.closeAt()}}, configurable), or a due date a step computed ({@code ${resolutionDue}}).
     */
    @Test
    void everyTimerSaysWhenThroughAnExpressionOfBusinessTime() {
        List<String> found = new ArrayList<>();
        MODELS.forEach((file, model) -> {
            for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
                BaseElement event = (BaseElement) timer.getParentElement();
                List<String> when = Stream.of(timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle())
                        .filter(java.util.Objects::nonNull).map(expression -> expression.getTextContent().trim()).toList();
                check(found, when.size() == 1, file, event, "has a timer without one date, duration or cycle");
                for (String expression : when) {
                    Matcher reference = TIMER.matcher(expression);
                    if (!reference.matches()) {
                        found.add(file + " " + event.getId() + ": timer " + expression + " is not an expression of a "
                                + "policy bean, the business calendar or a due-date variable");
                    } else if (reference.group(2) != null) {
                        check(found, context.containsBean(reference.group(1)), file, event,
                                "timer " + expression + " names no bean of the application");
                    }
                }
            }
        });
        assertThat(found).isEmpty();
    }

    /**
     * A deciding exclusive gateway has one default flow, and a condition on each other flow: no pairs of opposite
     * conditions kept in sync by hand. Conditions read variables and policy methods; they neither change variables
     * nor compare group names (a policy method knows what a group means).
     */
    @Test
    void everyGatewayChoiceHasItsConditionOrIsTheDefault() {
        List<String> found = new ArrayList<>();
        MODELS.forEach((file, model) -> {
            for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
                if (gateway.getOutgoing().size() > 1) {
                    check(found, gateway.getDefault() != null, file, gateway,
                            "decides without a default flow: give the last choice no condition and make it the default");
                    for (SequenceFlow flow : gateway.getOutgoing()) {
                        check(found, flow.equals(gateway.getDefault()) != (flow.getConditionExpression() != null), file,
                                flow, "leaves gateway " + gateway.getId() + " with a condition and as its default, or "
                                        + "with neither");
                        check(found, present(flow.getName()), file, flow,
                                "leaves gateway " + gateway.getId() + " without a label saying when");
                    }
                }
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                if (flow.getConditionExpression() != null) {
                    String condition = flow.getConditionExpression().getTextContent();
                    check(found, !condition.contains("setVariable") && !condition.contains("removeVariable"), file,
                            flow, "changes variables in its condition: " + condition);
                    check(found, RoleAccess.processesOf(quoted(condition)).isEmpty(), file, flow,
                            "compares a group name in its condition: " + condition + "; ask a policy method");
                }
                check(found, flow.getExtensionElements() == null
                        || flow.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class)
                        .count() == 0, file, flow, "runs a listener when taken: make it a service task the analyst sees");
            }
        });
        assertThat(found).isEmpty();
    }

    /**
     * Call activities name what moves between the journey and its stages: the business key and one mapping per
     * variable, as {@link CustomerJourneyProcess} lists them (never {@code variables="all"}).
     */
    @Test
    void everyCallActivityMapsItsVariablesOneByOne() {
        Map<String, List<List<String>>> expected = Map.of(
                "CallActivity_Presales", List.of(CustomerJourneyProcess.INTO_PRESALES, CustomerJourneyProcess.OUT_OF_PRESALES),
                "CallActivity_Provisioning", List.of(CustomerJourneyProcess.INTO_PROVISIONING,
                        CustomerJourneyProcess.OUT_OF_PROVISIONING),
                "CallActivity_PostSales", List.of(CustomerJourneyProcess.INTO_POST_SALES,
                        CustomerJourneyProcess.OUT_OF_POST_SALES));
        List<String> found = new ArrayList<>();
        Set<String> calls = new TreeSet<>();
        MODELS.forEach((file, model) -> {
            for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                calls.add(call.getId());
                List<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
                List<CamundaOut> outs = call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list();
                check(found, Stream.concat(ins.stream().map(CamundaIn::getCamundaVariables),
                        outs.stream().map(CamundaOut::getCamundaVariables)).allMatch(java.util.Objects::isNull), file, call,
                        "passes variables=\"all\": map each variable the stage reads or hands back");
                check(found, ins.stream().anyMatch(in -> in.getCamundaBusinessKey() != null), file, call,
                        "does not pass the business key");
                List<String> in = ins.stream().filter(mapping -> mapping.getCamundaSource() != null)
                        .peek(mapping -> check(found, mapping.getCamundaSource().equals(mapping.getCamundaTarget()), file,
                                call, "renames " + mapping.getCamundaSource() + ": keep the journey's names"))
                        .map(CamundaIn::getCamundaSource).toList();
                List<String> out = outs.stream().filter(mapping -> mapping.getCamundaSource() != null)
                        .peek(mapping -> check(found, mapping.getCamundaSource().equals(mapping.getCamundaTarget()), file,
                                call, "renames " + mapping.getCamundaSource() + ": keep the journey's names"))
                        .map(CamundaOut::getCamundaSource).toList();
                List<List<String>> lists = expected.get(call.getId());
                check(found, lists != null && lists.get(0).equals(in), file, call,
                        "passes in " + in + ", not what CustomerJourneyProcess lists");
                check(found, lists != null && lists.get(1).equals(out), file, call,
                        "hands back " + out + ", not what CustomerJourneyProcess lists");
            }
        });
        assertThat(calls).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(found).isEmpty();
    }

    /**
     * The diagram shows every element once and clearly: no two shapes of one plane overlap, except a boundary event on
     * its activity and the elements inside their expanded sub-process (a collapsed sub-process draws its content on a
     * plane of its own, as Cockpit's and the Modeler's drill-down show it).
     */
    @Test
    void noTwoShapesOverlap() {
        List<String> found = new ArrayList<>();
        MODELS.forEach((file, model) -> {
            List<BpmnShape> shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
            for (int i = 0; i < shapes.size(); i++) {
                for (int j = i + 1; j < shapes.size(); j++) {
                    BaseElement a = shapes.get(i).getBpmnElement();
                    BaseElement b = shapes.get(j).getBpmnElement();
                    if (shapes.get(i).getParentElement() != shapes.get(j).getParentElement() || nested(a, b) || nested(b, a)
                            || attached(a, b) || attached(b, a)) {
                        continue;
                    }
                    Bounds p = shapes.get(i).getBounds();
                    Bounds q = shapes.get(j).getBounds();
                    if (p.getX() < q.getX() + q.getWidth() && q.getX() < p.getX() + p.getWidth()
                            && p.getY() < q.getY() + q.getHeight() && q.getY() < p.getY() + p.getHeight()) {
                        found.add(file + " " + a.getId() + " and " + b.getId() + " overlap in the diagram");
                    }
                }
            }
        });
        assertThat(found).isEmpty();
    }

    /** Message names are the contract with the code that correlates them: each is a constant of a process class. */
    @Test
    void everyMessageHasANameTheCodeKnows() {
        Set<String> constants = processConstants();
        List<String> found = new ArrayList<>();
        MODELS.forEach((file, model) -> {
            for (MessageEventDefinition definition : model.getModelElementsByType(MessageEventDefinition.class)) {
                BaseElement event = (BaseElement) definition.getParentElement();
                if (event instanceof IntermediateThrowEvent || event instanceof EndEvent) {
                    continue;
                }
                checkMessage(found, file, event, definition.getMessage(), constants);
            }
            for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
                checkMessage(found, file, task, task.getMessage(), constants);
            }
        });
        assertThat(found).isEmpty();
    }

    /** Every touchpoint of the catalogue is implemented by a tagged element, and every tag is in the catalogue. */
    @Test
    void everyTouchpointOfTheCatalogueIsTaggedOnAnElement() throws IOException {
        Matcher rows = CATALOGUE_ROW.matcher(Files.readString(CATALOGUE));
        Set<String> catalogue = new TreeSet<>();
        while (rows.find()) {
            catalogue.add(rows.group(1));
        }
        assertThat(catalogue).as("touchpoint IDs in " + CATALOGUE).hasSizeGreaterThanOrEqualTo(40);
        Map<String, List<String>> tagged = new TreeMap<>();
        MODELS.forEach((file, model) -> {
            for (CamundaProperty property : model.getModelElementsByType(CamundaProperty.class)) {
                if ("touchpoint".equals(property.getCamundaName())) {
                    BaseElement element = (BaseElement) property.getParentElement().getParentElement().getParentElement();
                    for (String id : property.getCamundaValue().split(",")) {
                        tagged.computeIfAbsent(id.trim(), key -> new ArrayList<>()).add(file.getFileName() + "#" + element.getId());
                    }
                }
            }
        });
        assertThat(NOT_YET_IMPLEMENTED).as("catalogue IDs not yet implemented").allMatch(catalogue::contains);
        assertThat(tagged.keySet()).as("tagged now: delete them from NOT_YET_IMPLEMENTED")
                .noneMatch(NOT_YET_IMPLEMENTED::contains);
        Set<String> toImplement = new TreeSet<>(catalogue);
        toImplement.removeAll(NOT_YET_IMPLEMENTED);
        toImplement.removeAll(PORTAL_ONLY);
        assertThat(toImplement).as("touchpoints no element is tagged with").isSubsetOf(tagged.keySet());
        assertThat(tagged.keySet()).as("tags that are not in " + CATALOGUE).isSubsetOf(catalogue);
    }

    /**
     * {@code docs/touchpoint-map.md} leads from each touchpoint to its element, what the element runs or shows, and the
     * process test that drives a path through it: computed here from the models and the application's beans, so it
     * stays true (the test class's {@link ProcessTestSupport} checks that its tests pass each element). On a difference
     * the map as it should be is in {@code target/touchpoint-map.md}.
     */
    @Test
    void theTouchpointMapLeadsFromEachTouchpointToItsElementAndTest() throws Exception {
        List<TouchpointMap.Row> expected = new ArrayList<>();
        for (var entry : MODELS.entrySet()) {
            String model = entry.getKey().getFileName().toString();
            String test = processTestOf(model);
            for (CamundaProperty property : entry.getValue().getModelElementsByType(CamundaProperty.class)) {
                if ("touchpoint".equals(property.getCamundaName())) {
                    BaseElement element = (BaseElement) property.getParentElement().getParentElement().getParentElement();
                    for (String id : property.getCamundaValue().split(",")) {
                        expected.add(new TouchpointMap.Row(id.trim(), model, element.getId(), implementation(element), test));
                    }
                }
            }
        }
        expected.sort(java.util.Comparator.comparing(TouchpointMap.Row::touchpoint).thenComparing(TouchpointMap.Row::model)
                .thenComparing(TouchpointMap.Row::element));
        List<String> lines = expected.stream().map(TouchpointMap.Row::line).toList();
        Path should = Path.of("target", "touchpoint-map.md");
        Files.createDirectories(should.getParent());
        Files.writeString(should, String.join("\n", lines) + "\n");
        assertThat(TouchpointMap.rows().stream().map(TouchpointMap.Row::line).toList())
                .as(TouchpointMap.FILE + " (its rows as they should be: " + should + ")").containsExactlyElementsOf(lines);
        for (String test : expected.stream().map(TouchpointMap.Row::test).distinct().toList()) {
            Class<?> type = processTestClass(test);
            assertThat(java.util.Arrays.stream(type.getDeclaredFields())
                    .filter(field -> field.isAnnotationPresent(org.junit.jupiter.api.extension.RegisterExtension.class))
                    .map(Field::getType)).as(test + " registers ProcessTestSupport").contains(ProcessTestSupport.class);
        }
    }

    /** The process test of a model: presales.bpmn is driven by PresalesProcessTest, which deploys it. */
    private static String processTestOf(String model) {
        String base = model.replace(".bpmn", "");
        StringBuilder name = new StringBuilder();
        for (String part : base.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        String test = name + "ProcessTest";
        org.camunda.bpm.engine.test.Deployment deployment = processTestClass(test)
                .getAnnotation(org.camunda.bpm.engine.test.Deployment.class);
        assertThat(deployment).as(test + " has @Deployment").isNotNull();
        assertThat(deployment.resources()).as(test + " deploys " + model).contains("processes/" + model);
        return test;
    }

    private static Class<?> processTestClass(String simpleName) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile("io\\.touchpoint\\..*\\." + simpleName)));
        var found = scanner.findCandidateComponents("io.touchpoint");
        assertThat(found).as("the process test class " + simpleName).hasSize(1);
        try {
            return Class.forName(found.iterator().next().getBeanClassName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a tagged element runs or shows, as the map's third column says it. */
    private String implementation(BaseElement element) {
        if (element instanceof ServiceTask task && task.getCamundaDelegateExpression() != null) {
            Matcher bean = BEAN.matcher(task.getCamundaDelegateExpression());
            String name = bean.matches() ? bean.group(1) : task.getCamundaDelegateExpression();
            Class<?> type = context.containsBean(name) ? org.springframework.util.ClassUtils.getUserClass(context.getType(name))
                    : null;
            return "delegate `" + name + "`" + (type == null ? "" : " (`" + type.getSimpleName() + "`)");
        }
        if (element instanceof UserTask task) {
            return "form `" + task.getCamundaFormRef() + "`";
        }
        if (element instanceof BusinessRuleTask task) {
            return "decision `" + task.getCamundaDecisionRef() + "`";
        }
        if (element instanceof StartEvent start && start.getCamundaFormRef() != null) {
            return "form `" + start.getCamundaFormRef() + "`";
        }
        if (element instanceof ReceiveTask task && task.getMessage() != null) {
            return "message `" + task.getMessage().getName() + "`";
        }
        for (MessageEventDefinition message : element.getChildElementsByType(MessageEventDefinition.class)) {
            return "message `" + (message.getMessage() == null ? "" : message.getMessage().getName()) + "`";
        }
        if (!element.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
            return "timer";
        }
        if (element instanceof CallActivity call) {
            return "calls `" + call.getCalledElement() + "`";
        }
        return element instanceof org.camunda.bpm.model.bpmn.instance.SubProcess ? "sub-process" : "event";
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    private void checkBean(List<String> found, Path file, BaseElement element, String expression, Class<?> type) {
        if (expression == null) {
            found.add(file + " " + element.getId() + ": runs code written into the model (a class or an expression): "
                    + "move it into a bean and name it as delegate expression ${beanName}");
            return;
        }
        Matcher bean = BEAN.matcher(expression);
        if (!bean.matches()) {
            found.add(file + " " + element.getId() + ": delegate expression " + expression + " is not ${beanName}");
        } else if (!context.containsBean(bean.group(1))) {
            found.add(file + " " + element.getId() + ": no bean " + bean.group(1) + " in the application");
        } else if (!type.isInstance(context.getBean(bean.group(1)))) {
            found.add(file + " " + element.getId() + ": bean " + bean.group(1) + " is not a " + type.getSimpleName());
        }
    }

    private static void checkMessage(List<String> found, Path file, BaseElement element, Message message,
                                     Set<String> constants) {
        if (message == null || !present(message.getName())) {
            found.add(file + " " + element.getId() + ": waits for a message without a name");
        } else if (!constants.contains(message.getName())) {
            found.add(file + " " + element.getId() + ": message " + message.getName()
                    + " is no constant of a *Process class (the code correlates messages by those)");
        }
    }

    private static void check(List<String> found, boolean ok, Path file, BaseElement element, String problem) {
        if (!ok) {
            String name = element instanceof FlowElement flow && flow.getName() != null ? " (" + flow.getName() + ")" : "";
            found.add(file + " " + element.getId() + name + ": " + problem);
        }
    }

    private static boolean nested(BaseElement inner, BaseElement outer) {
        for (ModelElementInstance parent = inner.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent.equals(outer)) {
                return true;
            }
        }
        return false;
    }

    private static boolean attached(BaseElement event, BaseElement activity) {
        return event instanceof BoundaryEvent boundary && activity.equals(boundary.getAttachedTo());
    }

    /** The text between the first pair of single quotes of an expression, or "" without one. */
    private static String quoted(String expression) {
        Matcher quoted = Pattern.compile("'([^']*)'").matcher(expression);
        return quoted.find() ? quoted.group(1) : "";
    }

    private static boolean worksIn(String group, String process) {
        return RoleAccess.processesOf(group).contains(process);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String processId(BpmnModelInstance model) {
        return model.getModelElementsByType(Process.class).iterator().next().getId();
    }

    private static Set<String> processIds() {
        return MODELS.values().stream().map(ModelConventionsTest::processId).collect(Collectors.toSet());
    }

    private static Set<String> formIds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                JsonNode id = json.readTree(form.toFile()).get("id");
                assertThat(id).as(form + " has an id").isNotNull();
                assertThat(ids.add(id.asText())).as("form id " + id.asText() + " only once").isTrue();
            }
        }
        return ids;
    }

    /** The support groups the SLA decision table assigns tickets to, and the second level that takes them over. */
    private static List<String> slaSupportGroups() {
        List<String> groups = new ArrayList<>(List.of("tech-support-l2"));
        groups.addAll(outputValues("ticket-sla.dmn", "supportGroup"));
        return groups.stream().distinct().toList();
    }

    /** The values a decision table of {@code processes/} gives in its output column {@code output}, each once. */
    private static List<String> outputValues(String file, String output) {
        DmnModelInstance dmn = Dmn.readModelFromFile(PROCESSES.resolve(file).toFile());
        List<String> values = new ArrayList<>();
        for (Decision decision : dmn.getModelElementsByType(Decision.class)) {
            for (DecisionTable table : decision.getChildElementsByType(DecisionTable.class)) {
                List<Output> outputs = new ArrayList<>(table.getOutputs());
                int column = outputs.indexOf(outputs.stream().filter(o -> output.equals(o.getName()))
                        .findFirst().orElseThrow());
                for (Rule rule : table.getRules()) {
                    String text = new ArrayList<>(rule.getOutputEntries()).get(column).getTextContent().trim();
                    values.add(text.replace("\"", ""));
                }
            }
        }
        return values.stream().distinct().toList();
    }

    /** The values of the string constants of the process classes ({@code PresalesProcess} and their nested classes). */
    private static Set<String> processConstants() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile("io\\.touchpoint\\..*Process(\\$\\w+)?")));
        Set<String> values = new TreeSet<>();
        scanner.findCandidateComponents("io.touchpoint").forEach(definition -> {
            try {
                for (Field field : Class.forName(definition.getBeanClassName()).getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                        field.setAccessible(true);
                        values.add((String) field.get(null));
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(values).as("constants of the *Process classes").isNotEmpty();
        return values;
    }
}
