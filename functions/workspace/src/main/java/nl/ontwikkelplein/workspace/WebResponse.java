package nl.ontwikkelplein.workspace;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workspace answers. Every one is {@code Cache-Control: no-store} (personal data, per-person
 * pages), framed by nobody, sends a referrer only to this site (a sign-in link's code must not
 * leak to other sites; "no-referrer" would also make browsers send {@code Origin: null} on form
 * posts, which the Origin check refuses), and allows only this origin's styles and forms.
 */
final class WebResponse {
    static final String SESSION_COOKIE = "__Host-op-sessie";
    static final String NONCE_COOKIE = "__Host-op-aanvraag";

    private WebResponse() {}

    static APIGatewayV2HTTPResponse html(int status, String body, List<String> cookies) {
        Map<String, String> headers = headers();
        headers.put("Content-Type", "text/html; charset=utf-8");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body)
                .withCookies(cookies.isEmpty() ? null : cookies).build();
    }

    static APIGatewayV2HTTPResponse html(int status, String body) {
        return html(status, body, List.of());
    }

    /** POST, then redirect: 303 so the browser GETs the next page. */
    static APIGatewayV2HTTPResponse seeOther(String location, List<String> cookies) {
        Map<String, String> headers = headers();
        headers.put("Location", location);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(303).withHeaders(headers).withBody("")
                .withCookies(cookies.isEmpty() ? null : new ArrayList<>(cookies)).build();
    }

    static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store");
        headers.put("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "same-origin");
        return headers;
    }

    /** A {@code __Host-} cookie: Secure, whole site, no Domain; HttpOnly and SameSite=Lax. */
    static String cookie(String name, String value, long maxAgeSeconds) {
        return name + "=" + value + "; Path=/; Secure; HttpOnly; SameSite=Lax" + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "");
    }

    static String expired(String name) {
        return name + "=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0";
    }
}
