package nl.ontwikkelplein.domain;

import java.util.List;
import java.util.Optional;

/** API tokens by the hash of the token; the token itself is never stored. */
public interface EditorTokens {
    Optional<Editor> findByTokenHash(String tokenHash);

    /** @throws ConflictException (DUPLICATE) when a token with this hash exists */
    void save(String tokenHash, Editor editor);

    /** A stored token as admins see it: its public id ({@link EditorAuth#tokenId}) and holder. */
    record StoredToken(String tokenId, Editor editor) {}

    /** Every token, newest first. */
    List<StoredToken> all();

    /** Deletes the token with this public id; it stops working at once. @return false when there was none */
    boolean revoke(String tokenId);
}
