package nl.ontwikkelplein.domain;

import java.time.Clock;
import java.util.Optional;

/** Bearer tokens for editors: issued once, stored as SHA-256 hashes, checked on every request. */
public final class EditorAuth {
    private static final String PREFIX = "op_";

    private final EditorTokens tokens;
    private final Clock clock;

    public EditorAuth(EditorTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Creates a token, stores its hash and returns the token: the only time it is visible. */
    public String issue(Editor editor) {
        String token = PREFIX + Secrets.newSecret(); // per call, never from a SnapStart snapshot
        tokens.save(hash(token), editor);
        return token;
    }

    /** @param authorization the HTTP Authorization header, may be null */
    public Optional<Editor> authenticate(String authorization) {
        return token(authorization).flatMap(this::holder);
    }

    /** The token of a well-formed {@code Bearer op_...} header. */
    private static Optional<String> token(String authorization) {
        if (authorization == null || authorization.length() > 200) return Optional.empty();
        String value = authorization.strip();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        String token = value.substring(7).strip();
        if (!token.startsWith(PREFIX) || token.length() < 20) return Optional.empty();
        return Optional.of(token);
    }

    private Optional<Editor> holder(String token) {
        return tokens.findByTokenHash(hash(token)).filter(e -> e.expiresAt() == null || e.expiresAt().isAfter(clock.instant()));
    }

    static String hash(String token) {
        return Ids.sha256Hex(token);
    }

    /** A token's public id: the start of its hash, shown to admins and in the audit trail. */
    public static String tokenId(String tokenHash) {
        return tokenHash.substring(0, 16);
    }

    /** The actor behind an Authorization header, for permission checks and the audit trail. */
    public Optional<Actor> actor(String authorization) {
        return token(authorization).flatMap(token -> holder(token).map(e -> Actor.of(e, tokenId(hash(token)))));
    }
}
