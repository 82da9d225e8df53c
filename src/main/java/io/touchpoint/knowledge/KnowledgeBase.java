package io.touchpoint.knowledge;

import io.touchpoint.calendar.BusinessCalendar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The knowledge base (SUP-07): articles stored in Touchpoint's database, found by the words of a ticket. Search
 * ranks an article by how many of the words it contains, title and tags counting most (full-text search on
 * PostgreSQL).
 */
@Service
public class KnowledgeBase {

    private static final int MAX_RESULTS = 20;

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;
    private Boolean postgres;

    public KnowledgeBase(JdbcTemplate jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
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
            insert.setTimestamp(8, Timestamp.from(calendar.now()));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    public Optional<Article> find(long id) {
        return jdbc.query("SELECT * FROM kb_article WHERE id = ?", KnowledgeBase::map, id).stream().findFirst();
    }

    /** An article customers may read (REG-06): published for them. */
    public Optional<Article> findPublished(long id) {
        return find(id).filter(Article::publishedForCustomers);
    }

    /** Publishes the article for customers, or withdraws it; false when there is no such article. */
    public boolean publish(long id, boolean published) {
        return jdbc.update("UPDATE kb_article SET published_for_customers = ? WHERE id = ?", published, id) == 1;
    }

    /** The articles published for customers that match the words, best first, as {@link #search} ranks them. */
    public List<Article> searchPublished(String text) {
        return search(text, null, true);
    }

    /**
     * Articles matching the words of {@code text} (and the category, when given), best first: those with more of the
     * words first, a word in the title or tags counting more than one in the symptoms or workaround. On PostgreSQL the
     * database's full-text search finds and ranks them (its GIN index, English stemming); on H2 the database narrows
     * them to those containing a word, and they are ranked here.
     */
    public List<Article> search(String text, String category) {
        return search(text, category, false);
    }

    private List<Article> search(String text, String category, boolean publishedOnly) {
        List<String> words = words(text);
        boolean anyCategory = category == null || category.isBlank();
        String published = publishedOnly ? " AND published_for_customers = TRUE" : "";
        if (words.isEmpty()) {
            return anyCategory
                    ? jdbc.query("SELECT * FROM kb_article WHERE 1 = 1" + published
                    + " ORDER BY created_at DESC, id DESC LIMIT ?", KnowledgeBase::map, MAX_RESULTS)
                    : jdbc.query("SELECT * FROM kb_article WHERE category = ?" + published
                    + " ORDER BY created_at DESC, id DESC LIMIT ?", KnowledgeBase::map, category, MAX_RESULTS);
        }
        return postgres() ? fullText(words, anyCategory ? null : category, published)
                : containing(words, anyCategory ? null : category, published);
    }

    /** PostgreSQL: any of the words, ranked by the weighted match (see the migration V8). */
    private List<Article> fullText(List<String> words, String category, String published) {
        String query = String.join(" or ", words);
        return jdbc.query("""
                SELECT * FROM kb_article, websearch_to_tsquery('english', ?) AS query
                WHERE search_vector @@ query AND (CAST(? AS VARCHAR) IS NULL OR category = ?)""" + published + """

                ORDER BY ts_rank(search_vector, query) DESC, id
                LIMIT ?""", KnowledgeBase::map, query, category, category, MAX_RESULTS);
    }

    /** H2: the articles that contain one of the words, ranked here as the full-text search ranks them. */
    private List<Article> containing(List<String> words, String category, String published) {
        StringBuilder where = new StringBuilder("(");
        List<Object> arguments = new ArrayList<>();
        for (String word : words) {
            where.append(arguments.isEmpty() ? "" : " OR ").append("LOWER(title || ' ' || COALESCE(tags, '') || ' ' || "
                    + "symptoms || ' ' || workaround) LIKE ?");
            arguments.add("%" + word + "%");
        }
        where.append(")").append(published);
        if (category != null) {
            where.append(" AND category = ?");
            arguments.add(category);
        }
        List<Article> candidates = jdbc.query("SELECT * FROM kb_article WHERE " + where, KnowledgeBase::map,
                arguments.toArray());
        return candidates.stream()
                .sorted(Comparator.comparingInt((Article article) -> score(article, words)).reversed()
                        .thenComparing(Article::id))
                .limit(MAX_RESULTS).toList();
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) connection ->
                    connection.getMetaData().getDatabaseProductName()));
        }
        return postgres;
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
                row.getString("created_by"), row.getTimestamp("created_at").toInstant(),
                row.getBoolean("published_for_customers"));
    }
}
