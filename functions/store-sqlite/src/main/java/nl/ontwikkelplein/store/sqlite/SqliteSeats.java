package nl.ontwikkelplein.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.SeatOutcome;
import nl.ontwikkelplein.domain.Seats;
import nl.ontwikkelplein.domain.Session;

/**
 * Seats in one SQLite write transaction: the checks, the seat counters, the enrolment and their
 * change-log rows commit together or not at all. Refusals are decided in the order
 * {@code DynamoSeats} maps a cancelled transaction's reasons: the offer changed, then already
 * enrolled, then the first session that cannot take a seat.
 */
public final class SqliteSeats implements Seats {
    private final SqliteDatabase database;
    private final Clock clock;
    private final String catalogTable;
    private final String enrolmentsTable;

    public SqliteSeats(SqliteDatabase database, Clock clock, String catalogTable, String enrolmentsTable) {
        this.database = database;
        this.clock = clock;
        this.catalogTable = catalogTable;
        this.enrolmentsTable = enrolmentsTable;
    }

    /** The enrolment's partition key, as in the EnrolmentsTable. */
    static String scopeKey(Enrolment e) {
        return e.sessionId() == null ? "COURSE#" + e.offerId() : "SESSION#" + e.offerId() + "#" + e.sessionId();
    }

    @Override
    public SeatOutcome take(Enrolment e) {
        return database.write(c -> take(c, e, List.of(e.sessionId()), false, null));
    }

    @Override
    public SeatOutcome takeAll(Enrolment e, List<String> sessionIds, Instant offerUpdatedAt) {
        return database.write(c -> take(c, e, sessionIds, true, offerUpdatedAt));
    }

    private SeatOutcome take(Connection c, Enrolment e, List<String> sessionIds, boolean checkOffer, Instant offerUpdatedAt) throws SQLException {
        if (checkOffer && !offerAsRead(c, e.offerId(), offerUpdatedAt)) return SeatOutcome.OFFER_CHANGED;
        if (Rows.select(c, "enrolments", Map.of("scope_key", scopeKey(e), "person_key", e.personKey()), List.of("status")) != null)
            return SeatOutcome.ALREADY_ENROLLED;
        for (String sessionId : sessionIds) {
            SeatOutcome refusal = refusal(c, e.offerId(), sessionId);
            if (refusal != null) return refusal;
        }
        Instant now = clock.instant();
        for (String sessionId : sessionIds) {
            try (PreparedStatement p = c.prepareStatement("UPDATE sessions SET taken = taken + 1 WHERE offer_id = ? AND id = ?")) {
                p.setString(1, e.offerId());
                p.setString(2, sessionId);
                p.executeUpdate();
            }
            ChangeLog.append(c, catalogTable, ChangeLog.MODIFY,
                    ChangeLog.keys(SqliteCatalog.offerPk(e.offerId()), SqliteCatalog.sessionSk(sessionId)), null, null, false, now);
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO enrolments (scope_key, person_key, offer_id, session_id, name, phone, status,"
                + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, scopeKey(e));
            p.setString(2, e.personKey());
            p.setString(3, e.offerId());
            p.setString(4, e.sessionId());
            p.setString(5, e.name());
            p.setString(6, e.phone());
            p.setString(7, e.status().name());
            p.setString(8, e.createdAt().toString());
            p.setLong(9, e.expiresAt().getEpochSecond());
            p.executeUpdate();
        }
        ChangeLog.append(c, enrolmentsTable, ChangeLog.INSERT, ChangeLog.keys(scopeKey(e), "ENROL#" + e.personKey()), null, null, false, now);
        return SeatOutcome.TAKEN;
    }

    /** As DynamoSeats' condition check: a missing offer passes only when no updatedAt was read. */
    private static boolean offerAsRead(Connection c, String offerId, Instant updatedAt) throws SQLException {
        Map<String, Object> offer = Rows.select(c, "offers", Map.of("id", offerId), List.of("updated_at"));
        Object stored = offer == null ? null : offer.get("updated_at");
        return updatedAt == null ? stored == null : updatedAt.toString().equals(stored);
    }

    /** Why this session cannot take a seat, or null when it can. */
    private static SeatOutcome refusal(Connection c, String offerId, String sessionId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT status, seats, taken FROM sessions WHERE offer_id = ? AND id = ?")) {
            p.setString(1, offerId);
            p.setString(2, sessionId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) return SeatOutcome.SESSION_GONE;
                if (!Session.SessionStatus.SCHEDULED.name().equals(r.getString(1))) return SeatOutcome.SESSION_GONE;
                Object seats = r.getObject(2);
                if (seats == null) return SeatOutcome.SESSION_GONE; // walk-in: no enrolment
                return r.getInt(3) < ((Number) seats).intValue() ? null : SeatOutcome.FULL;
            }
        }
    }
}
