package nl.ontwikkelplein.local;

import java.util.List;
import java.util.Map;

/**
 * An AWS::DynamoDB::Table of the template.
 *
 * @param attributeTypes  AttributeDefinitions: name to S, N or B
 * @param streamViewType  null when the table has no stream
 * @param ttlAttribute    null when TTL is not enabled
 */
public record TableSpec(
        String logicalId,
        Map<String, String> attributeTypes,
        List<KeyPart> keySchema,
        List<IndexSpec> globalIndexes,
        String streamViewType,
        String ttlAttribute) {

    public String tableName() {
        return LocalNames.tableName(logicalId);
    }

    /** One KeySchema element; keyType is HASH or RANGE. */
    public record KeyPart(String attribute, String keyType) {
    }

    /** A GlobalSecondaryIndexes entry. */
    public record IndexSpec(String name, List<KeyPart> keySchema, String projectionType, List<String> nonKeyAttributes) {
    }
}
