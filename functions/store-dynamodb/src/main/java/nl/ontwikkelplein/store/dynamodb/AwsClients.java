package nl.ontwikkelplein.store.dynamodb;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What every SDK client of a deployable function shares: the smallest HTTP client, the region
 * Lambda sets, and a lean credentials chain that works the way Lambda hands out credentials.
 */
public final class AwsClients {
    private AwsClients() {}

    /**
     * Environment variables (a plain Lambda function), system properties (tools), and the
     * container credentials endpoint: with SnapStart, Lambda's Java runtime gives credentials only
     * through {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} + {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}.
     * The default chain would find them too, but first reads profile files and asks for web
     * identity tokens, which only costs cold-start time.
     */
    public static AwsCredentialsProvider credentials() {
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(
                        EnvironmentVariableCredentialsProvider.create(),
                        SystemPropertyCredentialsProvider.create(),
                        ContainerCredentialsProvider.builder().build())
                .build();
    }

    /** Faster to load than the Apache or Netty clients; enough for a function's few calls. */
    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.create();
    }

    /** AWS_REGION as Lambda sets it, else the system property {@code aws.region}, else eu-west-1. */
    public static Region region() {
        String region = System.getenv("AWS_REGION");
        if (region == null || region.isBlank()) region = System.getProperty("aws.region", "eu-west-1");
        return Region.of(region);
    }
}
