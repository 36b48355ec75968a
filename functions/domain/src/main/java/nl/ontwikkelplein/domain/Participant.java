package nl.ontwikkelplein.domain;

import java.util.Map;

/**
 * An enrolment as staff see it in a participant list, with attendance per date (for a course: per
 * lesson, keyed by session id).
 */
public record Participant(Enrolment enrolment, Map<String, Attendance> attendance) {
    public Participant {
        attendance = attendance == null ? Map.of() : Map.copyOf(attendance);
    }

    public Attendance attendanceAt(String sessionId) { return attendance.get(sessionId); }
}
