package io.touchpoint.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's history as Camunda's {@code full} level keeps it, without the change log of each variable (issue 14).
 * <p>
 * At {@code full}, every write of a process variable is recorded twice in history: the variable's current value
 * ({@code ACT_HI_VARINST}, which the KPIs, the portal and Cockpit read) and, again, the change itself as a historic
 * detail ({@code ACT_HI_DETAIL}); a form submitted in Tasklist records each submitted value there once more. A ticket
 * writes 62 such details, a quarter of all its rows, and they are the largest history table (docs/performance.md).
 * Nothing in Touchpoint reads them, nor do the community webapps; what they give is the engine API's
 * {@code HistoricDetailQuery} and the REST API's {@code /history/detail}, a variable's earlier values and what each
 * form submitted.
 * Everything else of {@code full} stays: process, activity, task and variable instances, incidents, the job log,
 * decision evaluations, identity links and the user operation log, which Cockpit shows.
 * <p>
 * The level is chosen as any other, {@code camunda.bpm.history-level}: {@value #NAME} (Touchpoint's default) or
 * {@code full} (with the variable change log). The engine stores the level in its database and refuses to start with
 * another: between these two, and only between them, this plugin updates the stored level before the engine checks it,
 * so that switching is a restart. Details already recorded stay until the history cleanup removes them with their
 * instance. Give every node of a cluster the same level. A release of Touchpoint without this plugin does not know
 * the level: before going back to one, restart once with {@code full} (README, "Configuration"). The starter's
 * {@code auto} level knows only Camunda's four and is not supported with it.
 */
@Component
class VariableChangeHistory extends AbstractProcessEnginePlugin {

    static final String NAME = "full-without-variable-changes";
    static final HistoryLevel FULL_WITHOUT_VARIABLE_CHANGES = new FullWithoutVariableChanges();

    private static final Logger LOG = LoggerFactory.getLogger(VariableChangeHistory.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        if (custom.stream().noneMatch(level -> level.getId() == FULL_WITHOUT_VARIABLE_CHANGES.getId())) {
            custom.add(FULL_WITHOUT_VARIABLE_CHANGES);
        }
        configuration.setCustomHistoryLevels(custom);
    }

    /** After the level is resolved and the data source made, before the engine compares the level with its database's. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        HistoryLevel configured = configuration.getHistoryLevel();
        if (configured == null || !interchangeable(configured.getId())) {
            // none resolved yet (the engine's own "auto" of a standalone configuration), or another level
            return;
        }
        String table = Optional.ofNullable(configuration.getDatabaseTablePrefix()).orElse("") + "ACT_GE_PROPERTY";
        align(configuration.getDataSource(), table, configured);
    }

    private static boolean interchangeable(int id) {
        return id == HistoryLevel.HISTORY_LEVEL_FULL.getId() || id == FULL_WITHOUT_VARIABLE_CHANGES.getId();
    }

    static void align(DataSource dataSource, String table, HistoryLevel configured) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<Integer> stored = storedLevel(connection, table);
            if (stored.isEmpty() || stored.get() == configured.getId() || !interchangeable(stored.get())) {
                return; // a new database (the engine records the level), the same level, or one the engine will refuse
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                    + " SET VALUE_ = ?, REV_ = REV_ + 1 WHERE NAME_ = 'historyLevel' AND VALUE_ = ?")) {
                update.setString(1, String.valueOf(configured.getId()));
                update.setString(2, String.valueOf(stored.get()));
                update.executeUpdate();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            LOG.warn("History level of the database changed to {}: the change log of each variable (ACT_HI_DETAIL) is {}",
                    configured.getName(), configured.getId() == FULL_WITHOUT_VARIABLE_CHANGES.getId()
                            ? "no longer recorded; what was recorded stays until the history cleanup removes it"
                            : "recorded again from now on");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not align the history level in " + table + " with "
                    + configured.getName() + ": " + e.getMessage(), e);
        }
    }

    /** The level the database holds, or none while the engine has not made its tables (the query fails then). */
    private static Optional<Integer> storedLevel(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT VALUE_ FROM " + table
                + " WHERE NAME_ = 'historyLevel'");
             ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(Integer.valueOf(row.getString(1).trim())) : Optional.empty();
        } catch (SQLException noTableYet) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return Optional.empty();
        }
    }

    /**
     * {@code full} but for the two kinds of historic detail: {@link HistoryEventTypes#VARIABLE_INSTANCE_UPDATE_DETAIL}
     * (each write of a variable) and {@link HistoryEventTypes#FORM_PROPERTY_UPDATE} (each value of a submitted form).
     */
    static final class FullWithoutVariableChanges extends AbstractHistoryLevel {

        @Override
        public int getId() {
            return 31;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                    && eventType != HistoryEventTypes.FORM_PROPERTY_UPDATE;
        }
    }
}
