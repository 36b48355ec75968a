package nl.ontwikkelplein.domain;

/** Takes seats atomically: a seat is taken and the enrolment recorded together, or neither. */
public interface Seats {
    SeatOutcome take(Enrolment enrolment);
}
