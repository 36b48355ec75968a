package nl.ontwikkelplein.domain;

import java.util.List;

/** Who enrolled, for staff: the list, removal (which frees the seats) and attendance. */
public interface Participants {
    /** The enrolments of one date ({@code sessionId}) or of a whole course ({@code sessionId} null), oldest first. */
    List<Participant> of(String offerId, String sessionId);

    /**
     * Removes one enrolment and gives back its seats in the same transaction: in {@code seatSessionIds}
     * (the date, or the course's lessons it holds a seat in).
     *
     * @param sessionId the enrolment's date, or null for a course enrolment
     * @return false when there was no such enrolment (removed meanwhile): nothing changed
     */
    boolean remove(String offerId, String sessionId, String personKey, List<String> seatSessionIds);

    /**
     * @param sessionId         the enrolment's date, or null for a course enrolment
     * @param attendedSessionId the date the attendance is for (for a course: one lesson)
     * @return false when there is no such enrolment
     */
    boolean setAttendance(String offerId, String sessionId, String personKey, String attendedSessionId, Attendance attendance);
}
