package nl.ontwikkelplein.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What a handler needs from an API Gateway HTTP API (payload 2.0) event, decoded once. */
final class HttpRequest {
    private final APIGatewayV2HTTPEvent event;
    private final Map<String, String> headers = new LinkedHashMap<>();

    HttpRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
        if (event.getHeaders() != null) {
            // API Gateway lower-cases header names already; do it again for other callers.
            event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        }
    }

    /** The visitor's address, for rate limits ({@link nl.ontwikkelplein.web.ClientAddress}). */
    String clientAddress() {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        return nl.ontwikkelplein.web.ClientAddress.of(headers, http == null ? "" : String.valueOf(http.getSourceIp()));
    }

    String routeKey() { return event.getRouteKey() == null ? "" : event.getRouteKey(); }

    String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }

    String pathParameter(String name) {
        return event.getPathParameters() == null ? null : event.getPathParameters().get(name);
    }

    /** @return the media type without parameters, lower case, or "" */
    String contentType() {
        String value = header("content-type");
        if (value == null) return "";
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    boolean isForm() { return "application/x-www-form-urlencoded".equals(contentType()); }

    boolean isJson() {
        String type = contentType();
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** Whether the caller reads HTML: a browser posting the plain form. */
    boolean wantsHtml() {
        if (isForm()) return true;
        String accept = header("accept");
        return accept != null && accept.contains("text/html") && !isJson();
    }

    /**
     * The body as text, refusing anything over {@code maxBytes}.
     *
     * @throws HttpError 413 when too large, 400 when not UTF-8 text
     */
    String body(int maxBytes) {
        String raw = event.getBody();
        if (raw == null) return "";
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            // A base64 text is 4/3 of its content: check before decoding so a huge body costs nothing.
            if ((long) raw.length() * 3 / 4 > maxBytes) throw HttpError.tooLarge(maxBytes);
            try {
                bytes = Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, "bad_body", "The body is not valid base64.");
            }
        } else {
            if (raw.length() > maxBytes) throw HttpError.tooLarge(maxBytes);
            bytes = raw.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > maxBytes) throw HttpError.tooLarge(maxBytes);
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new HttpError(400, "bad_encoding", "The body must be UTF-8 text.");
        }
    }

    /** A form body as name → first value; repeated names keep the first. */
    static Map<String, String> parseForm(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body.isEmpty()) return out;
        String[] pairs = body.split("&", 50);
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "bad_form", "The form data is not correctly encoded.");
        }
    }
}
