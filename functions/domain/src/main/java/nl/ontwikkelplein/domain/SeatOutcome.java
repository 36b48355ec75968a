package nl.ontwikkelplein.domain;

/**
 * What happened when we tried to take a seat. OFFER_CHANGED: a course was edited (a lesson added,
 * moved or called off) after it was read; read it again and retry.
 */
public enum SeatOutcome { TAKEN, FULL, ALREADY_ENROLLED, SESSION_GONE, OFFER_CHANGED }
