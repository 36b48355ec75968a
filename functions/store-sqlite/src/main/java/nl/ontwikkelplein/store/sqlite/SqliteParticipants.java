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
import java.util.Optional;
import nl.ontwikkelplein.domain.Attendance;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.ManagedEnrolment;
import nl.ontwikkelplein.domain.Participant;
import nl.ontwikkelplein.domain.Participants;
import nl.ontwikkelplein.domain.Session;

/**
 * Participant lists, waitlists, private links, cancellation and promotion in SQLite. Every change
 * is one write transaction with its change-log rows, so the seat counters and the enrolments
 * always agree.
 */
public final class SqliteParticipants implements Participants {
    private static final String COLUMNS = "person_key, offer_id, session_id, name, phone, status, created_at, expires_at, ticket, manage_hash,"
            + " email, text_messages, referrer_id, referrer_name, consent_note";

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

    private static Enrolment enrolment(ResultSet r) throws SQLException {
        return new Enrolment(r.getString(2), r.getString(3), r.getString(1), r.getString(4), r.getString(5),
                Enrolment.EnrolmentStatus.valueOf(r.getString(6)), Instant.parse(r.getString(7)), Instant.ofEpochSecond(r.getLong(8)),
                r.getLong(9), r.getString(10), r.getString(11), r.getInt(12) == 1,
                r.getString(13) == null ? null : new Enrolment.Referral(r.getString(13), r.getString(14), r.getString(15)));
    }

    /** A row of COLUMNS and attendance. */
    private static Participant participant(ResultSet r) throws SQLException {
        Map<String, Attendance> attendance = new LinkedHashMap<>();
        Json.map(r.getString(16)).forEach((k, v) -> attendance.put(k, Attendance.valueOf(v)));
        return new Participant(enrolment(r), attendance);
    }

