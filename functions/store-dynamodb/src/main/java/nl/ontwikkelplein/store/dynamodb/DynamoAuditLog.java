package nl.ontwikkelplein.store.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.AuditEntry;
import nl.ontwikkelplein.domain.AuditLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The audit trail in the AuditTable: {@code RECORD#type#id} / {@code at#entryId} per record, and
 * gsi1 {@code ACTOR#actorId} / {@code at#entryId} per actor. Put only, never updated or deleted;
 * the table has no TTL.
 */
public final class DynamoAuditLog implements AuditLog {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAuditLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void append(AuditEntry e) {
        String sk = String.format("%013d#%s", e.at().toEpochMilli(), e.id());
        dynamo.putItem(b -> b.tableName(table).item(new Attr.Item().put("pk", "RECORD#" + e.recordType() + "#" + e.recordId()).put("sk", sk)
                .put(CatalogItems.GSI1PK, "ACTOR#" + e.actorId()).put(CatalogItems.GSI1SK, sk)
                .put("id", e.id()).put("at", e.at().toEpochMilli()).put("actorId", e.actorId()).put("actorName", e.actorName())
                .put("recordType", e.recordType()).put("recordId", e.recordId()).put("organisationId", e.organisationId())
                .put("action", e.action()).put("fields", e.fields()).build())
                .conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public List<AuditEntry> forRecord(String recordType, String recordId, int limit) {
        return entries(Queries.all(dynamo, QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", Attr.s("RECORD#" + recordType + "#" + recordId)))
                .scanIndexForward(false).limit(limit).build(), limit));
    }

    @Override
    public List<AuditEntry> byActor(String actorId, int limit) {
        return entries(Queries.all(dynamo, Queries.index(table, "ACTOR#" + actorId).scanIndexForward(false).limit(limit).build(), limit));
    }

    private static List<AuditEntry> entries(List<Map<String, AttributeValue>> items) {
        List<AuditEntry> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : items)
            out.add(new AuditEntry(Attr.str(i, "id"), Instant.ofEpochMilli(Attr.num(i, "at")), Attr.str(i, "actorId"), Attr.str(i, "actorName"),
                    Attr.str(i, "recordType"), Attr.str(i, "recordId"), Attr.str(i, "organisationId"), Attr.str(i, "action"), Attr.strings(i, "fields")));
        return out;
    }
}
