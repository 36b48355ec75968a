package nl.ontwikkelplein.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.ontwikkelplein.api.PublicApiHandler;
import nl.ontwikkelplein.local.HttpRoute;
import nl.ontwikkelplein.local.SamTemplate;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.Test;

/** The OpenAPI description in the repo names exactly the routes that template.yaml wires. */
class OpenApiCoverageTest {
    @Test
    void everyRouteIsDescribedAndNothingElse() throws Exception {
        Set<String> wired = new TreeSet<>();
        // OpenAPI has no greedy path variable: API Gateway's {path+} is described as {path}.
        // The API is what lives under /api, and the private links of enrolments (/aanmelding, JSON on request);
        // the staff workspace (/beheer) answers HTML forms, not an API.
        for (HttpRoute route : SamTemplate.load(TestStack.realTemplate(), Map.of()).routes())
            if (route.path().startsWith("/api/") || route.path().startsWith("/aanmelding/")) wired.add(route.routeKey().replace("+}", "}"));

        JsonNode openapi;
        try (InputStream in = PublicApiHandler.class.getResourceAsStream("/openapi.yaml")) {
            openapi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertTrue(openapi.path("openapi").asText().startsWith("3."));
        Set<String> described = new TreeSet<>();
        openapi.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(method))
                described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
        }));
        assertEquals(wired, described);
    }
}
