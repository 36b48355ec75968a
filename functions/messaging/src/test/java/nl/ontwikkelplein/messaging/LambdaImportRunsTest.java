package nl.ontwikkelplein.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.ontwikkelplein.domain.ImportRuns;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The admin's "run now": an asynchronous Invoke of the import with the feed's id, and a plain false when it cannot be asked. */
class LambdaImportRunsTest {
    private static LambdaClient client(int port) {
        return LambdaClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();
    }

    @Test
    void asksTheImportAsynchronouslyForOneFeed() throws Exception {
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
            ImportRuns runs = new LambdaImportRuns(lambda, "ImportFunction");
            assertTrue(runs.runNow("taalhuis", false));
            assertTrue(runs.runNow("taalhuis", true));
            assertTrue(runs.removeFeed("taalhuis"));
            assertEquals(List.of("/2015-03-31/functions/ImportFunction/invocations Event {\"feeds\":[\"taalhuis\"]}",
                    "/2015-03-31/functions/ImportFunction/invocations Event {\"confirmShrink\":[\"taalhuis\"]}",
                    "/2015-03-31/functions/ImportFunction/invocations Event {\"removeFeeds\":[\"taalhuis\"]}"), seen);
            assertThrows(IllegalArgumentException.class, () -> runs.runNow("\"]}, {\"x", false), "a hostile id never reaches the event");
            assertThrows(IllegalArgumentException.class, () -> runs.removeFeed("../x"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anImportThatCannotBeReachedSaysSo() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) { closed = s.getLocalPort(); }
        try (LambdaClient lambda = client(closed)) {
            assertFalse(new LambdaImportRuns(lambda, "ImportFunction").runNow("taalhuis", false));
            assertFalse(new LambdaImportRuns(lambda, "ImportFunction").removeFeed("taalhuis"));
        }
        assertSame(ImportRuns.NONE, LambdaImportRuns.fromEnvironment(Map.of()));
    }
}
