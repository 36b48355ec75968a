package nl.ontwikkelplein.domain;

import java.util.Optional;

/** Editor tokens by the hash of the token; the token itself is never stored. */
public interface EditorTokens {
    Optional<Editor> findByTokenHash(String tokenHash);

    /** @throws ConflictException (DUPLICATE) when a token with this hash exists */
    void save(String tokenHash, Editor editor);
}
