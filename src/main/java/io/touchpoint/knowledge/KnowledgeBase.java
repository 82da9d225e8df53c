package io.touchpoint.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The knowledge base (SUP-07): articles stored in Touchpoint's database, found by the words of a ticket. Search
 * ranks an article by how many of the words it contains, title and tags counting most.
 */
@Service
public class KnowledgeBase {

    private static final int MAX_RESULTS = 20;

    private final JdbcTemplate jdbc;

    public KnowledgeBase(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long create(NewArticle article, String createdBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    INSERT INTO kb_article (title, symptoms, workaround, category, tags, source_ticket, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            insert.setString(1, article.title().trim());
            insert.setString(2, article.symptoms().trim());
            insert.setString(3, article.workaround().trim());
            insert.setString(4, article.category());
            insert.setString(5, article.tags() == null ? "" : article.tags().stream().map(String::trim)
                    .map(tag -> tag.toLowerCase(Locale.ROOT)).distinct().collect(Collectors.joining(",")));
            insert.setString(6, article.sourceTicket());
            insert.setString(7, createdBy);
            insert.setTimestamp(8, Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    public Optional<Article> find(long id) {
        return jdbc.query("SELECT * FROM kb_article WHERE id = ?", KnowledgeBase::map, id).stream().findFirst();
    }

    /** Articles matching the words of {@code text} (and the category, when given), best first. */
    public List<Article> search(String text, String category) {
        List<String> words = words(text);
        List<Article> candidates = category == null || category.isBlank()
                ? jdbc.query("SELECT * FROM kb_article", KnowledgeBase::map)
                : jdbc.query("SELECT * FROM kb_article WHERE category = ?", KnowledgeBase::map, category);
        if (words.isEmpty()) {
            return candidates.stream().sorted(Comparator.comparing(Article::createdAt).reversed()).limit(MAX_RESULTS).toList();
        }
        Map<Article, Integer> scores = candidates.stream()
                .collect(Collectors.toMap(article -> article, article -> score(article, words)));
        return scores.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<Article, Integer>comparingByValue().reversed()
                        .thenComparing(entry -> entry.getKey().id()))
                .limit(MAX_RESULTS).map(Map.Entry::getKey).toList();
    }

    private static int score(Article article, List<String> words) {
        String title = article.title().toLowerCase(Locale.ROOT);
        String tags = String.join(" ", article.tags());
        String body = (article.symptoms() + " " + article.workaround()).toLowerCase(Locale.ROOT);
        int score = 0;
        for (String word : words) {
            score += (title.contains(word) ? 3 : 0) + (tags.contains(word) ? 3 : 0) + (body.contains(word) ? 1 : 0);
        }
        return score;
    }

    /** The words worth searching for: lower case, three letters or more. */
    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 3).distinct().toList();
    }

    private static Article map(ResultSet row, int number) throws SQLException {
        String tags = row.getString("tags");
        return new Article(row.getLong("id"), row.getString("title"), row.getString("symptoms"),
                row.getString("workaround"), row.getString("category"),
                tags == null || tags.isBlank() ? List.of() : List.of(tags.split(",")), row.getString("source_ticket"),
                row.getString("created_by"), row.getTimestamp("created_at").toInstant());
    }
}
