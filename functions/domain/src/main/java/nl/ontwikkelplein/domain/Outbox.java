package nl.ontwikkelplein.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Messages to participants, written before they are sent: a stream of this store feeds the
 * sender, which claims each message once (so nothing is sent twice), and what could not be sent
 * stays visible to staff.
 */
public interface Outbox {
    /** @return false when a message with this key exists already: the event was seen before */
    boolean add(Message message);

    Optional<Message> find(String organisationId, String key);

    /** PENDING → SENDING with one more attempt; false when another sender has it, or it is done. */
    boolean claim(String organisationId, String key, Instant now);

    /**
     * After an attempt: SENT, CALL (only a phone call reaches them), PENDING (try again) or FAILED.
     *
     * @param error an error type when it failed; never content
     */
    void settle(String organisationId, String key, Message.Status status, Enrolment.Channel channel, String error, Instant now);

    /** The organisation's messages that need staff: to phone (CALL), phoned (CALLED), or FAILED; newest first. */
    List<Message> forStaff(String organisationId, int limit);

    /** CALL or FAILED → CALLED (staff phoned them); false when it was not on the call list (ticked by a colleague, or gone). */
    boolean markCalled(String organisationId, String key, String by, Instant now);
}
