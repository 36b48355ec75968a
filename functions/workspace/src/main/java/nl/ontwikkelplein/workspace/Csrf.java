package nl.ontwikkelplein.workspace;

import nl.ontwikkelplein.domain.Ids;
import nl.ontwikkelplein.domain.Secrets;

/**
 * The CSRF token of a form: derived from this browser's cookie secret (the session's once signed
 * in, the sign-in nonce's before), never stored, and not derivable from the stored hashes of those
 * secrets. Checked together with the Origin header ({@link SiteOrigin#sameOrigin}) on every POST.
 */
final class Csrf {
    private Csrf() {}

    static String token(String cookieSecret) {
        return Ids.sha256Hex("csrf\u001f" + cookieSecret).substring(0, 40);
    }

    static boolean valid(String cookieSecret, String submitted) {
        return Secrets.looksLikeSecret(cookieSecret) && submitted != null && Secrets.sameHash(token(cookieSecret), submitted);
    }
}
