package nl.ontwikkelplein.sitebuilder;

import java.net.URI;
import java.util.Map;
import nl.ontwikkelplein.store.dynamodb.AwsClients;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Publishes the site into the S3 bucket that CloudFront serves. */
public final class S3SitePublisher implements SitePublisher {
    private final S3Client s3;
    private final String bucket;

    public S3SitePublisher(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String path, byte[] body, String contentType, String cacheControl, Map<String, String> metadata) {
        s3.putObject(b -> b.bucket(bucket).key(path).contentType(contentType).cacheControl(cacheControl).metadata(metadata), RequestBody.fromBytes(body));
    }

    @Override
    public java.util.Optional<Online> head(String path) {
        try {
            software.amazon.awssdk.services.s3.model.HeadObjectResponse r = s3.headObject(b -> b.bucket(bucket).key(path));
            return java.util.Optional.of(new Online(etag(r.eTag()), r.metadata()));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public java.util.Optional<byte[]> get(String path) {
        try {
            return java.util.Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(path)).asByteArray());
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public Map<String, String> listFolder(String folder) {
        Map<String, String> out = new java.util.HashMap<>();
        for (software.amazon.awssdk.services.s3.model.S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(folder).delimiter("/")).contents()) {
            out.put(o.key(), etag(o.eTag()));
        }
        return out;
    }

    private static String etag(String etag) { return etag == null ? "" : etag.replace("\"", ""); }

    @Override
    public void delete(String path) {
        s3.deleteObject(b -> b.bucket(bucket).key(path));
    }

    @Override
    public Map<String, String> list(String prefix) {
        Map<String, String> out = new java.util.HashMap<>();
        for (software.amazon.awssdk.services.s3.model.S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            out.put(o.key(), etag(o.eTag()));
        }
        return out;
    }

    /**
     * The S3 client, built like every function client ({@link AwsClients}: smallest HTTP client,
     * region, and credentials as Lambda gives them). The SDK reads an endpoint
     * override itself (system property {@code aws.endpointUrlS3}, environment
     * {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL}); a local S3 such as S3Proxy then
     * needs path-style addresses. An endpoint given only in {@code env} (not the process
     * environment) is set explicitly.
     */
    public static S3Client createClient(Map<String, String> env) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(AwsClients.httpClient())
                .region(AwsClients.region())
                .credentialsProvider(AwsClients.credentials())
                // Checksums only where S3 requires them: local S3 servers lack the newer trailing-checksum uploads.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        String seenBySdk = firstNonBlank(System.getProperty("aws.endpointUrlS3"), System.getProperty("aws.endpointUrl"),
                System.getenv("AWS_ENDPOINT_URL_S3"), System.getenv("AWS_ENDPOINT_URL"));
        String fromEnvMap = firstNonBlank(env.get("AWS_ENDPOINT_URL_S3"), env.get("AWS_ENDPOINT_URL"));
        if (seenBySdk == null && fromEnvMap != null) builder.endpointOverride(URI.create(fromEnvMap));
        if (seenBySdk != null || fromEnvMap != null) {
            builder.forcePathStyle(true);
            // Over plain http the SDK would sign the body in aws-chunked pieces, which S3Proxy decodes
            // slowly (a sixth of a PUT's time); in AWS (https) the body is not signed at all.
            builder.serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().chunkedEncodingEnabled(false).build());
        }
        return builder.build();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }
}
