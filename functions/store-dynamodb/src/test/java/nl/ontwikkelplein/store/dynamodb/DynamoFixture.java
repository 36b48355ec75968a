package nl.ontwikkelplein.store.dynamodb;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.ontwikkelplein.domain.Stores;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Tables for one contract suite on a real DynamoDB-API endpoint, named uniquely and deleted again.
 * {@code ONTWIKKELPLEIN_TEST_DYNAMODB_ENDPOINT} is a URL (any DynamoDB-compatible server, with
 * dummy credentials unless the usual AWS variables are set) or {@code aws} (the account of the
 * default credentials chain, region from {@code AWS_REGION}). Unset: the suite is skipped.
 */
final class DynamoFixture implements AutoCloseable {
    static final String VARIABLE = "ONTWIKKELPLEIN_TEST_DYNAMODB_ENDPOINT";
    private static volatile boolean toldSkipped;

    final DynamoDbClient dynamo;
    private final Map<String, String> tables = new LinkedHashMap<>();

    private DynamoFixture(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Skips the calling suite (one line on stdout, once per run) when no endpoint is configured. */
    static DynamoFixture openOrSkip() {
        String endpoint = System.getenv(VARIABLE);
        if (endpoint == null || endpoint.isBlank()) {
            if (!toldSkipped) {
                toldSkipped = true;
                System.out.println("DynamoDB contract suites skipped: set " + VARIABLE + " to a DynamoDB endpoint URL or to 'aws' to run them.");
            }
            Assumptions.abort(VARIABLE + " is not set");
        }
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(AwsClients.httpClient()).region(AwsClients.region());
        if ("aws".equals(endpoint.strip())) {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        } else {
            builder.endpointOverride(URI.create(endpoint.strip()));
            boolean haveKeys = System.getenv("AWS_ACCESS_KEY_ID") != null;
            builder.credentialsProvider(haveKeys ? DefaultCredentialsProvider.builder().build()
                    : StaticCredentialsProvider.create(AwsBasicCredentials.create("contract", "contract")));
        }
        DynamoFixture fixture = new DynamoFixture(builder.build());
        String run = "ontwikkelplein-contract-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            for (String kind : DynamoTables.kinds()) fixture.create(kind, run + "-" + kind);
        } catch (RuntimeException e) {
            fixture.close();
            throw e;
        }
        return fixture;
    }

    private void create(String kind, String name) {
        dynamo.createTable(DynamoTables.create(kind, name));
        tables.put(kind, name);
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
        String ttl = DynamoTables.timeToLiveAttribute(kind);
        if (ttl != null) dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t.attributeName(ttl).enabled(true)));
    }

    Stores stores() {
        return DynamoStores.on(dynamo, new TableNames(tables.get(DynamoTables.CATALOG), tables.get(DynamoTables.ENROLMENTS), tables.get(DynamoTables.EDITORS), tables.get(DynamoTables.AUDIT)));
    }

    @Override
    public void close() {
        for (String name : tables.values()) {
            try {
                dynamo.deleteTable(b -> b.tableName(name));
            } catch (RuntimeException e) {
                System.err.println("could not delete contract table " + name + ": " + e.getMessage());
            }
        }
        dynamo.close();
    }
}
