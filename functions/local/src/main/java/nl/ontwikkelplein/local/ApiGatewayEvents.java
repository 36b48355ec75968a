package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the API Gateway HTTP API event, payload format 2.0, from a request, field by field as
 * API Gateway fills it: header names lower-cased and repeated headers joined with commas; the
 * Cookie headers moved to {@code cookies}; {@code rawPath} percent-decoded (HTTP APIs decode the
 * path) while {@code rawQueryString} stays as sent; repeated query parameters joined with commas;
 * text bodies as plain strings, anything else base64 with {@code isBase64Encoded: true}.
 */
final class ApiGatewayEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ApiGatewayEvents() {
    }

    static String build(FrontRequest request, ApiRoutes.Match match, String requestId, Instant now, int port) {
        ObjectNode event = JSON.createObjectNode();
        String path = PercentCoding.decode(request.rawPath());
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", path);
        event.put("rawQueryString", request.rawQuery());

        List<String> cookies = new ArrayList<>();
        ObjectNode headers = event.putObject("headers");
        request.headers().forEach((name, values) -> {
            if (name.equals("cookie")) {
                values.forEach(value -> cookies.addAll(splitCookies(value)));
            } else {
                headers.put(name, String.join(",", values));
            }
        });
        // Added by API Gateway (and CloudFront in front of it).
        headers.put("x-forwarded-for", request.sourceIp());
        headers.put("x-forwarded-port", Integer.toString(port));
        headers.put("x-forwarded-proto", "http");
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }

        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", LocalNames.ACCOUNT_ID);
        context.put("apiId", "local");
        String host = hostName(request.header("host"));
        context.put("domainName", host);
        context.put("domainPrefix", host.contains(".") ? host.substring(0, host.indexOf('.')) : host);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", path);
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.header("user-agent") == null ? "" : request.header("user-agent"));
        context.put("requestId", requestId);
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());

        byte[] body = request.body();
        if (body.length > 0) {
            boolean text = isText(request.header("content-type"));
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event.toString();
    }

    /** Bodies API Gateway passes as text; the rest (images, octet streams, unknown) is base64. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.startsWith("application/x-www-form-urlencoded")
                || type.contains("xml") || type.startsWith("application/javascript");
    }

    private static List<String> splitCookies(String header) {
        List<String> cookies = new ArrayList<>();
        for (String cookie : header.split(";")) {
            if (!cookie.isBlank()) {
                cookies.add(cookie.trim());
            }
        }
        return cookies;
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeQuery(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decodeQuery(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // a stray '%' is passed through rather than failing the request
        }
    }

    private static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return "localhost";
        }
        int colon = hostHeader.lastIndexOf(':');
        return colon > 0 && !hostHeader.endsWith("]") ? hostHeader.substring(0, colon) : hostHeader;
    }
}
