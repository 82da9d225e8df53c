package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The portal's "My requests" (issue 14): a customer's tickets are found by their contacts' addresses in any case
 * ({@code LOWER(contact_email) IN (...)}, see {@code io.touchpoint.support.Tickets#ofContacts}). Without an index on
 * that expression PostgreSQL reads every ticket for each page view, which grows with all tickets ever opened. H2 (the
 * default and the tests' database) has no indexes on expressions: there this migration changes nothing.
 * <p>
 * A Java migration because the SQL is PostgreSQL's only: a Flyway SQL file would run on H2 too.
 */
public class V14__portal_contact_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!"PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("CREATE INDEX ix_support_ticket_contact_lower ON support_ticket (LOWER(contact_email))");
        }
    }
}
