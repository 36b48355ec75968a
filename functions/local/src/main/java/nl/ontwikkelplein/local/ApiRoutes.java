package nl.ontwikkelplein.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's route table, matched like API Gateway HTTP APIs match: {@code {name}} takes one
 * path segment, a trailing {@code {name+}} takes the rest; among matching routes the most specific
 * wins (no greedy variable, then the exact method before ANY, then more literal segments, then the
 * literal segment further left); {@code $default} only when nothing else matches.
 */
final class ApiRoutes {

    /** A matched route with its path parameters (percent-decoded values). */
    record Match(HttpRoute route, Map<String, String> pathParameters) {
    }

    private final List<HttpRoute> routes;

    ApiRoutes(List<HttpRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    Optional<Match> match(String method, String rawPath) {
        String[] requestSegments = segments(rawPath);
        List<Candidate> candidates = new ArrayList<>();
        for (HttpRoute route : routes) {
            if (route.isDefault()) {
                continue;
            }
            if (!route.method().equals(method) && !route.method().equals("ANY")) {
                continue;
            }
            Map<String, String> parameters = bind(segments(route.path()), requestSegments);
            if (parameters != null) {
                candidates.add(new Candidate(route, parameters));
            }
        }
        Optional<Match> best = candidates.stream()
                .max(Comparator.comparing(Candidate::specificity))
                .map(c -> new Match(c.route, c.parameters));
        if (best.isPresent()) {
            return best;
        }
        return routes.stream().filter(HttpRoute::isDefault).findFirst().map(r -> new Match(r, Map.of()));
    }

    /** Binds a route's segments to the request's; null if they do not match. */
    private static Map<String, String> bind(String[] template, String[] request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i != template.length - 1 || request.length <= i) {
                    return null;
                }
                parameters.put(part.substring(1, part.length() - 2),
                        PercentCoding.decode(String.join("/", List.of(request).subList(i, request.length))));
                return parameters;
            }
            if (i >= request.length) {
                return null;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                if (request[i].isEmpty()) {
                    return null;
                }
                parameters.put(part.substring(1, part.length() - 1), PercentCoding.decode(request[i]));
            } else if (!part.equals(PercentCoding.decode(request[i]))) {
                return null;
            }
        }
        return template.length == request.length ? parameters : null;
    }

    private static String[] segments(String path) {
        // "/a/b/" keeps its empty last segment, so it does not match the route "/a/b".
        return path.substring(1).split("/", -1);
    }

    private record Candidate(HttpRoute route, Map<String, String> parameters) {

        /** Larger is more specific; compared as a string of digits, left to right. */
        String specificity() {
            String[] parts = segments(route.path());
            boolean greedy = route.path().contains("+}");
            boolean exactMethod = !route.method().equals("ANY");
            long literals = Arrays.stream(parts).filter(p -> !p.startsWith("{")).count();
            StringBuilder key = new StringBuilder();
            key.append(greedy ? '0' : '1').append(exactMethod ? '1' : '0').append(String.format("%03d", literals));
            for (String part : parts) {
                key.append(part.startsWith("{") ? '0' : '1');
            }
            return key.toString();
        }
    }
}
