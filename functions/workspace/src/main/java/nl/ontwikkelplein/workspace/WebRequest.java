package nl.ontwikkelplein.workspace;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A workspace request (API Gateway HTTP API, payload 2.0): method, path, query, cookies and form, decoded once. */
final class WebRequest {
    /** Forms are small; anything larger is refused before it is read. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_FIELDS = 400;

    private final APIGatewayV2HTTPEvent event;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private Map<String, List<String>> form;
    /** Who is signed in, once looked up (WorkspaceHandler.signedIn); null before that. */
    java.util.Optional<nl.ontwikkelplein.domain.Actor> actor;

    WebRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
        if (event.getHeaders() != null) event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        if (event.getCookies() != null) {
            for (String cookie : event.getCookies()) {
                int eq = cookie.indexOf('=');
                if (eq > 0) cookies.putIfAbsent(cookie.substring(0, eq).strip(), cookie.substring(eq + 1).strip());
            }
        }
    }

    String method() {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        return http == null || http.getMethod() == null ? "GET" : http.getMethod().toUpperCase(Locale.ROOT);
    }

    /** The path without a trailing slash ("/beheer" for "/beheer/"). */
    String path() {
        String path = event.getRawPath() == null ? "/" : event.getRawPath();
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }

    String cookie(String name) { return cookies.get(name); }

    /** The visitor's address (CloudFront's viewer address, else the connecting one): for rate limits only, never stored as such. */
    String clientAddress() {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        return nl.ontwikkelplein.web.ClientAddress.of(headers, http == null ? "" : String.valueOf(http.getSourceIp()));
    }

    /** A query parameter (API Gateway joins repeated ones with commas), or "". */
    String query(String name) {
        Map<String, String> q = event.getQueryStringParameters();
        String value = q == null ? null : q.get(name);
        return value == null ? "" : value;
    }

    /** The first value of a form field, or "" ({@link BadRequest} when the body is not a readable form). */
    String field(String name) {
        List<String> values = form().get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    List<String> fields(String name) {
        return form().getOrDefault(name, List.of());
    }

    private Map<String, List<String>> form() {
        if (form != null) return form;
        String type = header("content-type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
            throw new BadRequest(415, "Het formulier is niet goed verstuurd. Laad de pagina opnieuw en probeer het nog eens.");
        form = parseForm(body());
        return form;
    }

    private String body() {
        String raw = event.getBody();
        if (raw == null) return "";
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            if ((long) raw.length() * 3 / 4 > MAX_BODY_BYTES) throw tooLarge();
            try {
                bytes = Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, "Het formulier is niet goed verstuurd. Probeer het nog eens.");
            }
        } else {
            if (raw.length() > MAX_BODY_BYTES) throw tooLarge();
            bytes = raw.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) throw tooLarge();
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequest(400, "Het formulier bevat tekens die wij niet kunnen lezen. Typ de tekst opnieuw.");
        }
    }

    private static BadRequest tooLarge() {
        return new BadRequest(413, "Het formulier is te groot. Maak de teksten korter en probeer het opnieuw.");
    }

    static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (body.isEmpty()) return out;
        String[] pairs = body.split("&", MAX_FIELDS + 1);
        if (pairs.length > MAX_FIELDS) throw new BadRequest(413, "Het formulier heeft te veel velden.");
        for (String pair : pairs) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "Het formulier is niet goed verstuurd. Probeer het nog eens.");
        }
    }

    /** The request cannot be read: answered with a Dutch message page and this status. */
    static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
