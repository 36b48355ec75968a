package nl.ontwikkelplein.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.Message;
import nl.ontwikkelplein.domain.Outbox;

/**
 * The outbox in SQLite: each change is logged under the EnrolmentsTable (keys
 * {@code MSGS#{organisationId}} / {@code MSG#{key}}), as the DynamoDB items are, so the local
 * stream delivers new and retried messages to the sender.
 */
public final class SqliteOutbox implements Outbox {
    private static final String COLUMNS = "organisation_id, key, kind, offer_id, session_id, scope_key, person_key, generation, note, status,"
            + " channel, attempts, error, handled_by, created_at, updated_at, expires_at";

    private final SqliteDatabase database;
    private final String table;

    public SqliteOutbox(SqliteDatabase database, String enrolmentsTable) {
        this.database = database;
        this.table = enrolmentsTable;
    }

    private static Message message(ResultSet r) throws SQLException {
        String channel = r.getString(11);
        return new Message(r.getString(1), r.getString(2), Message.Kind.valueOf(r.getString(3)), r.getString(4), r.getString(5), r.getString(6),
                r.getString(7), Instant.parse(r.getString(8)), r.getString(9), Message.Status.valueOf(r.getString(10)),
                channel == null ? null : Enrolment.Channel.valueOf(channel), r.getInt(12), r.getString(13), r.getString(14),
                Instant.parse(r.getString(15)), Instant.parse(r.getString(16)), Instant.ofEpochSecond(r.getLong(17)));
    }

    private void log(java.sql.Connection c, String event, String organisationId, String key, Instant now) throws SQLException {
        ChangeLog.append(c, table, event, ChangeLog.keys("MSGS#" + organisationId, "MSG#" + key), null, null, false, now);
    }

    @Override
    public boolean add(Message m) {
        return database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO messages (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, m.organisationId());
                p.setString(2, m.key());
                p.setString(3, m.kind().name());
                p.setString(4, m.offerId());
                p.setString(5, m.sessionId());
                p.setString(6, m.scopeKey());
                p.setString(7, m.personKey());
                p.setString(8, m.generation().toString());
                p.setString(9, m.note());
                p.setString(10, m.status().name());
                p.setString(11, m.channel() == null ? null : m.channel().name());
                p.setInt(12, m.attempts());
                p.setString(13, m.error());
                p.setString(14, m.handledBy());
                p.setString(15, m.createdAt().toString());
                p.setString(16, m.updatedAt().toString());
                p.setLong(17, m.expiresAt().getEpochSecond());
                if (p.executeUpdate() == 0) return false;
            }
            log(c, ChangeLog.INSERT, m.organisationId(), m.key(), m.createdAt());
            return true;
        });
    }

    @Override
    public Optional<Message> find(String organisationId, String key) {
        return database.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE organisation_id = ? AND key = ?")) {
                p.setString(1, organisationId);
                p.setString(2, key);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(message(r)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean claim(String organisationId, String key, Instant now) {
        return database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE messages SET status = 'SENDING', attempts = attempts + 1, updated_at = ?"
                    + " WHERE organisation_id = ? AND key = ? AND status = 'PENDING'")) {
                p.setString(1, now.toString());
                p.setString(2, organisationId);
                p.setString(3, key);
                if (p.executeUpdate() == 0) return false;
            }
            log(c, ChangeLog.MODIFY, organisationId, key, now);
            return true;
        });
    }

    @Override
    public void settle(String organisationId, String key, Message.Status status, Enrolment.Channel channel, String error, Instant now) {
        database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE messages SET status = ?, channel = ?, error = ?, updated_at = ?"
                    + " WHERE organisation_id = ? AND key = ? AND status = 'SENDING'")) {
                p.setString(1, status.name());
                p.setString(2, channel == null ? null : channel.name());
                p.setString(3, error);
                p.setString(4, now.toString());
                p.setString(5, organisationId);
                p.setString(6, key);
                if (p.executeUpdate() == 0) return null;
            }
            log(c, ChangeLog.MODIFY, organisationId, key, now);
            return null;
        });
    }

    @Override
    public List<Message> forStaff(String organisationId, int limit) {
        return database.read(c -> {
            List<Message> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE organisation_id = ?"
                    + " AND status IN ('CALL', 'CALLED', 'FAILED') ORDER BY created_at DESC, key LIMIT ?")) {
                p.setString(1, organisationId);
                p.setInt(2, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.add(message(r));
                }
            }
            return out;
        });
    }

    @Override
    public boolean markCalled(String organisationId, String key, String by, Instant now) {
        return database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE messages SET status = 'CALLED', handled_by = ?, updated_at = ?"
                    + " WHERE organisation_id = ? AND key = ? AND status IN ('CALL', 'FAILED')")) {
                p.setString(1, by);
                p.setString(2, now.toString());
                p.setString(3, organisationId);
                p.setString(4, key);
                if (p.executeUpdate() == 0) return false;
            }
            log(c, ChangeLog.MODIFY, organisationId, key, now);
            return true;
        });
    }
}
