package nl.ontwikkelplein.domain;

import java.time.Instant;
import java.util.List;

/**
 * Takes seats atomically: a seat is taken and the enrolment recorded together, or neither. When
 * the session is full, or people are waiting already (no one passes the queue), the enrolment
 * joins the waitlist instead, while it has room.
 *
 * <p>The enrolment given is CONFIRMED; the adapter stores it as WAITLISTED with its ticket when it
 * joins the waitlist. An existing enrolment of the same person that was CANCELLED is replaced.
 */
public interface Seats {
    /**
     * As the offer's policy says: a seat, a place on the waitlist, or (with an intake) a request
     * that holds a seat or none.
     */
    SeatResult enrol(Enrolment enrolment, EnrolmentPolicy policy);

    /**
     * A seat in each of these sessions of the enrolment's offer (a whole course), all or none, and
     * only while the offer is as it was read ({@code offerUpdatedAt}), so its set of lessons is the
     * one these ids come from.
     */
    SeatResult enrolAll(Enrolment enrolment, List<String> sessionIds, Instant offerUpdatedAt, EnrolmentPolicy policy);

    /** @param waitlistLimit people who may wait: null for no maximum, 0 for no waitlist */
    default SeatResult take(Enrolment enrolment, Integer waitlistLimit) {
        return enrol(enrolment, new EnrolmentPolicy(waitlistLimit));
    }

    default SeatResult takeAll(Enrolment enrolment, List<String> sessionIds, Instant offerUpdatedAt, Integer waitlistLimit) {
        return enrolAll(enrolment, sessionIds, offerUpdatedAt, new EnrolmentPolicy(waitlistLimit));
    }
}
