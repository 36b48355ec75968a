package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * template.yaml as the local runtime sees it: functions with their handler, resolved environment,
 * routes, stream sources and schedules; tables; the bucket; parameters. The template is the only
 * place where wiring is written down; nothing here is configured twice.
 */
public final class SamTemplate {

    private static final String FUNCTION = "AWS::Serverless::Function";

    private final Map<String, String> parameters;
    private final List<FunctionSpec> functions;
    private final List<TableSpec> tables;
    private final Map<String, String> buckets;
    private final Optional<SiteFailover> siteFailover;
    private final ResponseHeadersPolicy siteHeaders;
    private final ApiBehaviours apiBehaviours;

    private SamTemplate(Map<String, String> parameters, List<FunctionSpec> functions, List<TableSpec> tables,
                        Map<String, String> buckets, Optional<SiteFailover> siteFailover, ResponseHeadersPolicy siteHeaders,
                        ApiBehaviours apiBehaviours) {
        this.parameters = parameters;
        this.functions = functions;
        this.tables = tables;
        this.buckets = buckets;
        this.siteFailover = siteFailover;
        this.siteHeaders = siteHeaders;
        this.apiBehaviours = apiBehaviours;
    }

    /**
     * @param parameterOverrides local values for template parameters (like
     *                           {@code sam deploy --parameter-overrides}); others keep their default
     */
    public static SamTemplate load(Path file, Map<String, String> parameterOverrides) throws IOException {
        return load(file, parameterOverrides, Map.of());
    }

    /**
     * @param localDefaults values the local runtime gives parameters the template declares (an
     *                      override still wins; a template without the parameter is left as it is)
     */
    public static SamTemplate load(Path file, Map<String, String> parameterOverrides, Map<String, String> localDefaults) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            JsonNode root = TemplateYaml.read(reader);
            Map<String, String> values = new java.util.LinkedHashMap<>(parameterOverrides);
            localDefaults.forEach((name, value) -> {
                if (root.path("Parameters").has(name)) values.putIfAbsent(name, value);
            });
            return parse(root, values);
        }
    }

    static SamTemplate parse(JsonNode root, Map<String, String> parameterOverrides) {
        JsonNode resources = root.path("Resources");
        Map<String, String> parameters = parameters(root.path("Parameters"), parameterOverrides);
        LocalIntrinsics intrinsics = new LocalIntrinsics(resources, parameters);
        List<FunctionSpec> functions = new ArrayList<>();
        List<TableSpec> tables = new ArrayList<>();
        Map<String, String> buckets = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String id = entry.getKey();
            JsonNode resource = entry.getValue();
            switch (resource.path("Type").asText()) {
                case FUNCTION -> functions.add(FunctionReader.read(id, resource.path("Properties"),
                        root.path("Globals").path("Function"), intrinsics));
                case "AWS::DynamoDB::Table" -> tables.add(TableReader.read(id, resource.path("Properties")));
                case "AWS::S3::Bucket" -> buckets.put(id, LocalNames.bucketName(id));
                default -> {
                    // Other resources (queues, policies) have no local counterpart; of the
                    // distribution, the front applies the index rule, the site failover and the
                    // response headers policy.
                }
            }
        }
        return new SamTemplate(Collections.unmodifiableMap(parameters), List.copyOf(functions),
                List.copyOf(tables), Collections.unmodifiableMap(buckets), SiteFailover.read(resources),
                ResponseHeadersPolicy.read(resources), ApiBehaviours.read(resources));
    }

    private static Map<String, String> parameters(JsonNode declared, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        declared.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode defaultValue = entry.getValue().get("Default");
            if (overrides.containsKey(name)) {
                values.put(name, overrides.get(name));
            } else if (defaultValue != null) {
                values.put(name, defaultValue.asText());
            } else {
                throw new IllegalArgumentException("template parameter " + name + " has no Default: give a local value");
            }
        });
        for (String name : overrides.keySet()) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("override for unknown template parameter " + name);
            }
        }
        return values;
    }

    /** Parameter values in force: overrides, else defaults. */
    public Map<String, String> parameters() {
        return parameters;
    }

    public List<FunctionSpec> functions() {
        return functions;
    }

    public Optional<FunctionSpec> function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }

    public List<TableSpec> tables() {
        return tables;
    }

    /** Buckets by logical id, with their local names. */
    public Map<String, String> buckets() {
        return buckets;
    }

    /** The bucket the site is served from: the template's only bucket. */
    public String siteBucketName() {
        if (buckets.size() != 1) {
            throw new IllegalStateException("expected exactly one AWS::S3::Bucket (the site), found " + buckets.keySet());
        }
        return buckets.values().iterator().next();
    }

    /** Where CloudFront turns for a path the site bucket does not have, if anywhere. */
    Optional<SiteFailover> siteFailover() {
        return siteFailover;
    }

    /** Which paths CloudFront sends to the HTTP API ({@code /api/*}, {@code /beheer/*}). */
    ApiBehaviours apiBehaviours() {
        return apiBehaviours;
    }

    /** The headers CloudFront adds to the site's answers (the default behaviour's policy). */
    ResponseHeadersPolicy siteHeaders() {
        return siteHeaders;
    }

    public List<HttpRoute> routes() {
        return functions.stream().flatMap(f -> f.routes().stream()).toList();
    }

    public List<StreamSource> streams() {
        return functions.stream().flatMap(f -> f.streams().stream()).toList();
    }

    public List<ScheduleSpec> schedules() {
        return functions.stream().flatMap(f -> f.schedules().stream()).toList();
    }
}
