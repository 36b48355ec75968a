package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The template's CloudFront distribution, of which the local front plays the default behaviour. */
final class Distributions {

    private Distributions() {
    }

    /** The DistributionConfig of the template's only distribution; empty when it has none. */
    static Optional<JsonNode> config(JsonNode resources) {
        List<JsonNode> found = new ArrayList<>();
        resources.forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::CloudFront::Distribution")) {
                found.add(resource.path("Properties").path("DistributionConfig"));
            }
        });
        if (found.size() > 1) {
            throw new IllegalArgumentException("expected at most one AWS::CloudFront::Distribution, found " + found.size());
        }
        return found.stream().findFirst();
    }

    static Optional<JsonNode> defaultCacheBehaviour(JsonNode resources) {
        return config(resources).map(config -> config.path("DefaultCacheBehavior"));
    }
}
