package nl.ontwikkelplein.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Attendance;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.Participant;
import nl.ontwikkelplein.domain.Participants;

/** Participant lists, removal with the seats given back in the same transaction, and attendance, in SQLite. */
public final class SqliteParticipants implements Participants {
    private final SqliteDatabase database;
    private final Clock clock;
    private final String catalogTable;
    private final String enrolmentsTable;

    public SqliteParticipants(SqliteDatabase database, Clock clock, String catalogTable, String enrolmentsTable) {
        this.database = database;
        this.clock = clock;
        this.catalogTable = catalogTable;
        this.enrolmentsTable = enrolmentsTable;
    }

    static String scopeKey(String offerId, String sessionId) {
        return sessionId == null ? "COURSE#" + offerId : "SESSION#" + offerId + "#" + sessionId;
    }

    @Override
    public List<Participant> of(String offerId, String sessionId) {
        return database.read(c -> {
            List<Participant> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT person_key, offer_id, session_id, name, phone, status, created_at, expires_at, attendance"
                    + " FROM enrolments WHERE scope_key = ? ORDER BY created_at, person_key")) {
                p.setString(1, scopeKey(offerId, sessionId));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        Enrolment e = new Enrolment(r.getString(2), r.getString(3), r.getString(1), r.getString(4), r.getString(5),
                                Enrolment.EnrolmentStatus.valueOf(r.getString(6)), Instant.parse(r.getString(7)), Instant.ofEpochSecond(r.getLong(8)));
                        Map<String, Attendance> attendance = new LinkedHashMap<>();
                        Json.map(r.getString(9)).forEach((k, v) -> attendance.put(k, Attendance.valueOf(v)));
                        out.add(new Participant(e, attendance));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean remove(String offerId, String sessionId, String personKey, List<String> seatSessionIds) {
        String scope = scopeKey(offerId, sessionId);
        return database.write(c -> {
            if (!exists(c, scope, personKey)) return false;
            Instant now = clock.instant();
            try (PreparedStatement p = c.prepareStatement("DELETE FROM enrolments WHERE scope_key = ? AND person_key = ?")) {
                p.setString(1, scope);
                p.setString(2, personKey);
                p.executeUpdate();
            }
            ChangeLog.append(c, enrolmentsTable, ChangeLog.REMOVE, ChangeLog.keys(scope, "ENROL#" + personKey), null, null, false, now);
            for (String seat : seatSessionIds) {
                try (PreparedStatement p = c.prepareStatement("UPDATE sessions SET taken = taken - 1 WHERE offer_id = ? AND id = ? AND taken > 0")) {
                    p.setString(1, offerId);
                    p.setString(2, seat);
                    if (p.executeUpdate() > 0)
                        ChangeLog.append(c, catalogTable, ChangeLog.MODIFY, ChangeLog.keys(SqliteCatalog.offerPk(offerId), SqliteCatalog.sessionSk(seat)),
                                null, null, false, now);
                }
            }
            return true;
        });
    }

    @Override
    public boolean setAttendance(String offerId, String sessionId, String personKey, String attendedSessionId, Attendance attendance) {
        String scope = scopeKey(offerId, sessionId);
        return database.write(c -> {
            String current;
            try (PreparedStatement p = c.prepareStatement("SELECT attendance FROM enrolments WHERE scope_key = ? AND person_key = ?")) {
                p.setString(1, scope);
                p.setString(2, personKey);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) return false;
                    current = r.getString(1);
                }
            }
            Map<String, String> marks = new HashMap<>(Json.map(current));
            if (attendance.name().equals(marks.put(attendedSessionId, attendance.name()))) return true;
            try (PreparedStatement p = c.prepareStatement("UPDATE enrolments SET attendance = ? WHERE scope_key = ? AND person_key = ?")) {
                p.setString(1, Json.map(marks));
                p.setString(2, scope);
                p.setString(3, personKey);
                p.executeUpdate();
            }
            ChangeLog.append(c, enrolmentsTable, ChangeLog.MODIFY, ChangeLog.keys(scope, "ENROL#" + personKey), null, null, false, clock.instant());
            return true;
        });
    }

    private static boolean exists(Connection c, String scope, String personKey) throws SQLException {
        return Rows.select(c, "enrolments", Map.of("scope_key", scope, "person_key", personKey), List.of("person_key")) != null;
    }
}