    @Override
    public List<Participant> of(String offerId, String sessionId) {
        return database.read(c -> {
            List<Participant> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + ", attendance FROM enrolments WHERE scope_key = ? ORDER BY created_at, person_key")) {
                p.setString(1, scopeKey(offerId, sessionId));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.add(participant(r));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Enrolment> find(String offerId, String sessionId, String personKey) {
        return database.read(c -> find(c, scopeKey(offerId, sessionId), personKey));
    }

    private static Optional<Enrolment> find(Connection c, String scope, String personKey) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM enrolments WHERE scope_key = ? AND person_key = ?")) {
            p.setString(1, scope);
            p.setString(2, personKey);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(enrolment(r)) : Optional.empty();
            }
        }
    }

    @Override
    public List<Participant> referredBy(String referrerId, int limit) {
        return database.read(c -> {
            List<Participant> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + ", attendance FROM enrolments WHERE referrer_id = ?"
                    + " ORDER BY created_at DESC, person_key LIMIT ?")) {
                p.setString(1, referrerId);
                p.setInt(2, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.add(participant(r));
                }
            }
            return out;
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
            Enrolment e = find(c, scope, personKey).orElseThrow();
            logEnrolment(c, ChangeLog.MODIFY, e, e.status(), e.status(), clock.instant());
            return true;
        });
    }

    @Override
    public Optional<ManagedEnrolment> byManageHash(String manageHash) {
        return database.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM enrolments WHERE manage_hash = ?")) {
                p.setString(1, manageHash);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) return Optional.of(new ManagedEnrolment(enrolment(r), 0, false));
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT e.person_key, e.offer_id, e.session_id, e.name, e.phone, e.status, e.created_at,"
                    + " e.expires_at, e.ticket, e.manage_hash, e.email, e.text_messages, e.referrer_id, e.referrer_name, e.consent_note"
                    + " FROM manage_links l JOIN enrolments e"
                    + " ON e.scope_key = l.scope_key AND e.person_key = l.person_key AND e.created_at = l.generation WHERE l.manage_hash = ?")) {
                p.setString(1, manageHash);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) return Optional.of(new ManagedEnrolment(enrolment(r), 0, false));
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT person_key, offer_id, session_id, name, phone, status, created_at, expires_at,"
                    + " 0, manage_hash, NULL, 0, NULL, NULL, NULL, position FROM phantom_enrolments WHERE manage_hash = ?")) {
                p.setString(1, manageHash);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) return Optional.of(new ManagedEnrolment(enrolment(r), r.getInt(16), true));
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public int position(Enrolment e) {
        if (e.status() != Enrolment.EnrolmentStatus.WAITLISTED) return 0;
        return database.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM enrolments w JOIN enrolments me ON me.scope_key = w.scope_key"
                    + " WHERE me.scope_key = ? AND me.person_key = ? AND me.status = 'WAITLISTED' AND w.status = 'WAITLISTED' AND w.ticket <= me.ticket")) {
                p.setString(1, e.scopeKey());
                p.setString(2, e.personKey());
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public List<Enrolment> waiting(String offerId, String sessionId, int limit) {
        return database.read(c -> {
            List<Enrolment> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM enrolments WHERE scope_key = ? AND status = 'WAITLISTED'"
                    + " ORDER BY ticket LIMIT ?")) {
                p.setString(1, scopeKey(offerId, sessionId));
                p.setInt(2, Math.max(0, limit));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.add(enrolment(r));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Enrolment.EnrolmentStatus> cancel(String offerId, String sessionId, String personKey, List<String> seatSessionIds, Instant now) {
        String scope = scopeKey(offerId, sessionId);
        return database.write(c -> {
            Enrolment e = find(c, scope, personKey).orElse(null);
            if (e == null || !e.status().isActive()) return Optional.empty();
            try (PreparedStatement p = c.prepareStatement("UPDATE enrolments SET status = 'CANCELLED' WHERE scope_key = ? AND person_key = ?")) {
                p.setString(1, scope);
                p.setString(2, personKey);
                p.executeUpdate();
            }
            logEnrolment(c, ChangeLog.MODIFY, e, e.status(), Enrolment.EnrolmentStatus.CANCELLED, now);
            if (e.holdsSeat()) giveBack(c, offerId, seatSessionIds, now);
            return Optional.of(e.status());
        });
    }

    @Override
    public boolean erase(String offerId, String sessionId, String personKey, List<String> seatSessionIds) {
        String scope = scopeKey(offerId, sessionId);
        return database.write(c -> {
            Enrolment e = find(c, scope, personKey).orElse(null);
            if (e == null) return false;
            Instant now = clock.instant();
            try (PreparedStatement p = c.prepareStatement("DELETE FROM enrolments WHERE scope_key = ? AND person_key = ?")) {
                p.setString(1, scope);
                p.setString(2, personKey);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM manage_links WHERE scope_key = ? AND person_key = ?")) {
                p.setString(1, scope);
                p.setString(2, personKey);
                p.executeUpdate();
            }
            logEnrolment(c, ChangeLog.REMOVE, e, e.status(), null, now);
            if (e.holdsSeat()) giveBack(c, offerId, seatSessionIds, now);
            return true;
        });
    }

    @Override
    public Promotion accept(String offerId, String sessionId, String personKey, List<String> seatSessionIds, Instant now) {
        String scope = scopeKey(offerId, sessionId);
        return database.write(c -> {
            Enrolment e = find(c, scope, personKey).orElse(null);
            if (e == null || e.status() != Enrolment.EnrolmentStatus.REQUESTED) return Promotion.NOT_WAITING;
            if (!e.holdsSeat()) {
                for (String seat : seatSessionIds) if (!hasFreeSeat(c, offerId, seat)) return Promotion.NO_SEAT;
                for (String seat : seatSessionIds) {
                    try (PreparedStatement p = c.prepareStatement("UPDATE sessions SET taken = taken + 1 WHERE offer_id = ? AND id = ?")) {
                        p.setString(1, offerId);
                        p.setString(2, seat);
                        p.executeUpdate();
                    }
                    logSession(c, offerId, seat, now);
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE enrolments SET status = 'CONFIRMED', ticket = 0 WHERE scope_key = ? AND person_key = ?")) {
                p.setString(1, scope);
                p.setString(2, personKey);
                p.executeUpdate();
            }
            logEnrolment(c, ChangeLog.MODIFY, e, Enrolment.EnrolmentStatus.REQUESTED, Enrolment.EnrolmentStatus.CONFIRMED, now);
            return Promotion.PROMOTED;
        });
    }

    @Override
    public Promotion promote(Enrolment waiting, List<String> seatSessionIds, Instant offerUpdatedAt, Enrolment.EnrolmentStatus to, Instant now) {
        String scope = waiting.scopeKey();
        return database.write(c -> {
            Enrolment e = find(c, scope, waiting.personKey()).orElse(null);
            if (e == null || e.status() != Enrolment.EnrolmentStatus.WAITLISTED) return Promotion.NOT_WAITING;
            if (offerUpdatedAt != null) {
                Map<String, Object> offer = Rows.select(c, "offers", Map.of("id", waiting.offerId()), List.of("updated_at"));
                if (offer == null || !offerUpdatedAt.toString().equals(offer.get("updated_at"))) return Promotion.NO_SEAT;
            }
            for (String seat : seatSessionIds) if (!hasFreeSeat(c, waiting.offerId(), seat)) return Promotion.NO_SEAT;
            for (String seat : seatSessionIds) {
                try (PreparedStatement p = c.prepareStatement("UPDATE sessions SET taken = taken + 1 WHERE offer_id = ? AND id = ?")) {
                    p.setString(1, waiting.offerId());
                    p.setString(2, seat);
                    p.executeUpdate();
                }
                logSession(c, waiting.offerId(), seat, now);
            }
            // The ticket goes to 0: a promoted request holds its seat.
            try (PreparedStatement p = c.prepareStatement("UPDATE enrolments SET status = ?, ticket = 0 WHERE scope_key = ? AND person_key = ?")) {
                p.setString(1, to.name());
                p.setString(2, scope);
                p.setString(3, waiting.personKey());
                p.executeUpdate();
            }
            logEnrolment(c, ChangeLog.MODIFY, e.withTicket(0), Enrolment.EnrolmentStatus.WAITLISTED, to, now);
            return Promotion.PROMOTED;
        });
    }

    private static boolean hasFreeSeat(Connection c, String offerId, String sessionId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT status, seats, taken FROM sessions WHERE offer_id = ? AND id = ?")) {
            p.setString(1, offerId);
            p.setString(2, sessionId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next() || !Session.SessionStatus.SCHEDULED.name().equals(r.getString(1)) || r.getObject(2) == null) return false;
                return r.getInt(3) < r.getInt(2);
            }
        }
    }

    @Override
    public int moveExpiry(String offerId, String sessionId, Instant expiresAt) {
        String scope = scopeKey(offerId, sessionId);
        return database.write(c -> {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT person_key FROM enrolments WHERE scope_key = ? AND expires_at <> ?")) {
                p.setString(1, scope);
                p.setLong(2, expiresAt.getEpochSecond());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) keys.add(r.getString(1));
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE enrolments SET expires_at = ? WHERE scope_key = ?")) {
                p.setLong(1, expiresAt.getEpochSecond());
                p.setString(2, scope);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE manage_links SET expires_at = ? WHERE scope_key = ?")) {
                p.setLong(1, expiresAt.getEpochSecond());
                p.setString(2, scope);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE phantom_enrolments SET expires_at = ? WHERE offer_id = ? AND session_id IS ?")) {
                p.setLong(1, expiresAt.getEpochSecond());
                p.setString(2, offerId);
                p.setString(3, sessionId);
                p.executeUpdate();
            }
            Instant now = clock.instant();
            for (String key : keys) {
                Enrolment e = find(c, scope, key).orElseThrow();
                logEnrolment(c, ChangeLog.MODIFY, e, e.status(), e.status(), now);
            }
            return countIn(c, scope);
        });
    }

    private static int countIn(Connection c, String scope) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM enrolments WHERE scope_key = ?")) {
            p.setString(1, scope);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    @Override
    public void savePhantom(ManagedEnrolment phantom) {
        Enrolment e = phantom.enrolment();
        database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO phantom_enrolments (manage_hash, offer_id, session_id, person_key, name, phone,"
                    + " status, position, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, e.manageHash());
                p.setString(2, e.offerId());
                p.setString(3, e.sessionId());
                p.setString(4, e.personKey());
                p.setString(5, e.name());
                p.setString(6, e.phone());
                p.setString(7, e.status().name());
                p.setInt(8, phantom.position());
                p.setString(9, e.createdAt().toString());
                p.setLong(10, e.expiresAt().getEpochSecond());
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean cancelPhantom(String manageHash) {
        return database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE phantom_enrolments SET status = 'CANCELLED' WHERE manage_hash = ? AND status <> 'CANCELLED'")) {
                p.setString(1, manageHash);
                return p.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean erasePhantom(String manageHash) {
        return database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM phantom_enrolments WHERE manage_hash = ?")) {
                p.setString(1, manageHash);
                return p.executeUpdate() > 0;
            }
        });
    }

    /** A confirmed enrolment's seats come free. */
    private void giveBack(Connection c, String offerId, List<String> seatSessionIds, Instant now) throws SQLException {
        for (String seat : seatSessionIds) {
            try (PreparedStatement p = c.prepareStatement("UPDATE sessions SET taken = taken - 1 WHERE offer_id = ? AND id = ? AND taken > 0")) {
                p.setString(1, offerId);
                p.setString(2, seat);
                if (p.executeUpdate() > 0) logSession(c, offerId, seat, now);
            }
        }
    }

    private void logSession(Connection c, String offerId, String sessionId, Instant now) throws SQLException {
        ChangeLog.append(c, catalogTable, ChangeLog.MODIFY, ChangeLog.keys(SqliteCatalog.offerPk(offerId), SqliteCatalog.sessionSk(sessionId)),
                null, null, false, now);
    }

    /** A change of an enrolment with its images (status before and after; null: no item), as the stream carries them. */
    private void logEnrolment(Connection c, String eventName, Enrolment e, Enrolment.EnrolmentStatus before, Enrolment.EnrolmentStatus after,
                              Instant now) throws SQLException {
        String created = e.createdAt().toString();
        ChangeLog.append(c, enrolmentsTable, eventName, ChangeLog.keys(e.scopeKey(), "ENROL#" + e.personKey()),
                ChangeLog.enrolmentImage(e.scopeKey(), e.personKey(), after == null ? null : after.name(), created, e.ticket()),
                ChangeLog.enrolmentImage(e.scopeKey(), e.personKey(), before == null ? null : before.name(), created, e.ticket()), false, now);
    }

    @Override
    public void addLink(Enrolment e, String manageHash) {
        database.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO manage_links (manage_hash, scope_key, person_key, generation, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, manageHash);
                p.setString(2, e.scopeKey());
                p.setString(3, e.personKey());
                p.setString(4, e.createdAt().toString());
                p.setLong(5, e.expiresAt().getEpochSecond());
                p.executeUpdate();
            }
            return null;
        });
    }
}
