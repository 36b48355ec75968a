package nl.ontwikkelplein.store.sqlite;

/** The database itself failed (not a rule of the domain): a disk, lock or schema problem. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
