package nl.ontwikkelplein.domain;

import java.time.Instant;

/**
 * One message to one participant about one event, in the outbox until it is sent (or, for people
 * who can only be phoned, until staff called them). It holds no name or number: the sender reads
 * those from the enrolment when it sends, so an erased enrolment takes its messages' recipient
 * along.
 *
 * @param key        the idempotency key: the same event always makes the same key, so an event
 *                   seen twice (a redelivered stream record, a retried request) makes one message
 * @param generation the enrolment's {@code createdAt}: a message is for this enrolment, not for a
 *                   later one of the same person
 * @param note       what changed, in words for the person ("nieuwe tijd: 14.00 uur"); may be null
 * @param channel    set when the sender handled it: EMAIL, SMS, or CALL (staff phone)
 * @param error      why the last attempt failed (an error type, never content); may be null
 * @param handledBy  who ticked "called" on the call list; may be null
 */
public record Message(String organisationId, String key, Kind kind, String offerId, String sessionId, String scopeKey, String personKey,
                      Instant generation, String note, Status status, Enrolment.Channel channel, int attempts, String error, String handledBy,
                      Instant createdAt, Instant updatedAt, Instant expiresAt) {

    public enum Kind { CONFIRMED, WAITLISTED, REQUESTED, PROMOTED, CANCELLED, REMINDER, CHANGED, CALLED_OFF }

    /**
     * PENDING: to be sent. SENDING: claimed by a sender (once). SENT. FAILED: gave up after the
     * last attempt (staff see it). CALL: only a phone call reaches this person (the call list).
     * CALLED: staff phoned them. SKIPPED: nothing to send (the enrolment is gone, or the person
     * can only be phoned and this event needs no call).
     */
    public enum Status { PENDING, SENDING, SENT, FAILED, CALL, CALLED, SKIPPED }

    /** What is worth a phone call to someone without email or text messages: their place, or their date, changed. */
    public boolean worthACall() {
        return kind == Kind.PROMOTED || kind == Kind.CHANGED || kind == Kind.CALLED_OFF;
    }

    /** Attempts before a message counts as failed. */
    public static final int MAX_ATTEMPTS = 5;

    /** A new message about an event, for the outbox; it is about the enrolment's own date (a course: its first lesson). */
    public static Message of(String organisationId, Kind kind, Enrolment e, String discriminator, String note, Instant now) {
        return of(organisationId, kind, e, e.sessionId(), discriminator, note, now);
    }

    /** @param sessionId the date the message is about: for a course enrolment, one of its lessons */
    public static Message of(String organisationId, Kind kind, Enrolment e, String sessionId, String discriminator, String note, Instant now) {
        String key = Ids.sha256Hex(kind + "|" + e.scopeKey() + "|" + e.personKey() + "|" + e.createdAt() + "|" + discriminator).substring(0, 40);
        return new Message(organisationId, key, kind, e.offerId(), sessionId, e.scopeKey(), e.personKey(), e.createdAt(), note,
                Status.PENDING, null, 0, null, null, now, now, e.expiresAt());
    }

    /** The session id of the enrolment this message is for: null for a course enrolment ({@code COURSE#…}). */
    public String enrolmentSessionId() {
        return Enrolment.sessionIdOf(scopeKey);
    }
}
