package nl.ontwikkelplein.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The cold-start floor: the least a function of this project can do. It builds a DynamoDB client
 * exactly as {@code nl.ontwikkelplein.store.dynamodb.DynamoClients} does (copied, so this jar carries no
 * project code) and does one GetItem per request. Whatever a real handler costs above this is
 * the price of its own code and dependencies; see docs/benchmarks.md.
 *
 * <p>Event: {@code {"pk": "...", "sk": "..."}} (both default to {@code FLOOR}). Answers
 * {@code found} or {@code missing}. Table from the environment variable {@code FLOOR_TABLE},
 * default {@code CatalogTable}.
 */
public final class FloorHandler implements RequestHandler<Map<String, Object>, String> {

    private static final DynamoDbClient DYNAMO = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(region())
            // The functions' chain (store-dynamodb AwsClients), so the floor pays for the same classes.
            .credentialsProvider(AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true).credentialsProviders(
                    EnvironmentVariableCredentialsProvider.create(),
                    SystemPropertyCredentialsProvider.create(),
                    ContainerCredentialsProvider.builder().build()).build())
            .build();

    private final String table;

    public FloorHandler() {
        this(System.getenv());
    }

    public FloorHandler(Map<String, String> env) {
        String name = env.get("FLOOR_TABLE");
        this.table = name == null || name.isBlank() ? "CatalogTable" : name;
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, AttributeValue> key = Map.of(
                "pk", AttributeValue.fromS(text(event, "pk")),
                "sk", AttributeValue.fromS(text(event, "sk")));
        GetItemResponse response = DYNAMO.getItem(b -> b.tableName(table).key(key));
        return response.hasItem() ? "found" : "missing";
    }

    private static String text(Map<String, Object> event, String name) {
        Object value = event == null ? null : event.get(name);
        return value == null ? "FLOOR" : value.toString();
    }

    private static Region region() {
        String region = System.getenv("AWS_REGION");
        if (region == null) region = System.getProperty("aws.region", "eu-west-1");
        return Region.of(region);
    }
}
