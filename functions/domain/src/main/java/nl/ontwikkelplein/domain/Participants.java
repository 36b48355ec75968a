package nl.ontwikkelplein.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who enrolled and who waits: the staff list, attendance, the private link, cancellation (which
 * gives the seat or queue place back in the same transaction) and promotion from the waitlist.
 *
 * <p>{@code sessionId} is the enrolment's date, or null for an enrolment in a whole course;
 * {@code seatSessionIds} are the sessions it holds a seat in (the date, or the course's lessons).
 */
public interface Participants {
    /** Everyone of one date or course: confirmed, waiting and cancelled; oldest first. */
    List<Participant> of(String offerId, String sessionId);

    Optional<Enrolment> find(String offerId, String sessionId, String personKey);

    /** The enrolments this professional made for their clients, newest first. */
    List<Participant> referredBy(String referrerId, int limit);

    /**
     * @param attendedSessionId the date the attendance is for (for a course: one lesson)
     * @return false when there is no such enrolment
     */
    boolean setAttendance(String offerId, String sessionId, String personKey, String attendedSessionId, Attendance attendance);

    /** The enrolment, or the stand-in made for a repeated enrolment, whose private link has this hash. */
    Optional<ManagedEnrolment> byManageHash(String manageHash);

    /**
     * One more private link to this enrolment (each message carries a fresh one, as only hashes
     * are kept). It opens the enrolment only while the enrolment is this one ({@code createdAt}).
     */
    void addLink(Enrolment enrolment, String manageHash);

    /** 1 for the next in line; 0 when the enrolment is not waiting. */
    int position(Enrolment enrolment);

    /** The people waiting, longest first, at most {@code limit}. */
    List<Enrolment> waiting(String offerId, String sessionId, int limit);

    /**
     * Cancels an active enrolment: a CONFIRMED one gives its seats back, a WAITLISTED one leaves the
     * queue, in the same transaction as the status change.
     *
     * @return the status it had, or empty when there was no active enrolment (cancelled meanwhile): nothing changed
     */
    Optional<Enrolment.EnrolmentStatus> cancel(String offerId, String sessionId, String personKey, List<String> seatSessionIds, Instant now);

    /** Deletes the enrolment and its personal data, giving back its seat or queue place if it was active. */
    boolean erase(String offerId, String sessionId, String personKey, List<String> seatSessionIds);

    /**
     * Moves a waiting person to a seat in each of {@code seatSessionIds}, in one transaction: only
     * while they are still waiting, and only while every session has a seat left (and, for a
     * course, while the offer is as read at {@code offerUpdatedAt}).
     */
    default Promotion promote(Enrolment waiting, List<String> seatSessionIds, Instant offerUpdatedAt, Instant now) {
        return promote(waiting, seatSessionIds, offerUpdatedAt, Enrolment.EnrolmentStatus.CONFIRMED, now);
    }

    /** @param to CONFIRMED, or REQUESTED for an offer whose requests hold a seat until their intake */
    Promotion promote(Enrolment waiting, List<String> seatSessionIds, Instant offerUpdatedAt, Enrolment.EnrolmentStatus to, Instant now);

    /**
     * Staff accept a request after its intake: REQUESTED → CONFIRMED, taking a seat in the same
     * transaction when the request held none. PROMOTED: accepted; NO_SEAT: full; NOT_WAITING: it
     * was no request (any more).
     */
    Promotion accept(String offerId, String sessionId, String personKey, List<String> seatSessionIds, Instant now);

    enum Promotion { PROMOTED, NO_SEAT, NOT_WAITING }

    /**
     * When the personal data of a date's (or course's) enrolments is deleted, for every one of
     * them and the stand-ins of repeated enrolments: the date moved.
     *
     * @return how many enrolments now expire at {@code expiresAt}
     */
    int moveExpiry(String offerId, String sessionId, Instant expiresAt);

    /**
     * Keeps the answer given to a repeated enrolment: a stand-in that looks like a new enrolment
     * from outside and takes no seat (see {@link EnrolmentService}).
     */
    void savePhantom(ManagedEnrolment phantom);

    /** Cancels or deletes a stand-in; false when there is none. */
    boolean cancelPhantom(String manageHash);

    boolean erasePhantom(String manageHash);
}
