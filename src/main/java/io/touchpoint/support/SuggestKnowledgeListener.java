package io.touchpoint.support;

import static io.touchpoint.support.SupportProcess.Vars.*;

import io.touchpoint.knowledge.Article;
import io.touchpoint.knowledge.KnowledgeBase;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * SUP-07: the acknowledge and work tasks show the knowledge-base articles that match the ticket, as a Markdown list
 * of links to their pages ({@code /kb/{id}}) that the form's text shows, or says that none matches.
 */
@Component("suggestKnowledge")
public class SuggestKnowledgeListener implements TaskListener {

    private final KnowledgeBase knowledge;
    private final TimelineTexts texts;

    public SuggestKnowledgeListener(KnowledgeBase knowledge, TimelineTexts texts) {
        this.knowledge = knowledge;
        this.texts = texts;
    }

    @Override
    public void notify(DelegateTask task) {
        List<Article> matches = knowledge.search(task.getVariable(SUBJECT) + " " + task.getVariable(DESCRIPTION),
                (String) task.getVariable(CATEGORY));
        task.setVariable(SUGGESTED_ARTICLES, matches.isEmpty() ? texts.text("no-article-matches")
                : matches.stream().limit(5).map(article -> "- [#" + article.id() + " " + markdown(article.title())
                        + "](/kb/" + article.id() + "): " + markdown(abbreviate(article.workaround(), 160)))
                        .collect(Collectors.joining("\n")));
    }

    /** Text shown as it is inside Markdown: the characters that would start a link, emphasis or HTML escaped. */
    private static String markdown(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]()<>#|])", "\\\\$1");
    }

    private static String abbreviate(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
