package nl.ontwikkelplein.local;

import com.sun.net.httpserver.HttpExchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as the front received it, headers with lower-cased names in arrival order.
 *
 * @param rawPath  the path as sent, still percent-encoded
 * @param rawQuery the query string as sent (without '?'), or "" when absent
 */
record FrontRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        String sourceIp,
        String protocol,
        byte[] body) {

    static FrontRequest of(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        String query = exchange.getRequestURI().getRawQuery();
        return new FrontRequest(
                exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getRawPath(),
                query == null ? "" : query,
                headers,
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getProtocol(),
                body);
    }

    String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
