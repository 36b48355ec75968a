package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one AWS::DynamoDB::Table into a {@link TableSpec}. */
final class TableReader {

    private TableReader() {
    }

    static TableSpec read(String id, JsonNode properties) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode definition : properties.path("AttributeDefinitions")) {
            attributes.put(definition.path("AttributeName").asText(), definition.path("AttributeType").asText());
        }
        List<TableSpec.IndexSpec> indexes = new ArrayList<>();
        for (JsonNode index : properties.path("GlobalSecondaryIndexes")) {
            List<String> nonKey = new ArrayList<>();
            index.path("Projection").path("NonKeyAttributes").forEach(a -> nonKey.add(a.asText()));
            indexes.add(new TableSpec.IndexSpec(index.path("IndexName").asText(), keySchema(index.path("KeySchema")),
                    index.path("Projection").path("ProjectionType").asText("ALL"), List.copyOf(nonKey)));
        }
        JsonNode stream = properties.path("StreamSpecification").path("StreamViewType");
        JsonNode ttl = properties.path("TimeToLiveSpecification");
        boolean ttlEnabled = ttl.path("Enabled").asBoolean(false);
        List<TableSpec.KeyPart> keySchema = keySchema(properties.path("KeySchema"));
        if (keySchema.isEmpty()) {
            throw new IllegalArgumentException("table " + id + " has no KeySchema");
        }
        return new TableSpec(id, Map.copyOf(attributes), keySchema, List.copyOf(indexes),
                stream.isMissingNode() ? null : stream.asText(),
                ttlEnabled ? ttl.path("AttributeName").asText() : null);
    }

    private static List<TableSpec.KeyPart> keySchema(JsonNode elements) {
        List<TableSpec.KeyPart> parts = new ArrayList<>();
        for (JsonNode element : elements) {
            parts.add(new TableSpec.KeyPart(element.path("AttributeName").asText(), element.path("KeyType").asText()));
        }
        return List.copyOf(parts);
    }
}
