package nl.ontwikkelplein.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The stack starts in one JVM (the SQLite database, S3Proxy on its relocated Jetty, the
 * credentials endpoint), creates what the template declares, listens on loopback only, and a
 * function's default-built SDK client reaches S3 with credentials from the container endpoint.
 */
@LocalStackTest(LocalStackTest.Template.TEST)
class LocalStackStartTest {

    static TestStack stack;

    @Test
    void theDatabaseFileIsInTheDataDirectoryInWalMode() {
        assertTrue(java.nio.file.Files.isRegularFile(stack.config().dataDir().resolve(LocalConfig.DATABASE_FILE)));
        String mode = stack.stack().database().read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("PRAGMA journal_mode")) {
                r.next();
                return r.getString(1);
            }
        });
        assertEquals("wal", mode);
    }

    @Test
    void bucketIsCreatedAndObjectsRoundTripWithTheirHeaders() {
        S3Client s3 = stack.stack().s3();
        assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("ontwikkelplein-sitebucket")));
        s3.putObject(b -> b.bucket("ontwikkelplein-sitebucket").key("probe.txt").contentType("text/plain; charset=utf-8")
                .cacheControl("no-cache"), RequestBody.fromString("hallo"));
        var head = s3.headObject(b -> b.bucket("ontwikkelplein-sitebucket").key("probe.txt"));
        // S3Proxy (its Jetty) drops the space after ';'; real S3 returns the value as stored. Same media type.
        assertEquals("text/plain;charset=utf-8", head.contentType().replace("; ", ";"));
        assertEquals("no-cache", head.cacheControl());
    }

    @Test
    void defaultBuiltClientsReachS3WithCredentialsFromTheContainerEndpoint() {
        int before = stack.stack().credentials().requests();
        // Built like a handler builds it in Lambda: no endpoint, no keys, no region in code.
        try (S3Client s3 = S3Client.create()) {
            assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("ontwikkelplein-sitebucket")));
        }
        var credentials = ContainerCredentialsProvider.builder().build().resolveCredentials();
        assertEquals(LocalConfig.ACCESS_KEY, credentials.accessKeyId());
        assertTrue(stack.stack().credentials().requests() > before, "the endpoint was asked");
    }

    @Test
    void theCredentialsEndpointWantsItsToken() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(stack.stack().credentials().fullUri());
        assertEquals(403, http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(403, http.send(HttpRequest.newBuilder(uri).header("Authorization", "wrong").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(uri).header("Authorization", stack.stack().credentials().authorizationToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("\"AccessKeyId\":\"" + LocalConfig.ACCESS_KEY + "\""), ok.body());
    }

    @Test
    void serversListenOnLoopbackOnly() throws IOException {
        LocalConfig config = stack.config();
        int credentialsPort = URI.create(stack.stack().credentials().fullUri()).getPort();
        for (int port : List.of(config.s3Port(), config.httpPort(), credentialsPort)) {
            assertTrue(connects(InetAddress.getLoopbackAddress(), port), "port " + port + " on loopback");
            for (InetAddress other : nonLoopbackAddresses()) {
                assertFalse(connects(other, port), "port " + port + " must not be reachable on " + other);
            }
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .toList();
    }
}
