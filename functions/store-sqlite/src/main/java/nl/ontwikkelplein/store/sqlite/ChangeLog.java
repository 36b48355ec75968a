package nl.ontwikkelplein.store.sqlite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The SQLite stand-in for DynamoDB Streams: every adapter appends a row per changed item in the
 * same transaction as the change, so the log holds exactly the committed changes, in commit order,
 * numbered without gaps. The local runtime reads it per table and delivers it to the stream's
 * function as DynamoDB stream records, remembering per consumer how far it got.
 */
public final class ChangeLog {
    public static final String INSERT = "INSERT", MODIFY = "MODIFY", REMOVE = "REMOVE";
    /** DynamoDB Streams keeps records 24 hours; so does the change log. */
    public static final long RETENTION_SECONDS = 24 * 3600;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One changed item.
     *
     * @param keys      the item's key attributes in DynamoDB JSON, e.g. {@code {"pk":{"S":"OFFER#x"},"sk":{"S":"OFFER"}}}
     * @param newImage  DynamoDB JSON of the item after the change, or null (the adapters write keys only)
     * @param byService true for a removal by the expiry sweeper (DynamoDB TTL)
     */
    public record Change(long sequenceNumber, String tableName, String eventName, String keys,
                         String newImage, String oldImage, boolean byService, Instant createdAt) {}

    private final SqliteDatabase database;
    private final Clock clock;

    public ChangeLog(SqliteDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A string key schema (pk, and sk when not null) in DynamoDB JSON. */
    public static String keys(String pk, String sk) {
        ObjectNode keys = JSON.createObjectNode();
        keys.putObject("pk").put("S", pk);
        if (sk != null) keys.putObject("sk").put("S", sk);
        return keys.toString();
    }

    /** Appends inside the caller's write transaction. */
    /**
     * The image of an enrolment as a stream consumer needs it to tell what happened (joined,
     * promoted, cancelled): its key, status, generation and ticket; never the name or number.
     *
     * @return DynamoDB JSON, or null when there is no item (before an INSERT, after a REMOVE)
     */
    static String enrolmentImage(String scopeKey, String personKey, String status, String createdAt, long ticket) {
        if (status == null) return null;
        ObjectNode image = JSON.createObjectNode();
        image.putObject("pk").put("S", scopeKey);
        image.putObject("sk").put("S", "ENROL#" + personKey);
        image.putObject("status").put("S", status);
        image.putObject("createdAt").put("S", createdAt);
        image.putObject("ticket").put("N", Long.toString(ticket));
        return image.toString();
    }

    static void append(Connection c, String table, String eventName, String keys, String newImage, String oldImage,
                       boolean byService, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO change_log (table_name, event_name, keys, new_image, old_image, by_service, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, table);
            p.setString(2, eventName);
            p.setString(3, keys);
            p.setString(4, newImage);
            p.setString(5, oldImage);
            p.setInt(6, byService ? 1 : 0);
            p.setLong(7, now.toEpochMilli());
            p.executeUpdate();
        }
    }

    /** A change to append, for writers that are not an adapter (tests, tools). */
    public record Entry(String table, String eventName, String keys, String newImage, String oldImage, boolean byService) {}

    /** Appends one change in a transaction of its own. */
    public void append(String table, String eventName, String keys, String newImage, String oldImage, boolean byService) {
        appendAll(List.of(new Entry(table, eventName, keys, newImage, oldImage, byService)));
    }

    /**
     * Appends changes in one transaction, as a batch write would, so a poller sees them together.
     *
     * @throws IllegalArgumentException for an event name other than INSERT, MODIFY or REMOVE, or
     *                                  keys or images that are not JSON objects (a stream record
     *                                  must always be deliverable); nothing is appended then
     */
    public void appendAll(List<Entry> entries) {
        for (Entry e : entries) {
            if (!List.of(INSERT, MODIFY, REMOVE).contains(e.eventName()))
                throw new IllegalArgumentException("event name must be INSERT, MODIFY or REMOVE, not " + e.eventName());
            if (e.table() == null || e.table().isBlank()) throw new IllegalArgumentException("a change needs its table");
            requireObject("keys", e.keys(), false);
            requireObject("new image", e.newImage(), true);
            requireObject("old image", e.oldImage(), true);
        }
        Instant now = clock.instant();
        database.write(c -> {
            for (Entry e : entries) append(c, e.table(), e.eventName(), e.keys(), e.newImage(), e.oldImage(), e.byService(), now);
            return null;
        });
    }

    private static void requireObject(String what, String json, boolean optional) {
        if (json == null && optional) return;
        try {
            if (json == null || !JSON.readTree(json).isObject()) throw new IllegalArgumentException(what + " must be a JSON object");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage());
        }
    }

    /** Changes of one table after a sequence number, oldest first, at most {@code limit}. */
    public List<Change> after(String table, long sequenceNumber, int limit) {
        return database.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT sequence_number, table_name, event_name, keys, new_image, old_image, by_service, created_at"
                    + " FROM change_log WHERE table_name = ? AND sequence_number > ? ORDER BY sequence_number LIMIT ?")) {
                p.setString(1, table);
                p.setLong(2, sequenceNumber);
                p.setInt(3, limit);
                List<Change> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new Change(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getString(6), r.getInt(7) != 0, Instant.ofEpochMilli(r.getLong(8))));
                    }
                }
                return out;
            }
        });
    }

    /** The newest sequence number of any table (0 when empty): where a LATEST position starts. */
    public long latest() {
        return database.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT coalesce(max(sequence_number), 0) FROM change_log");
                 ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : 0L;
            }
        });
    }

    /** The oldest sequence number still kept, if any: a position before it has been trimmed. */
    public OptionalLong oldest(String table) {
        return database.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT min(sequence_number) FROM change_log WHERE table_name = ?")) {
                p.setString(1, table);
                try (ResultSet r = p.executeQuery()) {
                    long value = r.next() ? r.getLong(1) : 0;
                    return r.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
                }
            }
        });
    }

    /** How far a consumer got: the last sequence number it settled; empty before its first start. */
    public OptionalLong position(String consumer) {
        return database.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT sequence_number FROM stream_positions WHERE consumer = ?")) {
                p.setString(1, consumer);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    public void savePosition(String consumer, long sequenceNumber) {
        database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO stream_positions (consumer, sequence_number) VALUES (?, ?)"
                    + " ON CONFLICT (consumer) DO UPDATE SET sequence_number = excluded.sequence_number")) {
                p.setString(1, consumer);
                p.setLong(2, sequenceNumber);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Drops changes older than the stream retention; returns how many. */
    public int trim() {
        long cutoff = clock.instant().minusSeconds(RETENTION_SECONDS).toEpochMilli();
        return database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM change_log WHERE created_at < ?")) {
                p.setLong(1, cutoff);
                return p.executeUpdate();
            }
        });
    }
}
