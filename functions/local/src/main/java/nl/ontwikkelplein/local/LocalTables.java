package nl.ontwikkelplein.local;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Creates the template's tables in DynamoDB Local when they are missing, and brings an existing
 * table up to date with additions to the template (a new index, a stream, TTL), so the data on
 * disk survives template changes. Removals and key changes are not applied: delete the data
 * directory for those, as you would replace the table in AWS.
 */
final class LocalTables {

    private static final Logger LOG = Logger.getLogger(LocalTables.class.getName());

    private final DynamoDbClient dynamo;

    LocalTables(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    void ensure(List<TableSpec> tables) {
        for (TableSpec table : tables) {
            TableDescription existing = describe(table.tableName());
            if (existing == null) {
                create(table);
            } else {
                update(table, existing);
            }
            ensureTimeToLive(table);
        }
    }

    private TableDescription describe(String name) {
        try {
            return dynamo.describeTable(b -> b.tableName(name)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private void create(TableSpec table) {
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (TableSpec.IndexSpec index : table.globalIndexes()) {
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(index.keySchema()))
                    .projection(projection(index))
                    .build());
        }
        dynamo.createTable(b -> {
            b.tableName(table.tableName())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attributes(table))
                    .keySchema(keySchema(table.keySchema()));
            if (!indexes.isEmpty()) {
                b.globalSecondaryIndexes(indexes);
            }
            if (table.streamViewType() != null) {
                b.streamSpecification(stream(table));
            }
        });
        LOG.info(() -> "created table " + table.tableName());
    }

    private void update(TableSpec table, TableDescription existing) {
        Set<String> present = new HashSet<>();
        for (GlobalSecondaryIndexDescription index : existing.globalSecondaryIndexes()) {
            present.add(index.indexName());
        }
        for (TableSpec.IndexSpec index : table.globalIndexes()) {
            if (!present.contains(index.name())) {
                dynamo.updateTable(b -> b.tableName(table.tableName())
                        .attributeDefinitions(attributes(table))
                        .globalSecondaryIndexUpdates(u -> u.create(CreateGlobalSecondaryIndexAction.builder()
                                .indexName(index.name())
                                .keySchema(keySchema(index.keySchema()))
                                .projection(projection(index))
                                .build())));
                LOG.info(() -> "added index " + index.name() + " to " + table.tableName());
            }
        }
        boolean streamOn = existing.streamSpecification() != null && Boolean.TRUE.equals(existing.streamSpecification().streamEnabled());
        if (table.streamViewType() != null && !streamOn) {
            dynamo.updateTable(b -> b.tableName(table.tableName()).streamSpecification(stream(table)));
            LOG.info(() -> "enabled the stream of " + table.tableName());
        }
    }

    private void ensureTimeToLive(TableSpec table) {
        if (table.ttlAttribute() == null) {
            return;
        }
        TimeToLiveStatus status = dynamo.describeTimeToLive(b -> b.tableName(table.tableName()))
                .timeToLiveDescription().timeToLiveStatus();
        if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
            dynamo.updateTimeToLive(b -> b.tableName(table.tableName())
                    .timeToLiveSpecification(t -> t.attributeName(table.ttlAttribute()).enabled(true)));
        }
    }

    private static List<AttributeDefinition> attributes(TableSpec table) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        table.attributeTypes().forEach((name, type) ->
                definitions.add(AttributeDefinition.builder().attributeName(name).attributeType(type).build()));
        return definitions;
    }

    private static List<KeySchemaElement> keySchema(List<TableSpec.KeyPart> parts) {
        return parts.stream()
                .map(p -> KeySchemaElement.builder().attributeName(p.attribute()).keyType(p.keyType()).build())
                .toList();
    }

    private static Projection projection(TableSpec.IndexSpec index) {
        Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return projection.build();
    }

    private static StreamSpecification stream(TableSpec table) {
        return StreamSpecification.builder().streamEnabled(true).streamViewType(table.streamViewType()).build();
    }
}
