package nl.ontwikkelplein.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one place a function's DynamoDB client is built. Region and credentials as
 * {@link AwsClients} finds them; an endpoint override, if any, the SDK reads by itself
 * ({@code AWS_ENDPOINT_URL_DYNAMODB} or the system property {@code aws.endpointUrlDynamoDb}).
 */
public final class DynamoClients {
    private DynamoClients() {}

    public static DynamoDbClient create() {
        return DynamoDbClient.builder()
                .httpClient(AwsClients.httpClient())
                .region(AwsClients.region())
                .credentialsProvider(AwsClients.credentials())
                .build();
    }
}
