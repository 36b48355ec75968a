package nl.ontwikkelplein.domain;

/**
 * @param position the place on the waitlist (1 is next) when WAITLISTED, else 0
 */
public record SeatResult(SeatOutcome outcome, int position) {
    public static SeatResult of(SeatOutcome outcome) { return new SeatResult(outcome, 0); }
}
