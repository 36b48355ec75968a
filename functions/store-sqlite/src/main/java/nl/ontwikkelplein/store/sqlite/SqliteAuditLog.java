package nl.ontwikkelplein.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.ontwikkelplein.domain.AuditEntry;
import nl.ontwikkelplein.domain.AuditLog;

/** The audit trail in SQLite (the AuditTable, which has no stream: no change log rows). */
public final class SqliteAuditLog implements AuditLog {
    private static final String COLUMNS = "id, at, actor_id, actor_name, record_type, record_id, organisation_id, action, fields";

    private final SqliteDatabase database;

    public SqliteAuditLog(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public void append(AuditEntry e) {
        database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, e.id());
                p.setLong(2, e.at().toEpochMilli());
                p.setString(3, e.actorId());
                p.setString(4, e.actorName());
                p.setString(5, e.recordType());
                p.setString(6, e.recordId());
                p.setString(7, e.organisationId());
                p.setString(8, e.action());
                p.setString(9, Json.strings(e.fields()));
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<AuditEntry> forRecord(String recordType, String recordId, int limit) {
        return query("WHERE record_type = ? AND record_id = ?", limit, recordType, recordId);
    }

    @Override
    public List<AuditEntry> byActor(String actorId, int limit) {
        return query("WHERE actor_id = ?", limit, actorId);
    }

    private List<AuditEntry> query(String where, int limit, String... args) {
        return database.read(c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log " + where + " ORDER BY at DESC, id DESC LIMIT ?")) {
                for (int i = 0; i < args.length; i++) p.setString(i + 1, args[i]);
                p.setInt(args.length + 1, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next())
                        out.add(new AuditEntry(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3), r.getString(4), r.getString(5),
                                r.getString(6), r.getString(7), r.getString(8), Json.strings(r.getString(9))));
                }
            }
            return out;
        });
    }
}
