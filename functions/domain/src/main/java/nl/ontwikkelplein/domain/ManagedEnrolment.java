package nl.ontwikkelplein.domain;

/**
 * An enrolment as its private link shows it.
 *
 * @param position place on the waitlist when waiting; for a stand-in, the place it was given
 * @param phantom  a stand-in for a repeated enrolment: it holds no seat and is on no list
 */
public record ManagedEnrolment(Enrolment enrolment, int position, boolean phantom) {}
