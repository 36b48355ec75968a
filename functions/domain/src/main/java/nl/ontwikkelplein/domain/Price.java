package nl.ontwikkelplein.domain;

import java.util.Locale;

/** What taking part costs, in euro cents; zero means free. */
public record Price(long cents) {
    public static final Price FREE = new Price(0);

    public Price {
        if (cents < 0) throw new IllegalArgumentException("price must not be negative");
    }

    public boolean isFree() { return cents == 0; }

    /** Dutch notation: "Gratis" or "€ 12,50". */
    public String label() {
        if (isFree()) return "Gratis";
        return String.format(Locale.ROOT, "€ %d,%02d", cents / 100, cents % 100);
    }
}
