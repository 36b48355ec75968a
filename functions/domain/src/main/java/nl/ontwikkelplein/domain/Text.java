package nl.ontwikkelplein.domain;

/** Small text rules shared by the domain records. */
final class Text {
    private Text() {}

    static String require(String value, String field) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + " is required");
        return value;
    }
}
