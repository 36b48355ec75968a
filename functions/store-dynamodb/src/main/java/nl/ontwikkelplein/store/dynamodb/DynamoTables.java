package nl.ontwikkelplein.store.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The key schemas these adapters assume, as requests to create the tables: for the contract tests
 * against a DynamoDB endpoint. template.yaml declares the deployed tables; a test in the local
 * module checks that both agree.
 */
public final class DynamoTables {
    public static final String CATALOG = "catalog", ENROLMENTS = "enrolments", EDITORS = "editors", AUDIT = "audit";

    private DynamoTables() {}

    /** @param kind {@link #CATALOG}, {@link #ENROLMENTS} or {@link #EDITORS} */
    public static CreateTableRequest create(String kind, String tableName) {
        CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(tableName).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key(CatalogItems.PK, KeyType.HASH), key(CatalogItems.SK, KeyType.RANGE));
        if (CATALOG.equals(kind) || EDITORS.equals(kind) || AUDIT.equals(kind) || ENROLMENTS.equals(kind)) {
            b.attributeDefinitions(string(CatalogItems.PK), string(CatalogItems.SK), string(CatalogItems.GSI1PK), string(CatalogItems.GSI1SK))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(CatalogItems.GSI1)
                            .keySchema(key(CatalogItems.GSI1PK, KeyType.HASH), key(CatalogItems.GSI1SK, KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL)).build());
        } else {
            throw new IllegalArgumentException("no table kind " + kind);
        }
        return b.build();
    }

    /** The TTL attribute of a table kind, or null. */
    public static String timeToLiveAttribute(String kind) {
        return CATALOG.equals(kind) || AUDIT.equals(kind) ? null : "expiresAt";
    }

    public static List<String> kinds() {
        return List.of(CATALOG, ENROLMENTS, EDITORS, AUDIT);
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
