package nl.ontwikkelplein.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.ontwikkelplein.domain.SiteUpdates;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The workspace's request for pages: an asynchronous Invoke with the valid ids only, and never an error for the editor. */
class LambdaSiteUpdatesTest {
    private static LambdaClient client(int port) {
        return LambdaClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();
    }

    @Test
    void asksOnceAsynchronouslyWithTheValidIdsOnly() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        server.createContext("/", ex -> {
            seen.add(ex.getRequestURI().getPath() + " " + ex.getRequestHeaders().getFirst("X-Amz-Invocation-Type") + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(202, -1);
            ex.close();
        });
        server.start();
        try (LambdaClient lambda = client(server.getAddress().getPort())) {
            SiteUpdates updates = new LambdaSiteUpdates(lambda, "SitePublishFunction");
            updates.offersChanged(List.of("taalcafe", "\"><script>", "../x", "taalcafe"));
            updates.offersChanged(List.of("<nope>"));
            assertEquals(List.of("/2015-03-31/functions/SitePublishFunction/invocations Event {\"offerIds\":[\"taalcafe\"]}"), seen,
                    "one ask, hostile ids left out, nothing asked when nothing valid is left");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPublisherThatCannotBeReachedDoesNotFailTheSave() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) { closed = s.getLocalPort(); }
        try (LambdaClient lambda = client(closed)) {
            new LambdaSiteUpdates(lambda, "SitePublishFunction").offersChanged(List.of("taalcafe")); // logged, not thrown
        }
        assertSame(SiteUpdates.NONE, LambdaSiteUpdates.fromEnvironment(Map.of()), "without a publisher nothing is asked");
        assertTrue(LambdaSiteUpdates.fromEnvironment(Map.of("SITE_PUBLISH_FUNCTION", "  ")) == SiteUpdates.NONE);
    }
}
