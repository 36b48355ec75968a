package nl.ontwikkelplein.domain;

import java.util.Locale;

/**
 * What taking part costs, in euro cents; zero means free. A partner's feed may not say: then the
 * price is {@link #UNKNOWN} (stored as -1 cents), which is neither free nor paid.
 */
public record Price(long cents) {
    public static final Price FREE = new Price(0);
    public static final Price UNKNOWN = new Price(-1);

    public Price {
        if (cents < -1) throw new IllegalArgumentException("price must not be negative");
    }

    public boolean isKnown() { return cents >= 0; }

    public boolean isFree() { return cents == 0; }

    /** Dutch notation: "Gratis", "€ 12,50", or where to ask when it is not known. */
    public String label() {
        if (!isKnown()) return "Vraag het aan de aanbieder";
        if (isFree()) return "Gratis";
        return String.format(Locale.ROOT, "€ %d,%02d", cents / 100, cents % 100);
    }
}
