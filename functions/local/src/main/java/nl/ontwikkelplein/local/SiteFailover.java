package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What CloudFront does when the bucket has no object for a path: the distribution's default
 * behaviour targets an origin group whose second member is the template's HTTP API with an
 * {@code OriginPath}. On a failover status, CloudFront asks that origin for
 * {@code OriginPath + uri} (the uri after the viewer-request function), and the API's answer
 * goes to the visitor.
 *
 * @param statusCodes the origin group's failover criteria
 * @param apiPathPrefix the secondary origin's {@code OriginPath}, e.g. {@code /api/not-found}
 */
record SiteFailover(Set<Integer> statusCodes, String apiPathPrefix) {

    private static final String HTTP_API = "AWS::Serverless::HttpApi";

    /**
     * The failover of the template's distribution, or empty when its default behaviour targets a
     * plain origin (or there is no distribution). A failover origin other than the template's
     * HTTP API has no local counterpart and is refused, so local and AWS never silently differ.
     */
    static Optional<SiteFailover> read(JsonNode resources) {
        JsonNode config = Distributions.config(resources).orElse(null);
        if (config == null) {
            return Optional.empty();
        }
        List<String> httpApis = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (resource.getValue().path("Type").asText().equals(HTTP_API)) {
                httpApis.add(resource.getKey());
            }
        }
        String target = config.path("DefaultCacheBehavior").path("TargetOriginId").asText();
        JsonNode group = byId(config.path("OriginGroups").path("Items"), target);
        if (group == null) {
            return Optional.empty();
        }
        JsonNode members = group.path("Members").path("Items");
        if (members.size() != 2) {
            throw new IllegalArgumentException("origin group " + target + " needs exactly 2 members, has " + members.size());
        }
        String secondaryId = members.get(1).path("OriginId").asText();
        JsonNode secondary = byId(config.path("Origins"), secondaryId);
        if (secondary == null) {
            throw new IllegalArgumentException("origin group " + target + " names unknown origin " + secondaryId);
        }
        String domain = secondary.path("DomainName").path("Fn::Sub").asText("");
        if (httpApis.stream().noneMatch(api -> domain.startsWith("${" + api + "}.execute-api."))) {
            throw new IllegalArgumentException("failover origin " + secondaryId
                    + " must be the template's HttpApi (DomainName !Sub '${<HttpApi>}.execute-api...'): no local counterpart for " + domain);
        }
        String prefix = secondary.path("OriginPath").asText("");
        if (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/"))) {
            throw new IllegalArgumentException("OriginPath of " + secondaryId + " must start with / and not end with /: " + prefix);
        }
        Set<Integer> codes = new TreeSet<>();
        group.path("FailoverCriteria").path("StatusCodes").path("Items").forEach(code -> codes.add(code.asInt()));
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("origin group " + target + " has no failover status codes");
        }
        return Optional.of(new SiteFailover(Set.copyOf(codes), prefix));
    }

    /** The path CloudFront asks the API for, when the site's object for this uri is missing. */
    String apiPath(String rawUri) {
        return apiPathPrefix + rawUri;
    }

    private static JsonNode byId(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.path("Id").asText().equals(id)) {
                return item;
            }
        }
        return null;
    }
}
