package nl.ontwikkelplein.domain;

/** Stored names of enum values, read back by every storage adapter the same way. */
public final class Enums {
    private Enums() {}

    /** The value of that name; null for none, and for a name of an older or newer version (show the record without it rather than fail the page). */
    public static <E extends Enum<E>> E valueOrNull(Class<E> type, String value) {
        if (value == null) return null;
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
