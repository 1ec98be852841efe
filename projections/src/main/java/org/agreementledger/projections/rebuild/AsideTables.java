package org.agreementledger.projections.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the read model's tables in a schema of its own, built while readers go on reading the
 * tables in use, then swapped in by one transaction. The copy has the same columns, constraints,
 * indexes and extended statistics, under the same names, as the tables in use, read from
 * PostgreSQL's catalogue, so that the migrations stay the one definition of the schema. Statements
 * name the tables without a schema: a transaction that puts {@link #SCHEMA} first on its search path
 * reads and writes the copy.
 */
final class AsideTables {

    static final String SCHEMA = "read_model_build";
    private static final String RETIRED_SCHEMA = "read_model_retired";
    /** Referenced tables before the tables that reference them. */
    private static final List<String> TABLES = List.of("agreement_view", "agreement_party_view", "totals_bucket");

    private final JdbcTemplate jdbc;

    AsideTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates empty copies with their primary keys, and puts them first on the transaction's search
     * path; the other keys and indexes come with {@link #complete}, once the rows are in.
     */
    Definitions create() {
        Definitions definitions = readDefinitions();
        jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + SCHEMA);
        for (String table : TABLES) {
            jdbc.execute("CREATE TABLE " + SCHEMA + "." + table + " (LIKE " + table
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY"
                    + " INCLUDING STORAGE INCLUDING COMMENTS)");
        }
        putFirstOnSearchPath();
        definitions.keys().forEach(jdbc::execute);
        return definitions;
    }

    /** Puts the copies first on the current transaction's search path. */
    void putFirstOnSearchPath() {
        jdbc.queryForObject("SELECT set_config('search_path', ? || ', ' || current_setting('search_path'), true)",
                String.class, SCHEMA);
    }

    /**
     * Adds the foreign keys, the indexes that are not keys and the extended statistics, and gathers
     * the statistics the planner needs for the first queries after the swap.
     */
    void complete(Definitions definitions) {
        definitions.rest().forEach(jdbc::execute);
        TABLES.forEach(table -> jdbc.execute("ANALYZE " + table));
    }

    /**
     * Moves the tables in use out and the copies in, then drops the tables that were in use; in the
     * caller's transaction, so readers see either the old tables or the new ones. Drops without
     * CASCADE: an object that depended on the old tables fails the swap instead of vanishing.
     */
    void swapIn() {
        String inUse = jdbc.queryForObject("SELECT current_schema()", String.class);
        jdbc.execute("DROP SCHEMA IF EXISTS " + RETIRED_SCHEMA + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + RETIRED_SCHEMA);
        for (String table : TABLES) {
            jdbc.execute("ALTER TABLE " + inUse + "." + table + " SET SCHEMA " + RETIRED_SCHEMA);
        }
        for (String table : TABLES) {
            jdbc.execute("ALTER TABLE " + SCHEMA + "." + table + " SET SCHEMA " + inUse);
        }
        jdbc.execute("DROP TABLE " + String.join(", ", TABLES.stream().map(table -> RETIRED_SCHEMA + "." + table)
                .toList()));
        // unlike indexes and constraints, statistics objects stay in their schema when their table moves;
        // the old ones went with the old tables, so the names are free
        for (String statistics : jdbc.queryForList(
                "SELECT quote_ident(stxname) FROM pg_statistic_ext WHERE stxnamespace = ?::regnamespace",
                String.class, SCHEMA)) {
            jdbc.execute("ALTER STATISTICS " + SCHEMA + "." + statistics + " SET SCHEMA " + inUse);
        }
        jdbc.execute("DROP SCHEMA " + RETIRED_SCHEMA);
        jdbc.execute("DROP SCHEMA " + SCHEMA);
    }

    /**
     * Vacuums the tables swapped in, outside any transaction: until then an index-only scan reads
     * every row's page too, since no page of a new table is marked all-visible.
     */
    void vacuumSwappedIn() {
        jdbc.execute("VACUUM (ANALYZE) " + String.join(", ", TABLES));
    }

    void drop() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    /**
     * The DDL of the tables in use, in names the copies resolve to once first on the search path:
     * pg_get_constraintdef leaves out the schema of a table on the search path.
     */
    private Definitions readDefinitions() {
        String[] tables = TABLES.toArray(String[]::new);
        List<String> keys = constraints(tables, "p");
        List<String> laterKeys = constraints(tables, "u", "f");
        List<String> indexes = jdbc.query("""
                        SELECT replace(i.indexdef, ' ON ' || i.schemaname || '.' || i.tablename || ' ',
                                       ' ON ' || i.tablename || ' ')
                        FROM pg_indexes i
                        WHERE i.schemaname = current_schema() AND i.tablename = ANY (?)
                          AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                                          WHERE c.contype IN ('p', 'u')
                                            AND c.conindid = (quote_ident(i.schemaname) || '.'
                                                              || quote_ident(i.indexname))::regclass)
                        ORDER BY i.tablename, i.indexname""",
                (row, i) -> row.getString(1), (Object) tables);
        // the statistics object's name is always schema-qualified; its table only when off the search path
        List<String> statistics = jdbc.query("""
                        SELECT replace(pg_get_statisticsobjdef(s.oid),
                                       'CREATE STATISTICS ' || quote_ident(n.nspname) || '.', 'CREATE STATISTICS ')
                        FROM pg_statistic_ext s
                        JOIN pg_namespace n ON n.oid = s.stxnamespace
                        JOIN pg_class t ON t.oid = s.stxrelid
                        WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY (?)
                        ORDER BY s.stxname""",
                (row, i) -> row.getString(1), (Object) tables);
        return new Definitions(keys, Stream.of(laterKeys, indexes, statistics).flatMap(List::stream).toList());
    }

    /** Unique before foreign keys, which may rest on them. */
    private List<String> constraints(String[] tables, String... types) {
        return jdbc.query("""
                        SELECT 'ALTER TABLE ' || t.relname || ' ADD CONSTRAINT ' || c.conname || ' '
                               || pg_get_constraintdef(c.oid)
                        FROM pg_constraint c
                        JOIN pg_class t ON t.oid = c.conrelid
                        WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY (?)
                          AND c.contype::text = ANY (?)
                        ORDER BY t.relname, c.contype DESC, c.conname""",
                (row, i) -> row.getString(1), tables, types);
    }

    /**
     * @param keys the primary keys, which loading the rows relies on (its upserts)
     * @param rest the unique and foreign keys, the other indexes and the extended statistics, cheaper
     *             to build over the rows
     */
    record Definitions(List<String> keys, List<String> rest) {
    }
}
