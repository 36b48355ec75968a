package nl.ontwikkelplein.local;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

/**
 * SDK settings for the local stack.
 *
 * <p>The handlers build their clients the way they do in Lambda, without endpoints. The SDK
 * (2.54) reads a per-service endpoint from a JVM system property, so setting those once points
 * every default-built client in this JVM at the local servers. Mind the spelling: the property
 * name is {@code aws.endpointUrl} + the service's SDK id in camel case, so DynamoDB is
 * {@code aws.endpointUrlDynamoDb} (capital D, b), not {@code aws.endpointUrlDynamodb}.
 * For S3 the endpoint is an IP address, which makes the SDK use path-style addressing on its own
 * (a host name like localhost would give virtual-host style: bucket.localhost).
 */
public final class LocalSdk {

    private LocalSdk() {
    }

    public static void configureJvm(LocalConfig config) {
        System.setProperty("aws.region", LocalNames.REGION);
        System.setProperty("aws.accessKeyId", LocalConfig.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", LocalConfig.SECRET_KEY);
        System.setProperty("aws.endpointUrlDynamoDb", config.dynamoUrl());
        System.setProperty("aws.endpointUrlDynamoDbStreams", config.dynamoUrl());
        System.setProperty("aws.endpointUrlS3", config.s3Url());
        // Nothing here runs on EC2: never wait for the instance metadata service.
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    public static DynamoDbClient dynamo(LocalConfig config) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(config.dynamoUrl()))
                .region(Region.of(LocalNames.REGION))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static DynamoDbStreamsClient streams(LocalConfig config) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(config.dynamoUrl()))
                .region(Region.of(LocalNames.REGION))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static S3Client s3(LocalConfig config) {
        return S3Client.builder()
                .endpointOverride(URI.create(config.s3Url()))
                .forcePathStyle(true)
                .region(Region.of(LocalNames.REGION))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalConfig.ACCESS_KEY, LocalConfig.SECRET_KEY));
    }
}
