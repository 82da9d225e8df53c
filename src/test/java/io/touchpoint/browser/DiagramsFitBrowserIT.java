package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every diagram reads at fit-to-screen in a 1280x800 Cockpit (issue 10, item 8): a manager opens a process, maximizes
 * the diagram and resets the zoom to fit; each level of the model (the process and every collapsed sub-process,
 * opened with Cockpit's drill-down) then shows all its elements at a scale where the 12 px labels stay readable, and no
 * label covers another label or a shape. Screenshots of every level go to {@code target/screenshots/diagram-*.png}.
 */
class DiagramsFitBrowserIT extends BrowserTestSupport {

    /** 12 px labels drawn at this scale are 8.4 px high: the smallest that still reads on a laptop screen. */
    static final double READABLE_SCALE = 0.7;

    @Autowired
    RepositoryService repository;

    @Test
    void everyLevelOfEveryProcessReadsAtFitToScreen() {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionKey().asc().list();
        assertThat(definitions).extracting(ProcessDefinition::getKey).contains("troubleTicket", "presales");

        Page page = newPage(1280, 800);
        login(page, "cockpit", "admin", "admin");
        List<String> found = new ArrayList<>();
        for (ProcessDefinition definition : definitions) {
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            openDiagram(page, definition, firstStartEvent(model));
            clickIfVisible(page.locator("[title='Maximize diagram']").first());
            found.addAll(checkLevel(page, definition.getKey(), definition.getKey()));
            for (String subProcess : collapsedSubProcesses(model)) {
                page.locator(".djs-overlays[data-container-id='" + subProcess + "'] .bjs-drilldown").first().click();
                assertThat(page.locator(".bjs-breadcrumbs")).isVisible();
                found.addAll(checkLevel(page, definition.getKey(), subProcess));
                page.locator(".bjs-breadcrumbs .bjs-crumb").first().click();
                assertThat(page.locator(".djs-element[data-element-id='" + subProcess + "']").first()).isVisible();
            }
        }
        assertThat(found).as("diagram levels that do not read at fit-to-screen").isEmpty();
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    /**
     * Opens the definition's page in Cockpit and waits for its own diagram, not the one Cockpit showed before. On CI's
     * PostgreSQL run the first definition after the login once stayed off screen for a minute (Cockpit's redirect to
     * its dashboard, still pending after the login, won over the address); a person reloads, and so does this, after a
     * screenshot of what it showed.
     */
    private void openDiagram(Page page, ProcessDefinition definition, String startEvent) {
        page.navigate(url("/camunda/app/cockpit/default/#/process-definition/" + definition.getId() + "/runtime"));
        com.microsoft.playwright.Locator start = page.locator(".djs-element[data-element-id='" + startEvent + "']").first();
        try {
            assertThat(start).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                    .setTimeout(30_000));
        } catch (org.opentest4j.AssertionFailedError notShown) {
            screenshot(page, "diagram-" + definition.getKey() + "-not-shown");
            page.navigate(url("/camunda/app/cockpit/default/#/process-definition/" + definition.getId() + "/runtime"));
            page.reload();
            assertThat(start).isVisible();
        }
    }

    /** Resets the zoom (fit to screen), screenshots the level and says what does not read. */
    private List<String> checkLevel(Page page, String key, String level) {
        page.locator("button[title='reset zoom']").click();
        List<String> found = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> view = (Map<String, Object>) page.evaluate("""
                () => {
                  const svg = [...document.querySelectorAll('.djs-container svg')].find(s => s.getBoundingClientRect().width > 0);
                  const scale = svg.querySelector('g.viewport').transform.baseVal.consolidate().matrix.a;
                  const box = svg.getBoundingClientRect();
                  const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
                  const shapes = [...svg.querySelectorAll('g.djs-element.djs-shape')].filter(visible)
                      .filter(g => !g.closest('.djs-overlay-container'));
                  const rect = el => { const r = el.getBoundingClientRect();
                      return {x: r.x, y: r.y, w: r.width, h: r.height}; };
                  const items = shapes.map(g => {
                    const id = g.getAttribute('data-element-id');
                    const label = id.endsWith('_label');
                    const target = label ? g.querySelector('text') : g.querySelector('.djs-visual');
                    return {id, label, owner: label ? id.slice(0, -6) : id, r: rect(target)};
                  }).filter(i => i.r.w > 0);
                  // Cockpit's drill-down buttons sit below the corner of a collapsed sub-process: no label under them
                  const buttons = [...document.querySelectorAll('.bjs-drilldown')].filter(visible)
                      .map(b => ({id: 'drill-down of ' + b.closest('.djs-overlays').getAttribute('data-container-id'),
                                  label: false, owner: '', r: rect(b)}));
                  // nor under Cockpit's zoom buttons in the corner of the canvas
                  const controls = [...document.querySelectorAll("button[title='reset zoom'], button[title='zoom in'], button[title='zoom out']")]
                      .filter(visible).map(b => ({id: 'zoom button', label: false, owner: '', r: rect(b)}));
                  const outside = items.filter(i => i.r.x < box.x - 1 || i.r.y < box.y - 1
                      || i.r.x + i.r.w > box.x + box.width + 1 || i.r.y + i.r.h > box.y + box.height + 1).map(i => i.id);
                  const overlap = (a, b) => a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
                  const hidden = items.filter(i => controls.some(c => overlap(i.r, c.r))).map(i => i.owner);
                  const inside = (a, b) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
                  const clashes = [];
                  for (const l of items.filter(i => i.label)) {
                    for (const o of items.concat(buttons)) {
                      if (o === l || o.id === l.owner || o.owner === l.owner) continue;
                      if (!o.label && inside(o.r, l.r)) continue;
                      if (!o.label && inside(l.r, o.r) && o.r.w > 300) continue; // a label inside an expanded sub-process
                      if (overlap(l.r, o.r) && (o.label ? l.id < o.id : true)) clashes.push(l.owner + ' / ' + (o.owner || o.id));
                    }
                  }
                  return {scale, outside, clashes, hidden, count: items.length};
                }""");
        double scale = ((Number) view.get("scale")).doubleValue();
        System.out.printf("diagram %-24s %-40s scale %.2f, %s shapes and labels%n", key, level, scale, view.get("count"));
        screenshot(page, "diagram-" + key + ("".equals(level) || key.equals(level) ? "" : "-" + level));
        if (scale < READABLE_SCALE) {
            found.add(key + " " + level + ": fits only at scale " + String.format("%.2f", scale));
        }
        if (!((List<?>) view.get("outside")).isEmpty()) {
            found.add(key + " " + level + ": out of view " + view.get("outside"));
        }
        if (!((List<?>) view.get("hidden")).isEmpty()) {
            found.add(key + " " + level + ": under the zoom buttons " + view.get("hidden"));
        }
        if (!((List<?>) view.get("clashes")).isEmpty()) {
            found.add(key + " " + level + ": labels over " + view.get("clashes"));
        }
        return found;
    }

    /** The sub-processes that the diagram draws collapsed, each with a level (a plane) of its own. */
    private static List<String> collapsedSubProcesses(BpmnModelInstance model) {
        return model.getModelElementsByType(BpmnShape.class).stream()
                .filter(shape -> shape.getBpmnElement() instanceof SubProcess && !shape.isExpanded())
                .map(shape -> shape.getBpmnElement().getId()).toList();
    }

    private static String firstStartEvent(BpmnModelInstance model) {
        return model.getModelElementsByType(StartEvent.class).stream()
                .filter(start -> start.getParentElement() instanceof Process).findFirst().orElseThrow().getId();
    }
}
