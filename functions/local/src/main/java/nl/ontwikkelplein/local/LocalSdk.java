package nl.ontwikkelplein.local;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

/**
 * SDK settings for the local stack.
 *
 * <p>The handlers build their clients the way they do in Lambda, without endpoints or keys. The
 * SDK reads a per-service endpoint from a JVM system property, so setting that once points every
 * function's client in this JVM at the local servers; its property name is {@code aws.endpointUrl}
 * + the service's SDK id in camel case ({@code aws.endpointUrlS3}). Credentials reach the
 * functions as in Lambda with SnapStart: from the container credentials endpoint
 * ({@link LocalCredentials}), whose address and token the SDK reads from the system properties
 * {@code aws.containerCredentialsFullUri} and {@code aws.containerAuthorizationToken}. For S3 the
 * endpoint is an IP address, which makes the SDK use path-style addressing on its own.
 */
public final class LocalSdk {

    private LocalSdk() {
    }

    public static void configureJvm(LocalConfig config, LocalCredentials credentials, LocalOutbox outbox, LocalLambda lambda) {
        System.setProperty("aws.region", LocalNames.REGION);
        System.setProperty("aws.endpointUrlS3", config.s3Url());
        System.setProperty("aws.endpointUrlSesV2", outbox.sesUrl());
        System.setProperty("aws.endpointUrlSns", outbox.snsUrl());
        System.setProperty("aws.endpointUrlLambda", lambda.url());
        System.setProperty("aws.containerCredentialsFullUri", credentials.fullUri());
        System.setProperty("aws.containerAuthorizationToken", credentials.authorizationToken());
        // Nothing here runs on EC2: never wait for the instance metadata service.
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    /** The front's own client for the site bucket (CloudFront's side, not a function's). */
    public static S3Client s3(LocalConfig config) {
        return S3Client.builder()
                .endpointOverride(URI.create(config.s3Url()))
                .forcePathStyle(true)
                .region(Region.of(LocalNames.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalConfig.ACCESS_KEY, LocalConfig.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
