package nl.ontwikkelplein.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching from partners' servers: only public https addresses, within one deadline and a size cap, on a real HTTP server. */
class FeedFetcherTest {
    private HttpServer server;
    private String base;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.csv", e -> send(e, 200, "external_id,title\nA,B\n"));
        server.createContext("/groot", e -> {
            e.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse it by
            try (OutputStream out = e.getResponseBody()) {
                byte[] kb = new byte[1024];
                for (int i = 0; i < 2048; i++) out.write(kb);
            } catch (IOException closedByUs) {
                // the fetcher stops reading at its cap
            }
        });
        server.createContext("/traag", e -> {
            e.sendResponseHeaders(200, 0);
            try (OutputStream out = e.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100); // a byte at a time, each well within the read timeout
                }
            } catch (IOException | InterruptedException stopped) {
                // the fetcher gave up
            }
        });
        server.createContext("/naar-metadata", e -> redirect(e, "http://169.254.169.254/latest/meta-data/iam/"));
        server.createContext("/naar-intranet", e -> redirect(e, "https://intranet.example/export.csv"));
        server.createContext("/naar-bestand", e -> redirect(e, "file:///etc/passwd"));
        server.createContext("/rondje", e -> redirect(e, "/rondje"));
        server.createContext("/weg", e -> send(e, 404, "niet hier"));
        server.createContext("/", e -> {
            requests.incrementAndGet();
            send(e, 200, "iets");
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() { server.stop(0); }

    private static void send(HttpExchange e, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.sendResponseHeaders(status, bytes.length);
        e.getResponseBody().write(bytes);
        e.close();
    }

    private static void redirect(HttpExchange e, String to) throws IOException {
        e.getResponseHeaders().set("Location", to);
        e.sendResponseHeaders(302, -1);
        e.close();
    }

    private static final FeedFetcher.Resolver FAKE_DNS = host -> switch (host) {
        case "intranet.example" -> new InetAddress[] {InetAddress.getByName("10.1.2.3")};
        case "partner.example" -> new InetAddress[] {InetAddress.getByName("93.184.215.14")};
        case "tweeslachtig.example" -> new InetAddress[] {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("192.168.0.7")};
        default -> InetAddress.getAllByName(host);
    };

    private FeedFetcher local() { return new FeedFetcher(new FeedFetcher.Policy(true), FAKE_DNS, Duration.ofSeconds(5)); }

    private FeedFetcher strict() { return new FeedFetcher(FeedFetcher.Policy.STRICT, FAKE_DNS, Duration.ofSeconds(5)); }

    private static String refusal(FeedFetcher f, String url) {
        return assertThrows(IOException.class, () -> f.fetch(URI.create(url), 1 << 20), url).getMessage();
    }

    @Test
    void theLocalRunFetchesFromThisMachineOverPlainHttp() throws IOException {
        assertArrayEquals("external_id,title\nA,B\n".getBytes(StandardCharsets.UTF_8), local().fetch(URI.create(base + "/feed.csv"), 1 << 20));
    }

    @Test
    void aServerThatRefusesTheConnectionIsNamedByItsHostAndTheKindOfFailure() throws IOException {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) { closed = socket.getLocalPort(); }
        String message = refusal(local(), "http://127.0.0.1:" + closed + "/feed.csv?key=geheim");
        assertEquals("de verbinding met http://127.0.0.1:" + closed + " mislukte (ConnectException)", message);
    }

    @Test
    void inLambdaNothingOnThisMachineIsReachableEvenIfTheConfigurationAsksForIt() {
        assertTrue(refusal(strict(), base + "/feed.csv").contains("geen openbaar adres"));
        assertEquals(0, requests.get());
        assertEquals(FeedFetcher.Policy.STRICT, FeedFetcher.Policy.fromEnvironment(Map.of()));
        assertEquals(new FeedFetcher.Policy(true), FeedFetcher.Policy.fromEnvironment(Map.of("IMPORT_LOOPBACK_FEEDS", "true")));
        assertEquals(FeedFetcher.Policy.STRICT, FeedFetcher.Policy.fromEnvironment(Map.of("IMPORT_LOOPBACK_FEEDS", "true", "AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")),
                "inside Lambda the runtime API listens on loopback: never");
    }

    @Test
    void privateLinkLocalAndOtherNonPublicAddressesAreRefusedBeforeAnythingIsSent() {
        for (String url : List.of("https://10.0.0.1/a", "https://172.16.5.4/a", "https://192.168.1.1/a", "https://169.254.169.254/latest/meta-data/",
                "https://100.64.0.1/a", "https://0.0.0.0/a", "https://[::1]/a", "https://[fd00:ec2::254]/a", "https://[fe80::1]/a",
                "https://[::ffff:10.0.0.1]/a", "https://[::ffff:127.0.0.1]/a", "https://224.0.0.1/a", "https://255.255.255.255/a",
                "https://intranet.example/a", "https://tweeslachtig.example/a"))
            assertTrue(refusal(strict(), url).contains("geen openbaar adres"), url);
        assertTrue(FeedFetcher.isPublic(addr("93.184.215.14")));
        assertTrue(FeedFetcher.isPublic(addr("2606:2800:21f:cb07:6820:80da:af6b:8b2c")));
        assertFalse(FeedFetcher.isPublic(addr("64:ff9b::a00:1")), "NAT64 of 10.0.0.1");
    }

    private static InetAddress addr(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void onlyHttpsLeavesThisMachine() {
        assertTrue(refusal(strict(), "http://partner.example/feed.csv").contains("alleen https"));
        assertTrue(refusal(local(), "http://partner.example/feed.csv").contains("alleen https"), "plain http only to loopback, even locally");
        assertTrue(refusal(strict(), "ftp://partner.example/feed.csv").contains("geen webadres"));
        assertTrue(refusal(strict(), "https:///feed.csv").contains("geen webadres"));
        assertTrue(refusal(strict(), "https://bestaat-niet.invalid/feed.csv").contains("niet te vinden"));
    }

    @Test
    void everyRedirectIsCheckedAsTheFirstAddressWas() {
        assertTrue(refusal(local(), base + "/naar-metadata").contains("geen openbaar adres: http://169.254.169.254"));
        assertTrue(refusal(local(), base + "/naar-intranet").contains("geen openbaar adres: https://intranet.example"));
        assertTrue(refusal(local(), base + "/naar-bestand").contains("geen webadres"));
        assertTrue(refusal(local(), base + "/rondje").contains("te veel doorverwijzingen"));
        assertTrue(refusal(local(), base + "/weg").contains("HTTP 404"));
    }

    @Test
    void aFeedOverItsCapOrSlowerThanTheDeadlineIsStoppedAndNamedWithoutItsPathOrQuery() {
        String big = refusal(local(), base + "/groot?key=geheim-123");
        assertTrue(big.contains("groter dan"), big);
        FeedFetcher impatient = new FeedFetcher(new FeedFetcher.Policy(true), FAKE_DNS, Duration.ofMillis(1500));
        long t0 = System.nanoTime();
        String slow = assertThrows(IOException.class, () -> impatient.fetch(URI.create(base + "/traag?token=geheim-456"), 1 << 20)).getMessage();
        assertTrue(slow.contains("duurde langer dan"), slow);
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "one deadline for the whole download, not per read");
        for (String message : List.of(big, slow)) {
            assertFalse(message.contains("geheim") || message.contains("/groot") || message.contains("/traag"), message);
            assertTrue(message.contains("http://127.0.0.1:"), message);
        }
        assertEquals("https://partner.example:8443", FeedFetcher.host(URI.create("https://user:pass@partner.example:8443/x?key=1")));
    }
}
