package nl.ontwikkelplein.domain;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets for links, sessions and tokens, and how they are compared and stored. */
public final class Secrets {
    private Secrets() {}

    /** 256 random bits, URL-safe. A new generator per call: never one frozen in a SnapStart snapshot. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored instead of the secret. */
    public static String hash(String secret) {
        return Ids.sha256Hex(secret);
    }

    /** A secret as a browser sends it back: the length and alphabet {@link #newSecret} makes. */
    public static boolean looksLikeSecret(String value) {
        return value != null && value.length() == 43 && value.chars().allMatch(c -> c == '-' || c == '_'
                || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
    }

    public static boolean sameHash(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.US_ASCII), b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
