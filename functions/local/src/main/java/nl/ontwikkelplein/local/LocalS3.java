package nl.ontwikkelplein.local;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * S3Proxy 4.1 in this JVM on 127.0.0.1, objects as files under the data directory (one
 * directory per bucket; metadata such as Content-Type in extended attributes, so the data
 * directory must be on a file system with user xattrs: ext4, xfs, btrfs, APFS are fine).
 *
 * <p>Signatures are not checked: the handlers' credential chains read AWS_ACCESS_KEY_ID from the
 * environment first, so on a developer machine with real AWS keys in the shell they sign with
 * those, not with the local ones, and a checking S3Proxy would answer 403 to every write.
 */
public final class LocalS3 implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 10_000;

    private final S3Proxy proxy;

    private LocalS3(S3Proxy proxy) {
        this.proxy = proxy;
    }

    public static LocalS3 start(int port, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        S3Proxy proxy = S3Proxy.builder()
                // An absolute root: with a relative one S3Proxy 4.1 stores and serves objects but lists none.
                .blobStore(new FilesystemNio2BlobStore(dataDir.toAbsolutePath().toString()))
                .endpoint(URI.create("http://" + LocalConfig.HOST + ":" + port))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .stopTimeout(0) // stop at once: nothing to drain locally
                .build();
        proxy.start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                proxy.stop();
                throw new IllegalStateException("S3Proxy did not start on port " + port + " (state " + proxy.getState() + ")");
            }
            Thread.sleep(20);
        }
        return new LocalS3(proxy);
    }

    /** Creates the buckets that do not exist yet, through the S3 API like any client would. */
    static void ensureBuckets(S3Client s3, Collection<String> bucketNames) {
        for (String bucket : bucketNames) {
            try {
                s3.headBucket(b -> b.bucket(bucket));
            } catch (NoSuchBucketException e) {
                s3.createBucket(b -> b.bucket(bucket));
            }
        }
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
