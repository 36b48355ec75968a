package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The response headers policy of the distribution's default behaviour, as CloudFront applies it
 * to every answer of the site (pages from the bucket and the failover's 404 page alike): a header
 * with {@code Override: true} replaces the origin's, otherwise it is only added when the origin
 * sent none. Read from the template, so the local pages run under the same Content-Security-Policy
 * as in AWS.
 */
record ResponseHeadersPolicy(List<Header> headers) {

    record Header(String name, String value, boolean override) {
    }

    static final ResponseHeadersPolicy NONE = new ResponseHeadersPolicy(List.of());

    private static final Set<String> SECURITY_HEADERS = Set.of("ContentSecurityPolicy", "ContentTypeOptions",
            "FrameOptions", "ReferrerPolicy", "StrictTransportSecurity");

    void apply(Headers response) {
        for (Header header : headers) {
            if (header.override() || !response.containsKey(header.name())) {
                response.set(header.name(), header.value());
            }
        }
    }

    /** The policy of the template's distribution's default behaviour; NONE when it has none. */
    static ResponseHeadersPolicy read(JsonNode resources) {
        JsonNode behaviour = Distributions.defaultCacheBehaviour(resources).orElse(null);
        if (behaviour == null || !behaviour.has("ResponseHeadersPolicyId")) {
            return NONE;
        }
        String policyId = behaviour.path("ResponseHeadersPolicyId").path("Ref").asText("");
        JsonNode policy = resources.path(policyId);
        if (!policy.path("Type").asText().equals("AWS::CloudFront::ResponseHeadersPolicy")) {
            throw new IllegalArgumentException("ResponseHeadersPolicyId must be !Ref to an AWS::CloudFront::ResponseHeadersPolicy"
                    + " of the template (managed policies have no local counterpart): " + behaviour.path("ResponseHeadersPolicyId"));
        }
        JsonNode config = policy.path("Properties").path("ResponseHeadersPolicyConfig");
        List<Header> headers = new ArrayList<>();
        JsonNode security = config.path("SecurityHeadersConfig");
        for (Iterator<Map.Entry<String, JsonNode>> it = security.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!SECURITY_HEADERS.contains(entry.getKey())) {
                throw new IllegalArgumentException("SecurityHeadersConfig." + entry.getKey() + " has no local counterpart");
            }
            headers.add(securityHeader(entry.getKey(), entry.getValue()));
        }
        for (JsonNode custom : config.path("CustomHeadersConfig").path("Items")) {
            headers.add(new Header(custom.path("Header").asText(), custom.path("Value").asText(), custom.path("Override").asBoolean()));
        }
        if (config.has("CorsConfig") || config.has("RemoveHeadersConfig") || config.has("ServerTimingHeadersConfig")) {
            throw new IllegalArgumentException("only SecurityHeadersConfig and CustomHeadersConfig have a local counterpart");
        }
        return new ResponseHeadersPolicy(List.copyOf(headers));
    }

    private static Header securityHeader(String kind, JsonNode config) {
        boolean override = config.path("Override").asBoolean();
        return switch (kind) {
            case "ContentSecurityPolicy" -> new Header("Content-Security-Policy", config.path("ContentSecurityPolicy").asText(), override);
            case "ContentTypeOptions" -> new Header("X-Content-Type-Options", "nosniff", override);
            case "FrameOptions" -> new Header("X-Frame-Options", config.path("FrameOption").asText(), override);
            case "ReferrerPolicy" -> new Header("Referrer-Policy", config.path("ReferrerPolicy").asText(), override);
            case "StrictTransportSecurity" -> new Header("Strict-Transport-Security",
                    "max-age=" + config.path("AccessControlMaxAgeSec").asLong()
                            + (config.path("IncludeSubdomains").asBoolean() ? "; includeSubDomains" : "")
                            + (config.path("Preload").asBoolean() ? "; preload" : ""), override);
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
