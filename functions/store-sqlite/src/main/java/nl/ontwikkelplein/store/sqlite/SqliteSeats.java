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
import nl.ontwikkelplein.domain.EnrolmentPolicy;
import nl.ontwikkelplein.domain.SeatOutcome;
import nl.ontwikkelplein.domain.SeatResult;
import nl.ontwikkelplein.domain.Seats;
import nl.ontwikkelplein.domain.Session;

/**
 * Seats in one SQLite write transaction: the checks, the seat counters (or the place on the
 * waitlist), the enrolment and their change-log rows commit together or not at all. Writes are
 * serialised, so the waitlist's tickets and positions are exact. Refusals are decided in the order
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
        return e.scopeKey();
    }

    @Override
    public SeatResult enrol(Enrolment e, EnrolmentPolicy policy) {
        return database.write(c -> take(c, e, List.of(e.sessionId()), false, null, policy));
    }

    @Override
    public SeatResult enrolAll(Enrolment e, List<String> sessionIds, Instant offerUpdatedAt, EnrolmentPolicy policy) {
        return database.write(c -> take(c, e, sessionIds, true, offerUpdatedAt, policy));
    }

    private SeatResult take(Connection c, Enrolment e, List<String> sessionIds, boolean checkOffer, Instant offerUpdatedAt,
                            EnrolmentPolicy policy) throws SQLException {
        Integer waitlistLimit = policy.waitlistLimit();
        if (checkOffer && !offerAsRead(c, e.offerId(), offerUpdatedAt)) return SeatResult.of(SeatOutcome.OFFER_CHANGED);
        Map<String, Object> existing = Rows.select(c, "enrolments", Map.of("scope_key", scopeKey(e), "person_key", e.personKey()),
                List.of("status", "created_at", "ticket"));
        if (existing != null && !Enrolment.EnrolmentStatus.CANCELLED.name().equals(existing.get("status")))
            return SeatResult.of(SeatOutcome.ALREADY_ENROLLED);
        boolean full = false;
        for (String sessionId : sessionIds) {
            SeatOutcome refusal = refusal(c, e.offerId(), sessionId);
            if (refusal == SeatOutcome.SESSION_GONE) return SeatResult.of(refusal);
            if (refusal == SeatOutcome.FULL) full = true;
        }
        Instant now = clock.instant();
        if (policy.requestsWithoutSeat()) {
            // A request waits for its intake without a seat: full or not, nothing is counted yet.
            store(c, e.withStatus(Enrolment.EnrolmentStatus.REQUESTED).withTicket(Enrolment.NO_SEAT), existing, now);
            return SeatResult.of(SeatOutcome.REQUESTED);
        }
        int waiting = waiting(c, scopeKey(e));
        if (!full && waiting == 0) {
            for (String sessionId : sessionIds) {
                try (PreparedStatement p = c.prepareStatement("UPDATE sessions SET taken = taken + 1 WHERE offer_id = ? AND id = ?")) {
                    p.setString(1, e.offerId());
                    p.setString(2, sessionId);
                    p.executeUpdate();
                }
                ChangeLog.append(c, catalogTable, ChangeLog.MODIFY,
                        ChangeLog.keys(SqliteCatalog.offerPk(e.offerId()), SqliteCatalog.sessionSk(sessionId)), null, null, false, now);
            }
            boolean request = policy.intake();
            store(c, e.withStatus(request ? Enrolment.EnrolmentStatus.REQUESTED : Enrolment.EnrolmentStatus.CONFIRMED).withTicket(0), existing, now);
            return SeatResult.of(request ? SeatOutcome.REQUESTED : SeatOutcome.TAKEN);
        }
        // Full, or people wait already for a seat that came free: nobody passes the queue.
        if (waitlistLimit != null && waiting >= waitlistLimit) return SeatResult.of(SeatOutcome.FULL);
        store(c, e.withStatus(Enrolment.EnrolmentStatus.WAITLISTED).withTicket(lastTicket(c, scopeKey(e)) + 1), existing, now);
        return new SeatResult(SeatOutcome.WAITLISTED, waiting + 1);
    }

    /** Writes the enrolment, over a cancelled one of the same person if there is one ({@code existing}). */
    private void store(Connection c, Enrolment e, Map<String, Object> existing, Instant now) throws SQLException {
        boolean replace = existing != null;
        if (replace) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM enrolments WHERE scope_key = ? AND person_key = ?")) {
                p.setString(1, scopeKey(e));
                p.setString(2, e.personKey());
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO enrolments (scope_key, person_key, offer_id, session_id, name, phone, status,"
                + " created_at, expires_at, ticket, manage_hash, email, text_messages, referrer_id, referrer_name, consent_note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, scopeKey(e));
            p.setString(2, e.personKey());
            p.setString(3, e.offerId());
            p.setString(4, e.sessionId());
            p.setString(5, e.name());
            p.setString(6, e.phone());
            p.setString(7, e.status().name());
            p.setString(8, e.createdAt().toString());
            p.setLong(9, e.expiresAt().getEpochSecond());
            p.setLong(10, e.ticket());
            p.setString(11, e.manageHash());
            p.setString(12, e.email());
            p.setInt(13, e.textMessages() ? 1 : 0);
            p.setString(14, e.referral() == null ? null : e.referral().referrerId());
            p.setString(15, e.referral() == null ? null : e.referral().referrerName());
            p.setString(16, e.referral() == null ? null : e.referral().consentNote());
            p.executeUpdate();
        }
        String oldImage = !replace ? null : ChangeLog.enrolmentImage(scopeKey(e), e.personKey(), (String) existing.get("status"),
                (String) existing.get("created_at"), ((Number) existing.get("ticket")).longValue());
        ChangeLog.append(c, enrolmentsTable, replace ? ChangeLog.MODIFY : ChangeLog.INSERT, ChangeLog.keys(scopeKey(e), "ENROL#" + e.personKey()),
                ChangeLog.enrolmentImage(scopeKey(e), e.personKey(), e.status().name(), e.createdAt().toString(), e.ticket()), oldImage, false, now);
    }

    static int waiting(Connection c, String scopeKey) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM enrolments WHERE scope_key = ? AND status = 'WAITLISTED'")) {
            p.setString(1, scopeKey);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    private static long lastTicket(Connection c, String scopeKey) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(MAX(ticket), 0) FROM enrolments WHERE scope_key = ?")) {
            p.setString(1, scopeKey);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
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
