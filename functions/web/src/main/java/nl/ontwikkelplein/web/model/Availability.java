package nl.ontwikkelplein.web.model;

/** Whether people can still come to a session, in words (never by colour alone). */
public record Availability(State state, String label) {
    /** WAITLIST: full, but people can join its waitlist. */
    public enum State { OPEN, WAITLIST, FULL, WALK_IN, CANCELLED }

    /** A CSS modifier, e.g. "op-status--full". */
    public String cssClass() { return "op-status op-status--" + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
}
