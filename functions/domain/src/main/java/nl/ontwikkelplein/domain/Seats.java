package nl.ontwikkelplein.domain;

/** Takes seats atomically: a seat is taken and the enrolment recorded together, or neither. */
public interface Seats {
    SeatOutcome take(Enrolment enrolment);

    /**
     * A seat in each of these sessions of the enrolment's offer (a whole course), all or none, and
     * only while the offer is as it was read ({@code offerUpdatedAt}), so its set of lessons is the
     * one these ids come from.
     */
    SeatOutcome takeAll(Enrolment enrolment, java.util.List<String> sessionIds, java.time.Instant offerUpdatedAt);
}
