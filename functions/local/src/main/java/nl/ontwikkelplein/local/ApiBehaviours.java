package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The distribution's cache behaviours that send a path to the HTTP API (an origin whose domain is
 * {@code ${HttpApi}.execute-api...}), such as {@code /api/*} and {@code /beheer/*}. The local
 * front sends the same paths to the local API. CloudFront path patterns: {@code *} is any run of
 * characters (slashes too), {@code ?} one character, case-sensitive.
 */
final class ApiBehaviours {
    private final List<Pattern> patterns;
    private final List<String> sources;

    private ApiBehaviours(List<String> sources) {
        this.sources = List.copyOf(sources);
        this.patterns = sources.stream().map(ApiBehaviours::compile).toList();
    }

    static ApiBehaviours read(JsonNode resources) {
        List<String> paths = new ArrayList<>();
        Distributions.config(resources).ifPresent(config -> {
            List<String> apiOrigins = new ArrayList<>();
            config.path("Origins").forEach(origin -> {
                String domain = origin.path("DomainName").path("Fn::Sub").asText("");
                if (domain.contains(".execute-api.") && origin.path("OriginPath").asText("").isEmpty()) apiOrigins.add(origin.path("Id").asText());
            });
            config.path("CacheBehaviors").forEach(b -> {
                if (apiOrigins.contains(b.path("TargetOriginId").asText())) paths.add(b.path("PathPattern").asText());
            });
        });
        if (paths.isEmpty()) paths.add("/api/*"); // a template without a distribution: the API under /api, as before
        return new ApiBehaviours(paths);
    }

    boolean matches(String rawPath) {
        for (Pattern p : patterns) if (p.matcher(rawPath).matches()) return true;
        return false;
    }

    List<String> patterns() {
        return sources;
    }

    private static Pattern compile(String pathPattern) {
        StringBuilder regex = new StringBuilder();
        String p = pathPattern.startsWith("/") ? pathPattern : "/" + pathPattern;
        for (char c : p.toCharArray()) {
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
