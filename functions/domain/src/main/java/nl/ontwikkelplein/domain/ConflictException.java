package nl.ontwikkelplein.domain;

/** The request is valid on its own but clashes with the current state (for example seats already taken). */
public final class ConflictException extends RuntimeException {
    public ConflictException(String message) { super(message); }
}
