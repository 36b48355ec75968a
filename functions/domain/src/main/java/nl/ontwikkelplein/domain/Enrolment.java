package nl.ontwikkelplein.domain;

import java.time.Instant;

/**
 * A person's place in a session, or on its waitlist. Holds the only personal data in the system
 * (name, phone), which is deleted at {@code expiresAt}.
 *
 * @param sessionId  the session, or {@code null} for an enrolment in a whole course
 * @param personKey  stable per person and session (or course), so one person holds at most one place
 * @param ticket     order of arrival on the waitlist (lower waits longer); 0 for who got a seat at once
 * @param manageHash hash of the secret in the person's private link; null for enrolments made before links existed
 * @param email      where messages go, when the person gave an address; may be null (a phone number is enough)
 * @param textMessages the person agreed to get text messages (SMS) on their phone
 * @param referral   who enrolled the person on their behalf, with their consent; null when they enrolled themselves
 */
public record Enrolment(
        String offerId,
        String sessionId,
        String personKey,
        String name,
        String phone,
        EnrolmentStatus status,
        Instant createdAt,
        Instant expiresAt,
        long ticket,
        String manageHash,
        String email,
        boolean textMessages,
        Referral referral) {

    /**
     * A warm referral: a professional enrolled their client.
     *
     * @param consentNote what the professional explained, in their words; the client agreed to it
     */
    public record Referral(String referrerId, String referrerName, String consentNote) {}

    public Enrolment(String offerId, String sessionId, String personKey, String name, String phone, EnrolmentStatus status,
                     Instant createdAt, Instant expiresAt, long ticket, String manageHash, String email, boolean textMessages) {
        this(offerId, sessionId, personKey, name, phone, status, createdAt, expiresAt, ticket, manageHash, email, textMessages, null);
    }

    /**
     * REQUESTED: asked for a place in an offer with an intake; staff accept (CONFIRMED) or
     * decline (CANCELLED) after the intake call. It holds a seat meanwhile unless its ticket is
     * {@link #NO_SEAT}.
     */
    public enum EnrolmentStatus {
        CONFIRMED, WAITLISTED, REQUESTED, CANCELLED;

        /** Holds a seat (CONFIRMED), a place in the queue (WAITLISTED) or a request (REQUESTED). */
        public boolean isActive() { return this != CANCELLED; }
    }

    /** The ticket of a request that waits for its intake without holding a seat. */
    public static final long NO_SEAT = -1;

    /** Counts in the seats taken: confirmed, or a request that keeps its seat. */
    public boolean holdsSeat() {
        return status == EnrolmentStatus.CONFIRMED || (status == EnrolmentStatus.REQUESTED && ticket != NO_SEAT);
    }

    /** Without an email address or consent to text messages: staff phone them. */
    public Enrolment(String offerId, String sessionId, String personKey, String name, String phone, EnrolmentStatus status,
                     Instant createdAt, Instant expiresAt, long ticket, String manageHash) {
        this(offerId, sessionId, personKey, name, phone, status, createdAt, expiresAt, ticket, manageHash, null, false, null);
    }

    /** A confirmed enrolment without a private link. */
    public Enrolment(String offerId, String sessionId, String personKey, String name, String phone, EnrolmentStatus status,
                     Instant createdAt, Instant expiresAt) {
        this(offerId, sessionId, personKey, name, phone, status, createdAt, expiresAt, 0, null);
    }

    public Enrolment withStatus(EnrolmentStatus newStatus) {
        return new Enrolment(offerId, sessionId, personKey, name, phone, newStatus, createdAt, expiresAt, ticket, manageHash, email, textMessages, referral);
    }

    public Enrolment withTicket(long newTicket) {
        return new Enrolment(offerId, sessionId, personKey, name, phone, status, createdAt, expiresAt, newTicket, manageHash, email, textMessages, referral);
    }

    /** How messages reach the person: email when they gave one, else SMS when they agreed, else staff phone them. */
    public Channel channel() {
        if (email != null) return Channel.EMAIL;
        return textMessages ? Channel.SMS : Channel.CALL;
    }

    public enum Channel { EMAIL, SMS, CALL }

    /** The date of a scope key ({@code SESSION#{offerId}#{sessionId}}), or null for a course ({@code COURSE#{offerId}}); ids never hold '#'. */
    public static String sessionIdOf(String scopeKey) {
        return scopeKey.startsWith("COURSE#") ? null : scopeKey.substring(scopeKey.lastIndexOf('#') + 1);
    }

    /** The partition of enrolments this one belongs to: one date, or a whole course. */
    public String scopeKey() {
        return sessionId == null ? "COURSE#" + offerId : "SESSION#" + offerId + "#" + sessionId;
    }
}
