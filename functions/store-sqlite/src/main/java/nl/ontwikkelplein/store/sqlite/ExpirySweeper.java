package nl.ontwikkelplein.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What DynamoDB's time to live does for the EnrolmentsTable and EditorsTable: rows whose
 * {@code expires_at} (epoch seconds) has passed are deleted, and each deletion is recorded in the
 * change log as a REMOVE by the service, the way a TTL deletion appears in a DynamoDB stream.
 * The local runtime runs it every minute; DynamoDB itself may take up to a few days.
 */
public final class ExpirySweeper {
    /** What one sweep removed. */
    public record Swept(int enrolments, int editorTokens, int signIns, int changeLogRows) {}

    private final SqliteDatabase database;
    private final ChangeLog changeLog;
    private final Clock clock;
    private final String enrolmentsTable;
    private final String editorsTable;

    public ExpirySweeper(SqliteDatabase database, Clock clock, String enrolmentsTable, String editorsTable) {
        this.database = database;
        this.changeLog = new ChangeLog(database, clock);
        this.clock = clock;
        this.enrolmentsTable = enrolmentsTable;
        this.editorsTable = editorsTable;
    }

    public Swept sweep() {
        Instant now = clock.instant();
        long nowSeconds = now.getEpochSecond();
        int[] counts = database.write(c -> new int[]{
                sweep(c, "SELECT scope_key, person_key FROM enrolments WHERE expires_at < ?",
                        "DELETE FROM enrolments WHERE scope_key = ? AND person_key = ?", enrolmentsTable, nowSeconds, now, true)
                        // Stand-ins of repeated enrolments: DynamoDB's MANAGE# items, under the same TTL.
                        + sweepSimple(c, "phantom_enrolments", "manage_hash", "MANAGE#", "MANAGE", enrolmentsTable, nowSeconds, now)
                        + sweepSimple(c, "manage_links", "manage_hash", "MANAGE#", "MANAGE", enrolmentsTable, nowSeconds, now)
                        + sweepMessages(c, enrolmentsTable, nowSeconds, now),
                sweep(c, "SELECT token_hash, NULL FROM editor_tokens WHERE expires_at IS NOT NULL AND expires_at < ?",
                        "DELETE FROM editor_tokens WHERE token_hash = ?", editorsTable, nowSeconds, now, false),
                sweepSimple(c, "sign_in_links", "token_hash", "SIGNIN#", "SIGNIN", editorsTable, nowSeconds, now)
                        + sweepSimple(c, "staff_sessions", "token_hash", "SESSION#", "SESSION", editorsTable, nowSeconds, now)
                        + sweepRates(c, editorsTable, nowSeconds, now)});
        return new Swept(counts[0], counts[1], counts[2], changeLog.trim());
    }

    /** Rows with a one-column key; table and column names come from this class. */
    private static int sweepSimple(Connection c, String sqlTable, String keyColumn, String pkPrefix, String sk, String table,
                                   long nowSeconds, Instant now) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT " + keyColumn + " FROM " + sqlTable + " WHERE expires_at < ?")) {
            p.setLong(1, nowSeconds);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) keys.add(r.getString(1));
            }
        }
        for (String key : keys) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + sqlTable + " WHERE " + keyColumn + " = ?")) {
                p.setString(1, key);
                p.executeUpdate();
            }
            ChangeLog.append(c, table, ChangeLog.REMOVE, ChangeLog.keys(pkPrefix + key, sk), null, null, true, now);
        }
        return keys.size();
    }

    private static int sweepMessages(Connection c, String table, long nowSeconds, Instant now) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT organisation_id, key FROM messages WHERE expires_at < ?")) {
            p.setLong(1, nowSeconds);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) keys.add(new String[]{r.getString(1), r.getString(2)});
            }
        }
        for (String[] key : keys) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM messages WHERE organisation_id = ? AND key = ?")) {
                p.setString(1, key[0]);
                p.setString(2, key[1]);
                p.executeUpdate();
            }
            ChangeLog.append(c, table, ChangeLog.REMOVE, ChangeLog.keys("MSGS#" + key[0], "MSG#" + key[1]), null, null, true, now);
        }
        return keys.size();
    }

    private static int sweepRates(Connection c, String table, long nowSeconds, Instant now) throws SQLException {
        List<Object[]> keys = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT key, window_start FROM rate_limits WHERE expires_at < ?")) {
            p.setLong(1, nowSeconds);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) keys.add(new Object[]{r.getString(1), r.getLong(2)});
            }
        }
        for (Object[] key : keys) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM rate_limits WHERE key = ? AND window_start = ?")) {
                p.setString(1, (String) key[0]);
                p.setLong(2, (Long) key[1]);
                p.executeUpdate();
            }
            ChangeLog.append(c, table, ChangeLog.REMOVE, ChangeLog.keys("RATE#" + key[0] + "#" + key[1], "RATE"), null, null, true, now);
        }
        return keys.size();
    }

    /** @param enrolment true: key (scope_key, person_key) as pk/ENROL#sk; false: token hash as TOKEN# pk */
    private static int sweep(Connection c, String select, String delete, String table, long nowSeconds, Instant now,
                             boolean enrolment) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(select)) {
            p.setLong(1, nowSeconds);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) keys.add(new String[]{r.getString(1), r.getString(2)});
            }
        }
        for (String[] key : keys) {
            try (PreparedStatement p = c.prepareStatement(delete)) {
                p.setString(1, key[0]);
                if (enrolment) p.setString(2, key[1]);
                p.executeUpdate();
            }
            String keysJson = enrolment ? ChangeLog.keys(key[0], "ENROL#" + key[1]) : ChangeLog.keys("TOKEN#" + key[0], "TOKEN");
            ChangeLog.append(c, table, ChangeLog.REMOVE, keysJson, null, null, true, now);
        }
        return keys.size();
    }
}
