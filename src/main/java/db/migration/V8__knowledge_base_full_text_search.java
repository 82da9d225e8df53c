package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Full-text search of the knowledge base on PostgreSQL (SUP-07): each article's words as a weighted {@code tsvector}
 * (title and tags weigh most, then symptoms and workaround), kept up to date by the database as a generated column,
 * with a GIN index, so that a search reads the index instead of every article. H2 (the default and the tests'
 * database) has no full-text search of this kind: there the knowledge base narrows the articles with {@code LIKE} (see
 * {@code io.touchpoint.knowledge.KnowledgeBase}), and this migration changes nothing.
 * <p>
 * A Java migration because the SQL is PostgreSQL's only: a Flyway SQL file would run on H2 too.
 */
public class V8__knowledge_base_full_text_search extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!"PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("""
                    ALTER TABLE kb_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', coalesce(title, '')), 'A')
                        || setweight(to_tsvector('english', replace(coalesce(tags, ''), ',', ' ')), 'A')
                        || setweight(to_tsvector('english', coalesce(symptoms, '') || ' ' || coalesce(workaround, '')), 'D')
                    ) STORED""");
            sql.execute("CREATE INDEX ix_kb_article_search ON kb_article USING GIN (search_vector)");
        }
    }
}
