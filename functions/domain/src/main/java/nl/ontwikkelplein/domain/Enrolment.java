package nl.ontwikkelplein.domain;

import java.time.Instant;

/**
 * A person's place in a session. Holds the only personal data in the system (name, phone),
 * which is deleted at {@code expiresAt}.
 *
 * @param sessionId the session, or {@code null} for an enrolment in a whole course
 * @param personKey stable per person and session (or course), so one person holds at most one place
 */
public record Enrolment(
        String offerId,
        String sessionId,
        String personKey,
        String name,
        String phone,
        EnrolmentStatus status,
        Instant createdAt,
        Instant expiresAt) {

    public enum EnrolmentStatus { CONFIRMED, WAITLISTED, CANCELLED }
}
