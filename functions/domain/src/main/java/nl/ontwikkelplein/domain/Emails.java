package nl.ontwikkelplein.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Email addresses as staff type them: trimmed, lower-cased, checked for a plausible shape. */
public final class Emails {
    /** Local part, one @, a domain with a dot; no spaces, quotes or angle brackets (header injection). */
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");

    private Emails() {}

    /** @return the address in the form it is stored and compared in, or empty when it is not one */
    public static Optional<String> normalise(String typed) {
        if (typed == null) return Optional.empty();
        String value = typed.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) return Optional.empty();
        return Optional.of(value);
    }
}
