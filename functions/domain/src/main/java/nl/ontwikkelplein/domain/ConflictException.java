package nl.ontwikkelplein.domain;

import java.time.LocalDateTime;

/**
 * The request is valid on its own but clashes with the current state (for example seats already
 * taken). Storage adapters report which rule broke as a {@link Reason}; the words an editor reads
 * are chosen here, once, so every adapter says the same.
 */
public final class ConflictException extends RuntimeException {
    /** Which rule the change broke. */
    public enum Reason {
        /** An offer with this id exists already. */
        OFFER_EXISTS,
        /** The offer was removed after it was read. */
        OFFER_GONE,
        /** Someone enrolled in the course while a lesson was being added. */
        ENROLLED_MEANWHILE,
        /** A session would get fewer seats than people hold in it. */
        SEATS_BELOW_TAKEN,
        /** A session that people enrolled in would be removed. */
        SESSION_HAS_ENROLMENTS,
        /** The offer changed after it was read, or holds enrolments (for a removal). */
        CHANGED_MEANWHILE,
        /** More session changes than one atomic write can take. */
        TOO_MANY_CHANGES,
        /** A rule of the domain itself (see the message). */
        RULE,
        /** A key that must be unique is taken (an editor token hash, for instance). */
        DUPLICATE
    }

    private final Reason reason;

    public ConflictException(String message) {
        this(Reason.RULE, message);
    }

    private ConflictException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() { return reason; }

    /**
     * @param sessionStart the session concerned, for SEATS_BELOW_TAKEN and SESSION_HAS_ENROLMENTS
     * @param id           the offer (or key) concerned, for OFFER_EXISTS and DUPLICATE
     */
    public static ConflictException of(Reason reason, String id, LocalDateTime sessionStart) {
        String when = sessionStart == null ? "" : " van " + sessionStart;
        return new ConflictException(reason, switch (reason) {
            case OFFER_EXISTS -> "Offer " + id + " already exists.";
            case OFFER_GONE -> "Het aanbod is intussen verwijderd.";
            case ENROLLED_MEANWHILE -> "Er heeft zich net iemand aangemeld voor deze cursus. Sla uw wijziging nog een keer op.";
            case SEATS_BELOW_TAKEN -> "Bij de bijeenkomst" + when + " zijn al meer mensen aangemeld dan het nieuwe aantal plaatsen.";
            case SESSION_HAS_ENROLMENTS -> "Bij de bijeenkomst" + when + " zijn mensen aangemeld. Zeg die bijeenkomst af in plaats van haar te verwijderen.";
            case CHANGED_MEANWHILE -> "Het aanbod is intussen door iemand anders gewijzigd. Probeer het opnieuw.";
            case TOO_MANY_CHANGES -> "Too many session changes at once; remove past sessions in a separate update.";
            case RULE -> "The change breaks a rule.";
            case DUPLICATE -> "The key " + id + " is taken.";
        });
    }

    public static ConflictException of(Reason reason) {
        return of(reason, null, null);
    }
}
