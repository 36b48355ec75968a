package nl.ontwikkelplein.domain;

/** What happened when we tried to take a seat. */
public enum SeatOutcome { TAKEN, FULL, ALREADY_ENROLLED, SESSION_GONE }
