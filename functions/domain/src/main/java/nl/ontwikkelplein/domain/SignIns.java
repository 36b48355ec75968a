package nl.ontwikkelplein.domain;

import java.time.Instant;
import java.util.Optional;

/** Sign-in links and sessions, by the hash of their secret; expired items are deleted by the store (TTL). */
public interface SignIns {
    void saveLink(SignInLink link);

    Optional<SignInLink> link(String tokenHash);

    /**
     * Uses a link up: deletes it if it still exists and has not expired at {@code now}, atomically,
     * so two clicks cannot both sign in.
     *
     * @return the link when this call used it; empty when it was used, expired or never existed
     */
    Optional<SignInLink> useLink(String tokenHash, Instant now);

    void saveSession(StaffSession session);

    Optional<StaffSession> session(String tokenHash);

    /** Moves a session's last use and expiry; no effect on a session that was ended. */
    void touchSession(String tokenHash, Instant lastSeenAt, Instant expiresAt);

    void endSession(String tokenHash);

    /** Ends every session of one staff member (their access was revoked). */
    void endSessionsOf(String staffId);
}
