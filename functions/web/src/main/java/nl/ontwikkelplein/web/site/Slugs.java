package nl.ontwikkelplein.web.site;

import java.text.Normalizer;
import java.util.Locale;

/** Readable path segments from labels that editors and imports choose ("Nederlands spreken" → "nederlands-spreken"). */
public final class Slugs {
    /** Long enough for any real label; a hostile one cannot make huge keys. */
    public static final int MAX_LENGTH = 60;

    private Slugs() {}

    /** Lower case a–z, digits and single hyphens; accents dropped ("Taalcafé" → "taalcafe"). Empty when nothing is left. */
    public static String of(String label) {
        if (label == null) return "";
        String plain = Normalizer.normalize(label, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < plain.length() && b.length() < MAX_LENGTH; i++) {
            char c = plain.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) b.append(c);
            else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') b.append('-');
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '-') b.setLength(b.length() - 1);
        return b.toString();
    }
}
