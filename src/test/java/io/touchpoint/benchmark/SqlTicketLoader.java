package io.touchpoint.benchmark;

import io.touchpoint.support.TicketLinks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark's fast loader on PostgreSQL ({@code -Dtouchpoint.benchmark.loader=sql}): clones tickets that were
 * opened through the real service (the templates) with plain SQL, {@code INSERT ... SELECT} per table over a list of
 * clones, instead of running the engine for each ticket.
 * <p>
 * What a ticket owns is discovered, not listed: starting from each template's process instance id and ticket number,
 * every row of every table with a text column equal to one of them, then to the ids of the rows found, and so on until
 * nothing new turns up ({@link #discover}); {@link #inventory} prints what was found per table. Those rows are kept
 * as they are in {@code benchmark_src_<table>} tables, and each clone copies them with:
 * <ul>
 * <li>every UUID in a column that holds owned ids (ID_, PROC_INST_ID_, PARENT_ID_, EXECUTION_ID_, TASK_ID_,
 * ACT_INST_ID_ {@code Activity:uuid}, BYTEARRAY_ID_, RESOURCE_ID_, Touchpoint's process_instance_id and message_id,
 * ...) rewritten the same way ({@link #checkClonesUnique}: the version digit becomes {@code c}, the last 16 digits
 * the clone's number), so that the ids still point to each other and keep their length (activity instance ids
 * already fill their 64 characters, a suffix would not fit); columns that hold the definitions' and deployments' ids
 * are left alone ({@link #FOREIGN});</li>
 * <li>the template's ticket number, contact email, subject, account and tracking token replaced by the clone's in
 * every text that holds them (numbers taken from {@code business_number}, as {@code BusinessNumbers} hands them out,
 * so that later real tickets do not collide; tokens signed by {@link TicketLinks});</li>
 * <li>due dates (columns named {@code *due*}, and date variables, which the timers read) moved later by a spread of up
 * to {@code spreadMinutes}, so that sorting by due date is realistic and no clone's timer is due before its
 * template's;</li>
 * <li>identity columns (Touchpoint's timeline and outbox ids) left to their sequences.</li>
 * </ul>
 * Clone {@code c} (from 0) copies template {@code c % templates} and is ticket number {@code templates + c} of the
 * benchmark's series, so its category and priority are its template's (templates a multiple of 32) and its company
 * {@code (templates + c) % companies}.
 */
final class SqlTicketLoader {

    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** A UUID, its first two groups and the last three digits of the third kept, its version digit and the rest not. */
    static final String UUID_SQL = "([0-9a-f]{8}-[0-9a-f]{4}-)[0-9a-f]([0-9a-f]{3}-)[0-9a-f]{4}-[0-9a-f]{12}";
    /** The version digit that marks a clone's UUID: none that the engine generates (1 or 4). */
    static final char CLONE_MARK = 'c';
    /** Columns that hold ids of what tickets share (definitions, deployments, people): never followed, never rewritten. */
    static final Set<String> FOREIGN = Set.of("proc_def_id_", "proc_def_key_", "deployment_id_", "job_def_id_",
            "tenant_id_", "user_id_", "group_id_", "case_def_id_", "case_def_key_", "decision_def_id_",
            "decision_def_key_", "decision_requirements_id_", "decision_requirements_key_", "batch_id_", "assignee_",
            "owner_", "hostname_", "lock_owner_", "process_def_id_", "process_def_key_", "dec_def_id_", "dec_def_key_",
            "dec_req_id_", "dec_req_key_", "configuration_");

    /** A ticket opened through the service; {@code index} is its number in the benchmark's series. */
    record Template(int index, String processInstanceId, String number, String subject, String description,
                    String email, String account) {
    }

    /** A table's column: its name, SQL type, maximum length, and whether it is an identity column. */
    record Column(String name, String type, Integer maxLength, boolean identity) {
        boolean text() {
            return type.contains("char") || type.equals("text");
        }
    }

    /** A cloned table: its columns, primary key, and which columns are rewritten how. */
    record Table(String name, List<Column> columns, String key, Set<String> idColumns, Set<String> endingInId,
                 Set<String> textColumns, int rows) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TicketLinks links;
    private final int companies;
    private final int spreadMinutes;
    private final List<Template> templates;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    /** Per template: the rows it owns, table by table. */
    private final Map<Integer, Map<String, List<Map<String, Object>>>> owned = new TreeMap<>();
    private int cloned;
    private final Map<String, Double> secondsPerTable = new TreeMap<>();
    private final Map<String, Long> rowsPerTable = new TreeMap<>();

    SqlTicketLoader(JdbcTemplate jdbc, TransactionTemplate transaction, TicketLinks links, List<Template> templates,
                    int companies, int spreadMinutes) {
        if (templates.isEmpty() || templates.size() % 32 != 0) {
            throw new IllegalArgumentException("templates must be a multiple of 32 (8 categories x 4 priorities), not "
                    + templates.size());
        }
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.links = links;
        this.templates = templates;
        this.companies = companies;
        this.spreadMinutes = spreadMinutes;
    }

    int templates() {
        return templates.size();
    }

    // --- discovery -----------------------------------------------------------------------------------------------

    /** Finds every row each template owns, checks that the clones' ids fit, and keeps the rows to copy. */
    void discover() {
        Map<String, List<Column>> columns = columns();
        Map<String, String> keys = primaryKeys();
        Set<String> ownedIds = new HashSet<>();
        for (int t = 0; t < templates.size(); t++) {
            owned.put(t, discover(templates.get(t), columns, keys, ownedIds));
        }
        Set<String> found = new LinkedHashSet<>();
        owned.values().forEach(rows -> found.addAll(rows.keySet()));
        checkNoSharedIds(ownedIds, columns, keys);
        Set<String> ownedUuids = new HashSet<>();
        ownedIds.forEach(id -> ownedUuids.addAll(uuids(id)));
        checkClonesUnique(ownedUuids);
        for (String table : dependencyOrder(found)) {
            Set<String> idColumns = new LinkedHashSet<>();
            Set<String> notEndingInId = new HashSet<>();
            Set<String> textColumns = new LinkedHashSet<>();
            int count = 0;
            for (Column column : columns.get(table)) {
                if (!column.text() || FOREIGN.contains(column.name())) {
                    continue;
                }
                for (var byTemplate : owned.entrySet()) {
                    List<String> texts = texts(templates.get(byTemplate.getKey()));
                    for (Map<String, Object> row : byTemplate.getValue().getOrDefault(table, List.of())) {
                        if (!(row.get(column.name()) instanceof String value)) {
                            continue;
                        }
                        List<String> inValue = uuids(value);
                        if (!inValue.isEmpty()) {
                            idColumns.add(column.name());
                            if (inValue.size() > 1 || !value.endsWith(inValue.get(0))) {
                                notEndingInId.add(column.name());
                            }
                            inValue.stream().filter(uuid -> !ownedUuids.contains(uuid)).findFirst().ifPresent(foreign -> {
                                throw new IllegalStateException("%s.%s holds %s, which no ticket's row owns: add the "
                                        .formatted(table, column.name(), foreign) + "column to SqlTicketLoader.FOREIGN");
                            });
                        }
                        if (texts.stream().anyMatch(value::contains)) {
                            textColumns.add(column.name());
                        }
                    }
                }
            }
            for (var byTable : owned.values()) {
                count += byTable.getOrDefault(table, List.of()).size();
            }
            Set<String> endingInId = new LinkedHashSet<>(idColumns);
            endingInId.removeAll(notEndingInId);
            tables.put(table, new Table(table, columns.get(table), keys.get(table), idColumns, endingInId, textColumns,
                    count));
        }
        keepTemplateRows();
    }

    /**
     * A clone's UUID keeps the first 15 digits of its template's but for the version digit, which becomes
     * {@link #CLONE_MARK}, and takes the clone's number (per template, in hex) as its last 16: unique as long as no
     * two of the templates' UUIDs share those 15 digits (time-based UUIDs differ there) and none is marked already.
     */
    static void checkClonesUnique(Set<String> uuids) {
        Map<String, String> byPrefix = new java.util.HashMap<>();
        for (String uuid : uuids) {
            if (uuid.charAt(14) == CLONE_MARK) {
                throw new IllegalStateException(uuid + " looks like a clone's id already");
            }
            String prefix = uuid.substring(0, 14) + uuid.substring(15, 19);
            String other = byPrefix.put(prefix, uuid);
            if (other != null) {
                throw new IllegalStateException(uuid + " and " + other + " would give their clones the same ids");
            }
        }
    }

    /** The last 16 digits of the UUIDs of clone {@code n} of a template (from 1): {@code nnnn-nnnnnnnnnnnn}. */
    static String cloneTail(long n) {
        String hex = "%016x".formatted(n);
        return hex.substring(0, 4) + "-" + hex.substring(4);
    }

    /**
     * The ids followed must be the tickets' own: none may be the key of a row that no template owns (a definition,
     * a deployment, a job definition), or its column belongs to {@link #FOREIGN}.
     */
    private void checkNoSharedIds(Set<String> ids, Map<String, List<Column>> columns, Map<String, String> keys) {
        Set<String> ownedKeys = new HashSet<>();
        owned.values().forEach(byTable -> byTable.forEach((table, rows) -> rows.forEach(row ->
                ownedKeys.add(String.valueOf(row.get(keys.get(table)))))));
        List<String> others = ids.stream().filter(id -> !ownedKeys.contains(id)).toList();
        if (others.isEmpty()) {
            return;
        }
        String in = others.stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(", "));
        keys.forEach((table, key) -> {
            boolean text = columns.getOrDefault(table, List.of()).stream()
                    .anyMatch(column -> column.name().equals(key) && column.text());
            if (text) {
                List<String> shared = jdbc.queryForList("SELECT " + key + " FROM " + table + " WHERE " + key + " IN (" + in
                        + ")", String.class);
                if (!shared.isEmpty()) {
                    throw new IllegalStateException("the tickets' rows point to " + table + " " + shared
                            + ", which they share: add that column to SqlTicketLoader.FOREIGN");
                }
            }
        });
    }

    private Map<String, List<Map<String, Object>>> discover(Template template, Map<String, List<Column>> columns,
                                                            Map<String, String> keys, Set<String> ownedIds) {
        Set<String> ids = new LinkedHashSet<>(List.of(template.processInstanceId(), template.number()));
        Map<String, Map<Object, Map<String, Object>>> rows = new TreeMap<>();
        for (int round = 0; round < 8; round++) {
            int before = ids.size();
            String in = ids.stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(", "));
            for (var table : columns.entrySet()) {
                String key = keys.get(table.getKey());
                List<String> followed = table.getValue().stream().filter(Column::text)
                        .map(Column::name).filter(name -> !FOREIGN.contains(name)).toList();
                if (key == null || followed.isEmpty()) {
                    continue;
                }
                String where = followed.stream().map(name -> name + " IN (" + in + ")").collect(Collectors.joining(" OR "));
                for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table.getKey() + " WHERE " + where)) {
                    rows.computeIfAbsent(table.getKey(), name -> new LinkedHashMap<>()).put(row.get(key), row);
                    row.forEach((name, value) -> {
                        if (value instanceof String text && !FOREIGN.contains(name) && (name.equals(key)
                                || name.endsWith("id_") || name.endsWith("_id") || name.endsWith("exec_"))
                                && UUID.matcher(text).find()) {
                            ids.add(text);
                        }
                    });
                }
            }
            if (ids.size() == before) {
                break;
            }
        }
        ownedIds.addAll(ids);
        ownedIds.remove(template.number());
        Map<String, List<Map<String, Object>>> result = new TreeMap<>();
        rows.forEach((table, byKey) -> result.put(table, new ArrayList<>(byKey.values())));
        return result;
    }

    /** The texts of a template that its clones replace, in the order they are replaced. */
    static List<String> texts(Template template) {
        return List.of(template.number(), template.email(), template.subject(), template.description(),
                template.account());
    }

    Map<String, List<Column>> columns() {
        Map<String, List<Column>> columns = new TreeMap<>();
        jdbc.query("SELECT table_name, column_name, data_type, character_maximum_length, is_identity "
                + "FROM information_schema.columns WHERE table_schema = current_schema() "
                + "AND table_name NOT LIKE 'benchmark\\_%' AND table_name <> 'flyway_schema_history' "
                + "ORDER BY table_name, ordinal_position", row -> {
            columns.computeIfAbsent(row.getString(1).toLowerCase(Locale.ROOT), name -> new ArrayList<>()).add(
                    new Column(row.getString(2).toLowerCase(Locale.ROOT), row.getString(3),
                            (Integer) row.getObject(4), "YES".equals(row.getString(5))));
        });
        return columns;
    }

    Map<String, String> primaryKeys() {
        Map<String, String> keys = new TreeMap<>();
        jdbc.query("SELECT tc.table_name, MIN(kcu.column_name), COUNT(*) FROM information_schema.table_constraints tc "
                + "JOIN information_schema.key_column_usage kcu ON kcu.constraint_schema = tc.constraint_schema "
                + "AND kcu.constraint_name = tc.constraint_name AND kcu.table_name = tc.table_name "
                + "WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema() "
                + "GROUP BY tc.table_name HAVING COUNT(*) = 1", row -> {
            keys.put(row.getString(1).toLowerCase(Locale.ROOT), row.getString(2).toLowerCase(Locale.ROOT));
        });
        return keys;
    }

    /** The tables in an order in which every foreign key points to a table before it (or to itself). */
    List<String> dependencyOrder(Set<String> found) {
        Map<String, Set<String>> references = new TreeMap<>();
        found.forEach(table -> references.put(table, new HashSet<>()));
        jdbc.query("SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint WHERE contype = 'f'",
                row -> {
                    String from = row.getString(1).toLowerCase(Locale.ROOT);
                    String to = row.getString(2).toLowerCase(Locale.ROOT);
                    if (found.contains(from) && found.contains(to) && !from.equals(to)) {
                        references.get(from).add(to);
                    }
                });
        List<String> order = new ArrayList<>();
        while (order.size() < found.size()) {
            String next = references.entrySet().stream()
                    .filter(entry -> !order.contains(entry.getKey()) && order.containsAll(entry.getValue()))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new IllegalStateException("foreign keys in a cycle: " + references));
            order.add(next);
        }
        return order;
    }

    static List<String> uuids(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = UUID.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /** The rows one ticket owns, per table (rows per template, the columns rewritten): what a clone copies. */
    String inventory() {
        StringBuilder text = new StringBuilder("Rows an open ticket owns (per template: min-max; columns whose ids are "
                + "rewritten; columns whose texts are replaced), in insertion order:\n");
        for (Table table : tables.values()) {
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (var byTable : owned.values()) {
                int count = byTable.getOrDefault(table.name(), List.of()).size();
                min = Math.min(min, count);
                max = Math.max(max, count);
            }
            text.append("  %-28s %3d-%-3d ids %s; texts %s%n".formatted(table.name(), min, max, table.idColumns(),
                    table.textColumns()));
        }
        return text.toString();
    }

    Map<String, Object> inventoryJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        tables.values().forEach(table -> json.put(table.name(), Map.of("rowsPerTemplate",
                Math.round(table.rows() * 10.0 / templates.size()) / 10.0, "idColumns", table.idColumns(),
                "textColumns", table.textColumns())));
        return json;
    }

    /** Keeps the templates' rows, as discovered, in {@code benchmark_src_<table>} with their template's number. */
    private void keepTemplateRows() {
        jdbc.execute("DROP TABLE IF EXISTS benchmark_template");
        jdbc.execute("CREATE UNLOGGED TABLE benchmark_template (template_no INT PRIMARY KEY, number VARCHAR(20), "
                + "email VARCHAR(254), subject VARCHAR(200), description VARCHAR(4000), account VARCHAR(64), "
                + "token VARCHAR(100))");
        for (int t = 0; t < templates.size(); t++) {
            Template template = templates.get(t);
            jdbc.update("INSERT INTO benchmark_template VALUES (?, ?, ?, ?, ?, ?, ?)", t, template.number(),
                    template.email(), template.subject(), template.description(), template.account(),
                    links.token(template.number()));
        }
        for (Table table : tables.values()) {
            String source = "benchmark_src_" + table.name();
            jdbc.execute("DROP TABLE IF EXISTS " + source);
            jdbc.execute("CREATE UNLOGGED TABLE " + source + " AS SELECT *, 0 AS benchmark_template_no FROM "
                    + table.name() + " WHERE false");
            for (var byTemplate : owned.entrySet()) {
                List<Map<String, Object>> rows = byTemplate.getValue().getOrDefault(table.name(), List.of());
                if (rows.isEmpty()) {
                    continue;
                }
                String keyType = table.columns().stream().filter(column -> column.name().equals(table.key()))
                        .findFirst().orElseThrow().type();
                String keys = rows.stream().map(row -> "'" + row.get(table.key()).toString().replace("'", "''") + "'")
                        .collect(Collectors.joining(", "));
                jdbc.update("INSERT INTO " + source + " SELECT *, ? FROM " + table.name() + " WHERE " + table.key()
                        + " IN (" + (keyType.contains("char") ? keys : keys.replace("'", "")) + ")", byTemplate.getKey());
            }
        }
        jdbc.execute("DROP TABLE IF EXISTS benchmark_clone");
        jdbc.execute("CREATE UNLOGGED TABLE benchmark_clone (c INT PRIMARY KEY, template_no INT, suffix VARCHAR(20), "
                + "number VARCHAR(20), email VARCHAR(254), subject VARCHAR(200), description VARCHAR(4000), "
                + "account VARCHAR(64), token VARCHAR(100), delta_minutes INT)");
        jdbc.execute("ANALYZE benchmark_template");
    }

    // --- cloning -------------------------------------------------------------------------------------------------

    /** Clones {@code count} more tickets, {@code chunk} clones per transaction. */
    void cloneTickets(int count, int chunk, java.util.function.IntConsumer progress) {
        int end = cloned + count;
        while (cloned < end) {
            int from = cloned;
            int to = Math.min(end, from + chunk);
            transaction.executeWithoutResult(status -> cloneChunk(from, to));
            cloned = to;
            progress.accept(cloned);
        }
    }

    private void cloneChunk(int from, int to) {
        int size = templates.size();
        // numbers as BusinessNumbers hands them out: per kind and year, reserved in one step per kind
        Map<String, Integer> perKind = new TreeMap<>();
        for (int c = from; c < to; c++) {
            perKind.merge(prefix(templates.get(c % size).number()), 1, Integer::sum);
        }
        Map<String, Integer> next = new TreeMap<>();
        perKind.forEach((prefix, count) -> {
            String[] parts = prefix.split("-");
            Integer last = jdbc.queryForObject("UPDATE business_number SET last_value = last_value + ? WHERE kind = ? "
                    + "AND number_year = ? RETURNING last_value", Integer.class, count, parts[0], Integer.valueOf(parts[1]));
            next.put(prefix, last - count + 1);
        });
        jdbc.update("TRUNCATE benchmark_clone");
        List<Object[]> clones = new ArrayList<>();
        for (int c = from; c < to; c++) {
            int t = c % size;
            Template template = templates.get(t);
            int index = size + c;
            int company = index % companies;
            String prefix = prefix(template.number());
            int value = next.merge(prefix, 1, Integer::sum) - 1;
            String number = "%s-%05d".formatted(prefix, value);
            clones.add(new Object[] {c, t, cloneTail(c / size + 1), number,
                    template.email().replaceFirst("@company\\d+\\.", "@company" + company + "."),
                    "Ticket " + index + " of company " + company, template.description()
                    .replaceFirst("^Benchmark ticket \\d+:", "Benchmark ticket " + index + ":"), "ACC-" + company,
                    links.token(number), (int) ((index * 7919L) % Math.max(1, spreadMinutes))});
        }
        jdbc.batchUpdate("INSERT INTO benchmark_clone VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", clones);
        for (Table table : tables.values()) {
            long started = System.nanoTime();
            int rows = jdbc.update(insert(table));
            secondsPerTable.merge(table.name(), (System.nanoTime() - started) / 1e9, Double::sum);
            rowsPerTable.merge(table.name(), (long) rows, Long::sum);
        }
    }

    /** Seconds and rows that cloning spent on each table so far. */
    String timePerTable() {
        return secondsPerTable.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(entry -> "%s %.1f s (%d rows)".formatted(entry.getKey(), entry.getValue(),
                        rowsPerTable.get(entry.getKey())))
                .collect(Collectors.joining(", "));
    }

    static String prefix(String number) {
        return number.substring(0, number.lastIndexOf('-'));
    }

    /** The statement that copies a table's template rows for every clone of {@code benchmark_clone}. */
    static String insert(Table table) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        Set<String> all = table.columns().stream().map(Column::name).collect(Collectors.toSet());
        String typeColumn = all.contains("var_type_") ? "var_type_" : all.contains("type_") ? "type_" : null;
        String identity = null;
        for (Column column : table.columns()) {
            if (column.identity()) {
                identity = column.name();
                continue;
            }
            String value = "s." + column.name();
            if (table.endingInId().contains(column.name())) {
                // the same as the regular expression below for a text whose one UUID ends it, in a fraction of the time
                value = "left(" + value + ", -22) || '" + CLONE_MARK + "' || substr(" + value + ", length(" + value
                        + ") - 20, 4) || k.suffix";
            } else if (table.idColumns().contains(column.name())) {
                value = "regexp_replace(" + value + ", '" + UUID_SQL + "', '\\1" + CLONE_MARK + "\\2' || k.suffix, 'g')";
            }
            if (table.textColumns().contains(column.name())) {
                value = "replace(replace(replace(replace(replace(replace(" + value + ", t.number, k.number), t.email, "
                        + "k.email), t.subject, k.subject), t.description, k.description), t.account, k.account), "
                        + "t.token, k.token)";
            }
            if (column.type().startsWith("timestamp") && column.name().contains("due")) {
                value = value + " + k.delta_minutes * INTERVAL '1 minute'";
            }
            if (column.name().equals("long_") && typeColumn != null) {
                value = "CASE WHEN s." + typeColumn + " = 'date' THEN s.long_ + k.delta_minutes * 60000::bigint "
                        + "ELSE s.long_ END";
            }
            names.add(column.name());
            values.add(value);
        }
        return "INSERT INTO " + table.name() + " (" + String.join(", ", names) + ") SELECT " + String.join(", ", values)
                + " FROM benchmark_src_" + table.name() + " s JOIN benchmark_clone k ON k.template_no = "
                + "s.benchmark_template_no JOIN benchmark_template t ON t.template_no = s.benchmark_template_no"
                + (identity == null ? "" : " ORDER BY k.c, s." + identity);
    }

    /** Open tasks that the clones of {@code [from, to)} add: the templates' open tasks, once per clone. */
    long tasksOfClones(int from, int to) {
        if (!tables.containsKey("act_ru_task")) {
            return 0;
        }
        Map<Integer, Long> perTemplate = new TreeMap<>();
        jdbc.query("SELECT benchmark_template_no, COUNT(*) FROM benchmark_src_act_ru_task GROUP BY benchmark_template_no",
                row -> {
                    perTemplate.put(row.getInt(1), row.getLong(2));
                });
        long tasks = 0;
        for (int c = from; c < to; c++) {
            tasks += perTemplate.getOrDefault(c % templates.size(), 0L);
        }
        return tasks;
    }

    int cloned() {
        return cloned;
    }

    void dropWorkTables() {
        for (Table table : tables.values()) {
            jdbc.execute("DROP TABLE IF EXISTS benchmark_src_" + table.name());
        }
        jdbc.execute("DROP TABLE IF EXISTS benchmark_clone");
        jdbc.execute("DROP TABLE IF EXISTS benchmark_template");
    }
}
