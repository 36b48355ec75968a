package nl.ontwikkelplein.store.sqlite;

import java.time.Clock;
import nl.ontwikkelplein.domain.Stores;

/** Every storage port on one SQLite database: the local runtime's and the tests' storage. */
public final class SqliteStores {
    /** The tables' names as the local runtime names them (their logical ids in template.yaml). */
    public static final String CATALOG_TABLE = "CatalogTable", ENROLMENTS_TABLE = "EnrolmentsTable", EDITORS_TABLE = "EditorsTable";

    private SqliteStores() {}

    /**
     * @param catalogTable    the names the functions know the tables by (CATALOG_TABLE, ...): the
     * @param enrolmentsTable change log files each change under its table, as each DynamoDB table
     * @param editorsTable    has a stream of its own
     */
    public static Stores on(SqliteDatabase database, Clock clock, String catalogTable, String enrolmentsTable, String editorsTable) {
        return new Stores(new SqliteCatalog(database, clock, catalogTable),
                new SqliteSeats(database, clock, catalogTable, enrolmentsTable),
                new SqliteEditorTokens(database, clock, editorsTable),
                new SqliteStaff(database, clock, editorsTable),
                new SqliteSignIns(database, clock, editorsTable),
                new SqliteRateLimits(database, clock, editorsTable),
                new SqliteAuditLog(database),
                new SqliteParticipants(database, clock, catalogTable, enrolmentsTable),
                new SqliteOutbox(database, enrolmentsTable),
                new SqlitePartnerFeeds(database));
    }

    public static Stores on(SqliteDatabase database, Clock clock) {
        return on(database, clock, CATALOG_TABLE, ENROLMENTS_TABLE, EDITORS_TABLE);
    }
}
