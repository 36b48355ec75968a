package nl.ontwikkelplein.store.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Queries that read every page, or stop at a limit. */
final class Queries {
    private Queries() {}

    /** @param limit at most this many items; 0 for all */
    static List<Map<String, AttributeValue>> all(DynamoDbClient dynamo, QueryRequest request, int limit) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest page = start == null ? request : request.toBuilder().exclusiveStartKey(start).build();
            QueryResponse response = dynamo.query(page);
            for (Map<String, AttributeValue> item : response.items()) {
                items.add(item);
                if (limit > 0 && items.size() == limit) return items;
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** Items of one partition of the table's gsi1 index. */
    static QueryRequest.Builder index(String table, String pk) {
        return QueryRequest.builder().tableName(table).indexName(CatalogItems.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", CatalogItems.GSI1PK))
                .expressionAttributeValues(Map.of(":pk", Attr.s(pk)));
    }
}
