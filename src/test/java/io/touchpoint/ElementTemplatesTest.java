package io.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.testing.TouchpointSpringTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The Camunda Modeler element templates of {@code .camunda/element-templates/} against the code and the models:
 * each template names an existing delegate bean and has a field for exactly the input parameters that bean reads
 * ({@code getVariableLocal("x")}, {@code hasVariableLocal("x")}); each bean that reads input parameters has a
 * template; and each step of {@code processes/*.bpmn} that calls a templated bean is linked to its template
 * ({@code camunda:modelerTemplate}) and sets only what the template shows; it is asynchronous only when the template
 * makes it so (the router registration, which calls HTTP), never the email steps.
 * <p>
 * One exception: the fields of the template group {@value #MAIL_VARIABLES} are input parameters that the bean
 * does not read itself but hands, with every variable, to a mail template; such a field must be used by a mail
 * template of {@code src/main/resources/mail/}. It reads the templates, the models (with the Camunda model API), and the delegate beans of the
 * application with their classes' bytecode.
 */
@TouchpointSpringTest
class ElementTemplatesTest {

    private static final Path TEMPLATES = Path.of(".camunda", "element-templates");
    private static final Path MAIL = Path.of("src", "main", "resources", "mail");
    private static final Path PROCESSES = Path.of("processes");

    private static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    private static final String ID_PREFIX = "io.touchpoint.";
    private static final String MAIL_VARIABLES = "mailVariables";
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    // ---- the templates on their own -------------------------------------------------------------------------------

    static Stream<String> templateFiles() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".json")).map(ElementTemplatesTest::slashes).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templateFiles")
    void templateIsACamunda7TemplateOfADelegateExpression(String file) {
        JsonNode template = readJson(file);
        List<String> problems = new ArrayList<>();
        if (!SCHEMA.equals(template.path("$schema").asText())) {
            problems.add("$schema must be " + SCHEMA + " (the Camunda 7 element template schema)");
        }
        for (String field : List.of("name", "id", "description")) {
            if (template.path(field).asText().isBlank()) {
                problems.add("has no " + field);
            }
        }
        if (!template.path("version").isInt() || template.path("version").asInt() < 1) {
            problems.add("has no version (a whole number, 1 or more)");
        }
        if (!"[\"bpmn:ServiceTask\"]".equals(template.path("appliesTo").toString())) {
            problems.add("appliesTo must be [\"bpmn:ServiceTask\"], not " + template.path("appliesTo"));
        }
        List<JsonNode> delegates = properties(template, "property").stream()
                .filter(p -> "camunda:delegateExpression".equals(p.path("binding").path("name").asText())).toList();
        if (delegates.size() != 1 || !"Hidden".equals(delegates.get(0).path("type").asText())
                || !BEAN_EXPRESSION.matcher(delegates.get(0).path("value").asText()).matches()) {
            problems.add("needs exactly one Hidden property camunda:delegateExpression with a value ${beanName}");
        } else if (!template.path("id").asText().equals(ID_PREFIX + bean(template))) {
            problems.add("id must be " + ID_PREFIX + bean(template) + ", not " + template.path("id").asText());
        }
        Set<String> groups = new TreeSet<>();
        template.path("groups").forEach(g -> groups.add(g.path("id").asText()));
        Set<String> names = new TreeSet<>();
        for (JsonNode property : template.path("properties")) {
            String binding = property.path("binding").path("type").asText();
            String name = property.path("binding").path("name").asText();
            String where = binding + " " + name;
            if (!"Hidden".equals(property.path("type").asText())) {
                if (property.path("label").asText().isBlank() || property.path("description").asText().isBlank()) {
                    problems.add(where + " needs a label and a description for the analyst");
                }
                if (!List.of("String", "Text", "Dropdown").contains(property.path("type").asText())) {
                    problems.add(where + " must be of type String, Text or Dropdown (or Hidden), not '"
                            + property.path("type").asText() + "'");
                }
                if ("Dropdown".equals(property.path("type").asText()) && property.path("choices").isEmpty()) {
                    problems.add(where + " is a Dropdown without choices");
                }
            }
            if (property.has("group") && !groups.contains(property.path("group").asText())) {
                problems.add(where + " is in group '" + property.path("group").asText() + "', which \"groups\" lacks");
            }
            if ("camunda:inputParameter".equals(binding) && !names.add(name)) {
                problems.add("input parameter " + name + " has two fields");
            }
        }
        assertNoProblems(file, problems);
    }

    @Test
    void templateIdsAreUnique() throws IOException {
        Map<String, List<String>> filesById = new TreeMap<>();
        for (String file : templateFiles().toList()) {
            filesById.computeIfAbsent(readJson(file).path("id").asText(), id -> new ArrayList<>()).add(file);
        }
        assertNoProblems("the templates", filesById.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> "id " + e.getKey() + " is used by " + e.getValue()).toList());
    }

    // ---- templates against the code -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("templateFiles")
    void templateNamesAnExistingBean(String file) {
        String bean = bean(readJson(file));
        assertThat(beans())
                .withFailMessage("%s: names the bean ${%s}, but the application has no delegate bean of that name "
                        + "(no @Component(\"%s\") implementing JavaDelegate): was the bean renamed?", file, bean, bean)
                .containsKey(bean);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templateFiles")
    void templateHasAFieldForExactlyTheInputParametersItsBeanReads(String file) {
        JsonNode template = readJson(file);
        String bean = bean(template);
        BeanSource source = beans().get(bean);
        assertThat(source).withFailMessage("%s: no delegate bean %s in the application", file, bean).isNotNull();
        Set<String> reads = source.inputParameters();
        Set<String> fields = new TreeSet<>();
        Set<String> mailVariables = new TreeSet<>();
        for (JsonNode input : properties(template, "camunda:inputParameter")) {
            (MAIL_VARIABLES.equals(input.path("group").asText()) ? mailVariables : fields)
                    .add(input.path("binding").path("name").asText());
        }
        List<String> problems = new ArrayList<>();
        source.nonLiteralReads().forEach(read -> problems.add(source.where() + " reads an input parameter by a name "
                + "that is not a string literal (" + read + "): the test cannot compare it with the template"));
        for (String field : fields) {
            if (!reads.contains(field)) {
                problems.add("field for input parameter '" + field + "', which " + source.where() + " does not read "
                        + "(it reads " + reads + ")");
            }
        }
        for (String read : reads) {
            if (!fields.contains(read)) {
                problems.add("no field for input parameter '" + read + "', which " + source.where() + " reads");
            }
        }
        if (!mailVariables.isEmpty() && !source.handsVariables()) {
            problems.add("fields in group " + MAIL_VARIABLES + " " + mailVariables + ", but " + source.where()
                    + " does not hand the variables (getVariables()) to a mail template");
        }
        for (String variable : mailVariables) {
            if (reads.contains(variable)) {
                problems.add("input parameter '" + variable + "' is read by " + source.where() + ": it belongs in "
                        + "another group than " + MAIL_VARIABLES);
            } else if (!usedByAMailTemplate(variable)) {
                problems.add("field for mail variable '" + variable + "' (group " + MAIL_VARIABLES + "), which no "
                        + "mail template of " + slashes(MAIL) + " uses as ${" + variable + "}");
            }
        }
        assertNoProblems(file + " (bean " + bean + ")", problems);
    }

    @Test
    void everyDelegateThatReadsInputParametersHasATemplate() throws IOException {
        Set<String> templated = templateFiles().map(f -> bean(readJson(f))).collect(Collectors.toSet());
        assertNoProblems("beans without an element template", beans().values().stream()
                .filter(b -> !b.inputParameters().isEmpty() || !b.nonLiteralReads().isEmpty())
                .filter(b -> !templated.contains(b.name()))
                .map(b -> b.where() + " reads the input parameters " + b.inputParameters() + ": add a template for it to "
                        + slashes(TEMPLATES))
                .toList());
    }

    // ---- templates against the models -----------------------------------------------------------------------------

    static Stream<String> modelFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).map(ElementTemplatesTest::slashes).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelFiles")
    void stepsOfTemplatedBeansUseTheirTemplate(String file) throws Exception {
        Map<String, JsonNode> templatesByBean = new TreeMap<>();
        Map<String, JsonNode> templatesById = new TreeMap<>();
        for (String templateFile : templateFiles().toList()) {
            JsonNode template = readJson(templateFile);
            templatesByBean.put(bean(template), template);
            templatesById.put(template.path("id").asText(), template);
        }
        List<String> problems = new ArrayList<>();
        int linked = 0;
        for (BaseElement element : elements(Bpmn.readModelFromFile(Path.of(file).toFile()))) {
            String delegate = camunda(element, "delegateExpression");
            String linkedId = camunda(element, "modelerTemplate");
            String type = element.getElementType().getTypeName();
            String where = type + " " + element.getId() + " (" + delegate + ")";
            Matcher beanName = BEAN_EXPRESSION.matcher(delegate);
            JsonNode template = beanName.matches() ? templatesByBean.get(beanName.group(1)) : null;
            if (template == null) {
                if (!linkedId.isEmpty()) {
                    JsonNode linkedTemplate = templatesById.get(linkedId);
                    problems.add(where + " is linked to template " + linkedId + (linkedTemplate == null
                            ? ", which " + slashes(TEMPLATES) + " lacks"
                            : ", which calls " + delegateExpression(linkedTemplate) + " instead"));
                }
                continue;
            }
            linked++;
            String id = template.path("id").asText();
            if (!("bpmn:" + capitalized(type)).equals(template.path("appliesTo").path(0).asText())
                    || !BPMN.equals(element.getElementType().getTypeNamespace())) {
                problems.add(where + " is not a " + template.path("appliesTo").path(0).asText() + ": template " + id
                        + " applies to those only");
            }
            if (!id.equals(linkedId)) {
                problems.add(where + " must carry camunda:modelerTemplate=\"" + id + "\""
                        + (linkedId.isEmpty() ? "" : ", not \"" + linkedId + "\""));
            }
            String version = template.path("version").asText();
            if (!version.equals(camunda(element, "modelerTemplateVersion"))) {
                problems.add(where + " must carry camunda:modelerTemplateVersion=\"" + version + "\", not \""
                        + camunda(element, "modelerTemplateVersion") + "\"");
            }
            for (JsonNode hidden : properties(template, "property")) {
                String attribute = hidden.path("binding").path("name").asText();
                if ("Hidden".equals(hidden.path("type").asText()) && !"camunda:delegateExpression".equals(attribute)
                        && attribute.startsWith("camunda:")) {
                    String actual = camunda(element, attribute.substring("camunda:".length()));
                    if (!hidden.path("value").asText().equals(actual)) {
                        problems.add(where + " must have " + attribute + "=\"" + hidden.path("value").asText()
                                + "\" as template " + id + " sets it");
                    }
                }
            }
            for (String attribute : List.of("camunda:asyncBefore", "camunda:asyncAfter")) {
                boolean setByTemplate = properties(template, "property").stream()
                        .anyMatch(p -> attribute.equals(p.path("binding").path("name").asText()));
                if (!setByTemplate && "true".equals(camunda(element, attribute.substring("camunda:".length())))) {
                    problems.add(where + " has " + attribute + "=\"true\", which template " + id + " does not set: its "
                            + "step runs in the transaction of the step before (an email goes into the outbox there), "
                            + "and a background job would update the process instance while people work on it");
                }
            }
            Map<String, String> inputs = inputParameters(element);
            Map<String, JsonNode> fields = byName(properties(template, "camunda:inputParameter"));
            for (Map.Entry<String, String> input : inputs.entrySet()) {
                JsonNode field = fields.get(input.getKey());
                if (field == null) {
                    problems.add(where + " has the input parameter '" + input.getKey() + "', which template " + id
                            + " has no field for (the Modeler would hide it): add a field, or drop the parameter");
                } else if ("Dropdown".equals(field.path("type").asText()) && !choices(field).contains(input.getValue())) {
                    problems.add(where + ": input parameter '" + input.getKey() + "' is '" + input.getValue()
                            + "', not one of the choices " + choices(field) + " of template " + id);
                }
            }
            for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
                if (field.getValue().path("constraints").path("notEmpty").asBoolean()
                        && inputs.getOrDefault(field.getKey(), "").isBlank()) {
                    problems.add(where + " lacks the input parameter '" + field.getKey() + "', which template " + id
                            + " requires");
                }
            }
            Set<String> templateProperties = byName(properties(template, "camunda:property")).keySet();
            for (String property : extensionProperties(element)) {
                if (!templateProperties.contains(property)) {
                    problems.add(where + " has the extension property '" + property + "', which template " + id
                            + " has no field for (the Modeler would hide it)");
                }
            }
        }
        assertNoProblems(file + " (" + linked + " steps of templated beans)", problems);
    }

    // ---- the templates --------------------------------------------------------------------------------------------

    private static JsonNode readJson(String file) {
        try {
            return JSON.readTree(Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not readable JSON", e);
        }
    }

    private static List<JsonNode> properties(JsonNode template, String bindingType) {
        List<JsonNode> found = new ArrayList<>();
        template.path("properties").forEach(p -> {
            if (bindingType.equals(p.path("binding").path("type").asText())) {
                found.add(p);
            }
        });
        return found;
    }

    private static Map<String, JsonNode> byName(List<JsonNode> properties) {
        Map<String, JsonNode> named = new LinkedHashMap<>();
        properties.forEach(p -> named.put(p.path("binding").path("name").asText(), p));
        return named;
    }

    private static String delegateExpression(JsonNode template) {
        return properties(template, "property").stream()
                .filter(p -> "camunda:delegateExpression".equals(p.path("binding").path("name").asText()))
                .map(p -> p.path("value").asText()).findFirst().orElse("");
    }

    /** The bean of {@code ${bean}} in the template's delegate expression. */
    private static String bean(JsonNode template) {
        Matcher matcher = BEAN_EXPRESSION.matcher(delegateExpression(template));
        return matcher.matches() ? matcher.group(1) : "(no delegate expression)";
    }

    private static Set<String> choices(JsonNode dropdown) {
        Set<String> values = new LinkedHashSet<>();
        dropdown.path("choices").forEach(c -> values.add(c.path("value").asText()));
        return values;
    }

    private static boolean usedByAMailTemplate(String variable) {
        Pattern use = Pattern.compile("\\$\\{[^}]*\\b" + Pattern.quote(variable) + "\\b[^}]*}");
        try (Stream<Path> files = Files.list(MAIL)) {
            return files.anyMatch(f -> use.matcher(read(f)).find());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the beans ------------------------------------------------------------------------------------------------

    /**
     * A delegate bean of the application and what its class's code does with input parameters, read from its bytecode:
     * the names it reads ({@code getVariableLocal("x")}, {@code hasVariableLocal("x")}), the reads by a name that is
     * not a constant, and whether it hands all variables on ({@code getVariables()}, to a mail template).
     */
    record BeanSource(String name, String where, Set<String> inputParameters, List<String> nonLiteralReads,
                      boolean handsVariables) {
    }

    @Autowired
    ApplicationContext context;

    private Map<String, BeanSource> beans;

    /** Every delegate bean of the application by name, as the models' {@code ${bean}} finds it. */
    private Map<String, BeanSource> beans() {
        if (beans == null) {
            Map<String, BeanSource> found = new TreeMap<>();
            for (String name : context.getBeanNamesForType(JavaDelegate.class)) {
                found.put(name, read(name, ClassUtils.getUserClass(context.getType(name))));
            }
            beans = found;
        }
        return beans;
    }

    private static BeanSource read(String name, Class<?> type) {
        Set<String> reads = new TreeSet<>();
        List<String> nonLiteral = new ArrayList<>();
        boolean[] handsVariables = {false};
        try (var bytes = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            new ClassReader(bytes).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
                @Override
                public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
                        private String constant;

                        @Override
                        public void visitLdcInsn(Object value) {
                            constant = value instanceof String text ? text : null;
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String called, String calledDescriptor,
                                                    boolean isInterface) {
                            if (called.equals("getVariableLocal") || called.equals("hasVariableLocal")) {
                                if (constant != null) {
                                    reads.add(constant);
                                } else {
                                    nonLiteral.add(type.getSimpleName() + "." + method + "(...)");
                                }
                            } else if (called.equals("getVariables") && calledDescriptor.startsWith("()")) {
                                handsVariables[0] = true;
                            }
                            constant = null;
                        }

                        @Override
                        public void visitVarInsn(int opcode, int variable) {
                            if (opcode != Opcodes.ALOAD) {
                                constant = null;
                            }
                        }

                        @Override
                        public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                            constant = null;
                        }

                        @Override
                        public void visitInsn(int opcode) {
                            constant = null;
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BeanSource(name, type.getName(), reads, nonLiteral, handsVariables[0]);
    }

    /** Every element that calls a bean or is linked to a template, read with the Camunda model API. */
    private static List<BaseElement> elements(BpmnModelInstance model) {
        return model.getModelElementsByType(BaseElement.class).stream()
                .filter(element -> !camunda(element, "delegateExpression").isEmpty()
                        || !camunda(element, "modelerTemplate").isEmpty())
                .toList();
    }

    /** An attribute of the Camunda namespace, or "" when the element does not set it. */
    private static String camunda(BaseElement element, String attribute) {
        String value = element.getAttributeValueNs(CAMUNDA, attribute);
        return value == null ? "" : value;
    }

    /** The element's input parameters ({@code camunda:inputOutput}) by name, with their text. */
    private static Map<String, String> inputParameters(BaseElement element) {
        Map<String, String> inputs = new LinkedHashMap<>();
        if (element.getExtensionElements() != null) {
            element.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()
                    .forEach(io -> io.getCamundaInputParameters().forEach(input ->
                            inputs.put(input.getCamundaName(), input.getTextContent().trim())));
        }
        return inputs;
    }

    /** The names of the element's extension properties ({@code camunda:properties}). */
    private static Set<String> extensionProperties(BaseElement element) {
        Set<String> names = new LinkedHashSet<>();
        if (element.getExtensionElements() != null) {
            element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                    .forEach(properties -> properties.getCamundaProperties()
                            .forEach(property -> names.add(property.getCamundaName())));
        }
        return names;
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static void assertNoProblems(String what, List<String> problems) {
        assertThat(problems)
                .withFailMessage(() -> what + ":\n  - " + String.join("\n  - ", problems))
                .isEmpty();
    }
}
