package nl.ontwikkelplein.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * One dated occurrence of an offer. Times are wall-clock times in Europe/Amsterdam, as people
 * read them; {@link #startInstant()} gives the moment for sorting and comparisons.
 *
 * @param seats capacity; {@code null} means no enrolment is needed (walk in)
 * @param taken seats taken; only the enrolment transaction changes it
 * @param note  a short public reason, when the session was called off or changed ("De docent is ziek"); may be null
 */
public record Session(
        String id,
        LocalDateTime start,
        LocalDateTime end,
        String locationId,
        Integer seats,
        int taken,
        SessionStatus status,
        String note) {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    public Session {
        Ids.requireValid(id);
        if (start == null || end == null) throw new IllegalArgumentException("start and end are required");
        if (status == null) status = SessionStatus.SCHEDULED;
        if (note != null && note.isBlank()) note = null;
    }

    /** A session without a note. */
    public Session(String id, LocalDateTime start, LocalDateTime end, String locationId, Integer seats, int taken, SessionStatus status) {
        this(id, start, end, locationId, seats, taken, status, null);
    }

    public enum SessionStatus { SCHEDULED, CANCELLED }

    public Instant startInstant() { return start.atZone(ZONE).toInstant(); }

    public Instant endInstant() { return end.atZone(ZONE).toInstant(); }

    public boolean needsEnrolment() { return seats != null; }

    public int seatsLeft() { return seats == null ? 0 : Math.max(0, seats - taken); }

    public boolean isFull() { return seats != null && taken >= seats; }

    public boolean isCancelled() { return status == SessionStatus.CANCELLED; }

    public boolean hasStarted(Instant now) { return !startInstant().isAfter(now); }

    public Session withTaken(int newTaken) {
        return new Session(id, start, end, locationId, seats, newTaken, status, note);
    }
}
