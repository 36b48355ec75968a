package nl.ontwikkelplein.domain;

/**
 * What happened when we tried to take a seat. WAITLISTED: full (or people were waiting already),
 * so the person joined the waitlist. FULL: full and no room on the waitlist. OFFER_CHANGED: a
 * course was edited (a lesson added, moved or called off) after it was read; read it again and
 * retry.
 */
public enum SeatOutcome { TAKEN, WAITLISTED, FULL, ALREADY_ENROLLED, SESSION_GONE, OFFER_CHANGED,
    /** An offer with an intake: the request is in (holding a seat or not, as the offer says). */
    REQUESTED }
