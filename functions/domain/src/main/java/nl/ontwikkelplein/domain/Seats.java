package nl.ontwikkelplein.domain;

/** Takes seats atomically: a seat is taken and the enrolment recorded together, or neither. */
public interface Seats {
    SeatOutcome take(Enrolment enrolment);

    /** A seat in each of these sessions of the enrolment's offer (a whole course), all or none. */
    SeatOutcome takeAll(Enrolment enrolment, java.util.List<String> sessionIds);
}
