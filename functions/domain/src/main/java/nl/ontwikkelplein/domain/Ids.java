package nl.ontwikkelplein.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Identifiers are readable slugs: lower-case letters, digits and dashes. They appear in page
 * URLs and DynamoDB keys, so they must never contain '#', '/' or anything a URL must escape.
 */
public final class Ids {
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private Ids() {}

    public static boolean isValid(String id) {
        return id != null && id.length() <= 80 && VALID.matcher(id).matches();
    }

    public static String requireValid(String id) {
        if (!isValid(id)) throw new IllegalArgumentException("invalid id: " + id);
        return id;
    }

    /** "Klik & Tik: de basis" becomes "klik-tik-de-basis". */
    public static String slug(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (ascii.length() > 48) ascii = ascii.substring(0, 48).replaceAll("-+$", "");
        return ascii.isEmpty() ? "x" : ascii;
    }

    /** A new id for editor-made things: slug plus a random suffix, so titles may repeat. */
    public static String newId(String text) {
        // Computed per request, never during class init, so SnapStart snapshots hold no ids.
        return slug(text) + "-" + randomSuffix(6);
    }

    /** A stable id from parts, for imports: the same input always gives the same id. */
    public static String derived(String prefix, String... parts) {
        return slug(prefix) + "-" + sha256Hex(String.join("\u001f", parts)).substring(0, 16);
    }

    public static String randomSuffix(int length) {
        // A new generator per call: one created during Lambda init would be frozen into the SnapStart snapshot.
        SecureRandom random = new SecureRandom();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        return new String(out);
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
