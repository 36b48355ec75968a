package nl.ontwikkelplein.domain;

public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) { super(message); }
}
