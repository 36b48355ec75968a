package nl.ontwikkelplein.domain;

/**
 * How an offer takes enrolments beyond its seats.
 *
 * @param waitlistLimit how many people may wait when it is full: {@code null} for no maximum (the
 *                      default: a waitlist is on unless an editor switches it off), 0 for no
 *                      waitlist at all (a full date is simply full)
 */
public record EnrolmentPolicy(Integer waitlistLimit) {
    public static final EnrolmentPolicy DEFAULT = new EnrolmentPolicy(null);
    public static final int MAX_WAITLIST = 1000;

    public EnrolmentPolicy {
        if (waitlistLimit != null && (waitlistLimit < 0 || waitlistLimit > MAX_WAITLIST))
            throw new IllegalArgumentException("waitlistLimit must be 0.." + MAX_WAITLIST + " or null");
    }

    public boolean hasWaitlist() { return waitlistLimit == null || waitlistLimit > 0; }
}
