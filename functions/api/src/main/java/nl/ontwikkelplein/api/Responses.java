package nl.ontwikkelplein.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.FieldError;

/** Builds API Gateway responses; every response says it must not be cached or sniffed. */
final class Responses {
    private Responses() {}

    static APIGatewayV2HTTPResponse json(ObjectMapper json, int status, Object body) {
        try {
            return response(status, "application/json; charset=utf-8", json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    /** The same strict policy as the static pages (template.yaml, SiteHeadersPolicy): no scripts, own CSS only. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    static APIGatewayV2HTTPResponse html(int status, String html) {
        APIGatewayV2HTTPResponse r = response(status, "text/html; charset=utf-8", html);
        r.getHeaders().put("content-security-policy", CONTENT_SECURITY_POLICY);
        r.getHeaders().put("referrer-policy", "no-referrer");
        return r;
    }

    /** An HTML page that holds no personal data and may be cached. */
    static APIGatewayV2HTTPResponse html(int status, String html, String cacheControl) {
        APIGatewayV2HTTPResponse r = html(status, html);
        r.getHeaders().put("cache-control", cacheControl);
        return r;
    }

    static APIGatewayV2HTTPResponse text(int status, String contentType, String body, String cacheControl) {
        APIGatewayV2HTTPResponse r = response(status, contentType, body);
        r.getHeaders().put("cache-control", cacheControl);
        return r;
    }

    static APIGatewayV2HTTPResponse error(ObjectMapper json, int status, String code, String message, List<FieldError> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (fields != null && !fields.isEmpty()) body.put("fields", fields);
        return json(json, status, body);
    }

    private static APIGatewayV2HTTPResponse response(int status, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", contentType);
        headers.put("cache-control", "no-store");
        headers.put("x-content-type-options", "nosniff");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body).build();
    }
}
