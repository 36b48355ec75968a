package nl.ontwikkelplein.store.dynamodb;

import java.util.Map;
import nl.ontwikkelplein.domain.Stores;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The production storage: every port on DynamoDB, with one client shared by all of them. */
public final class DynamoStores {
    private DynamoStores() {}

    /** Tables from the function's environment (template.yaml sets CATALOG_TABLE and the others). */
    public static Stores fromEnvironment(Map<String, String> env) {
        return on(DynamoClients.create(), TableNames.from(env));
    }

    public static Stores on(DynamoDbClient dynamo, TableNames tables) {
        return new Stores(new DynamoCatalog(dynamo, tables.catalog()),
                new DynamoSeats(dynamo, tables.catalog(), tables.enrolments()),
                new DynamoEditorTokens(dynamo, tables.editors()),
                new DynamoStaff(dynamo, tables.editors()),
                new DynamoSignIns(dynamo, tables.editors()),
                new DynamoRateLimits(dynamo, tables.editors()),
                new DynamoAuditLog(dynamo, tables.audit()),
                new DynamoParticipants(dynamo, tables.catalog(), tables.enrolments()),
                new DynamoOutbox(dynamo, tables.enrolments()),
                new DynamoPartnerFeeds(dynamo, tables.editors()));
    }
}
