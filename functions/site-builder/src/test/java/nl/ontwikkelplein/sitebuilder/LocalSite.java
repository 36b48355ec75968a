package nl.ontwikkelplein.sitebuilder;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.store.sqlite.SqliteDatabase;
import nl.ontwikkelplein.store.sqlite.SqliteStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The real local components a site build runs on: a SQLite catalog in a fresh file and S3Proxy
 * (filesystem back end, under target/ so extended attributes work) with an empty bucket.
 */
public final class LocalSite implements AutoCloseable {
    public static final String BUCKET = "site";

    public final Path dir;
    public final SqliteDatabase database;
    public final Stores stores;
    public final S3Proxy proxy;
    public final S3Client s3;
    public final S3SitePublisher publisher;

    public LocalSite(Clock clock) throws Exception {
        dir = Files.createDirectories(Path.of("target", "local-site-" + UUID.randomUUID()).toAbsolutePath());
        database = SqliteDatabase.open(dir.resolve("ontwikkelplein.db"));
        stores = SqliteStores.on(database, clock);
        int port;
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        Files.createDirectories(dir.resolve("s3"));
        proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(dir.resolve("s3").toString()))
                .endpoint(URI.create("http://127.0.0.1:" + port)).awsAuthentication(AuthenticationType.NONE, null, null).stopTimeout(0).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) Thread.sleep(10);
        s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).forcePathStyle(true).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
        s3.createBucket(b -> b.bucket(BUCKET));
        publisher = new S3SitePublisher(s3, BUCKET);
    }

    public Catalog catalog() { return stores.catalog(); }

    public SiteBuilder builder(Clock clock, SitePublisher through) {
        return new SiteBuilder(catalog(), through, clock, TestData.ASSETS, "https://agenda.example.nl");
    }

    public SiteBuilder builder(Clock clock) { return builder(clock, publisher); }

    /** The object's text, or null when it is not in the bucket. */
    public String text(String key) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asString(StandardCharsets.UTF_8);
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return null;
        }
    }

    public String contentType(String key) { return s3.headObject(b -> b.bucket(BUCKET).key(key)).contentType(); }

    public String cacheControl(String key) { return s3.headObject(b -> b.bucket(BUCKET).key(key)).cacheControl(); }

    public Map<String, String> keys() { return publisher.list(""); }

    /** A publisher that counts writes and can be told to fail on one path; it writes through to S3Proxy. */
    public static final class Counting implements SitePublisher {
        final SitePublisher target;
        final List<String> puts = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        final List<String> deletes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        /** Prefixes listed with every folder below them, and folders listed alone. */
        final List<String> lists = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        final List<String> folders = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        volatile String failOn;
        /** Count what would be written or deleted, change nothing. */
        volatile boolean dryRun;

        Counting(SitePublisher target) { this.target = target; }

        @Override
        public void put(String path, byte[] body, String contentType, String cacheControl, Map<String, String> metadata) {
            if (path.equals(failOn)) throw new IllegalStateException("injected failure writing " + path);
            puts.add(path);
            if (!dryRun) target.put(path, body, contentType, cacheControl, metadata);
        }

        @Override
        public void delete(String path) {
            deletes.add(path);
            if (!dryRun) target.delete(path);
        }

        @Override
        public Map<String, String> list(String prefix) {
            lists.add(prefix);
            return target.list(prefix);
        }

        @Override
        public Map<String, String> listFolder(String folder) {
            folders.add(folder);
            return target.listFolder(folder);
        }

        @Override
        public java.util.Optional<Online> head(String path) { return target.head(path); }

        @Override
        public java.util.Optional<byte[]> get(String path) { return target.get(path); }
    }

    @Override
    public void close() throws Exception {
        s3.close();
        proxy.stop();
        database.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // target/ is cleaned by the next build anyway
        }
    }
}
