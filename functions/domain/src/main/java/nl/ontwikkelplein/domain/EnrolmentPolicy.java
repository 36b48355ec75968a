package nl.ontwikkelplein.domain;

/**
 * How an offer takes enrolments beyond its seats.
 *
 * @param waitlistLimit  how many people may wait when it is full: {@code null} for no maximum (the
 *                       default: a waitlist is on unless an editor switches it off), 0 for no
 *                       waitlist at all (a full date is simply full)
 * @param intake         enrolling is a request: staff accept or decline it after an intake call
 *                       (Digisterker, a Taalhuis route)
 * @param requestHoldsSeat a request keeps a seat free while it waits for its intake; without, a
 *                       request takes no seat until it is accepted
 */
public record EnrolmentPolicy(Integer waitlistLimit, boolean intake, boolean requestHoldsSeat) {
    public static final EnrolmentPolicy DEFAULT = new EnrolmentPolicy(null);
    public static final int MAX_WAITLIST = 1000;

    public EnrolmentPolicy {
        if (waitlistLimit != null && (waitlistLimit < 0 || waitlistLimit > MAX_WAITLIST))
            throw new IllegalArgumentException("waitlistLimit must be 0.." + MAX_WAITLIST + " or null");
        if (!intake) requestHoldsSeat = false;
    }

    /** Without an intake. */
    public EnrolmentPolicy(Integer waitlistLimit) {
        this(waitlistLimit, false, false);
    }

    public boolean hasWaitlist() { return waitlistLimit == null || waitlistLimit > 0; }

    /** Requests that wait for their intake without a seat. */
    public boolean requestsWithoutSeat() { return intake && !requestHoldsSeat; }
}
