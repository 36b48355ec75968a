package nl.ontwikkelplein.local;

import nl.ontwikkelplein.local.fixtures.EchoHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests nobody should send: too large, unknown, or reaching for files outside the bucket. */
@LocalStackTest(LocalStackTest.Template.TEST)
class HostileInputTest {

    static final String SECRET = "GEHEIM-" + System.nanoTime();

    static TestStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack.stack().s3().putObject(b -> b.bucket("ontwikkelplein-sitebucket").key("x/index.html").contentType("text/html"),
                RequestBody.fromString("<p>x</p>"));
        // Files next to and above the bucket's directory (data/s3/ontwikkelplein-sitebucket/).
        Files.writeString(stack.config().dataDir().resolve("s3").resolve("secret.txt"), SECRET);
        Files.writeString(stack.config().dataDir().resolve("secret.txt"), SECRET);
        Files.createDirectories(stack.config().dataDir().resolve("s3").resolve("other-bucket"));
        Files.writeString(stack.config().dataDir().resolve("s3").resolve("other-bucket").resolve("secret.txt"), SECRET);
    }

    @BeforeEach
    void clear() {
        EchoHandler.EVENTS.clear();
    }

    @Test
    void declaredOversizedBodyIsRefusedWithoutReadingIt() throws Exception {
        TestStack.RawResponse response = stack.raw("POST /api/offers/o1/sessions/s1/enrolments HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + (HttpFront.MAX_BODY_BYTES + 1) + "\r\n", "{}".getBytes());
        assertEquals(413, response.status(), response.head());
        assertTrue(response.body().contains("Request Entity Too Large"));
        assertTrue(EchoHandler.EVENTS.isEmpty());
    }

    @Test
    void oversizedBodyWithoutLengthIsRefusedAfterTheLimit() throws Exception {
        byte[] big = new byte[HttpFront.MAX_BODY_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        // ofInputStream has no known length: sent chunked, so only counting can catch it.
        HttpResponse<String> response = stack.send(HttpRequest.newBuilder(URI.create(stack.url("/api/offers/o1/sessions/s1/enrolments")))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertEquals(413, response.statusCode());
        assertTrue(EchoHandler.EVENTS.isEmpty());
    }

    @Test
    void eventsLargerThanLambdaAcceptsAreRefused() throws Exception {
        String sevenMegabytes = "a".repeat(7 * 1024 * 1024);
        assertEquals(413, stack.post("/api/offers/o1/sessions/s1/enrolments", "text/plain", sevenMegabytes).statusCode());
        assertTrue(EchoHandler.EVENTS.isEmpty());
        String oneMegabyte = "a".repeat(1024 * 1024);
        assertEquals(200, stack.post("/api/offers/o1/sessions/s1/enrolments", "text/plain", oneMegabyte).statusCode());
        assertEquals(oneMegabyte.length(), EchoHandler.EVENTS.get(0).getBody().length());
    }

    @Test
    void unknownApiRoutesAreNotFound() throws Exception {
        for (String path : List.of("/api/../api/health", "/api/%2e%2e/health", "/api/health%00", "/api/offers/a/b/c/d/e/f")) {
            TestStack.RawResponse response = stack.raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n", new byte[0]);
            assertEquals(404, response.status(), path);
            assertEquals("{\"message\":\"Not Found\"}", response.body(), path);
        }
        assertTrue(EchoHandler.EVENTS.isEmpty());
    }

    @Test
    void pathTraversalNeverLeavesTheBucket() throws Exception {
        List<String> attempts = List.of(
                "/../secret.txt", "/../../secret.txt", "/../../etc/passwd", "/x/../../secret.txt",
                "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/secret.txt", "/.%2e/secret.txt", "/..%2fsecret.txt",
                "/x/%2e%2e%2f%2e%2e%2fsecret.txt", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/..%5csecret.txt",
                "/x/..%5c..%5csecret.txt", "/..%2fother-bucket%2fsecret.txt", "/%2e%2e/other-bucket/secret.txt",
                "/other-bucket/secret.txt", "/%00secret.txt", "/x/%0a");
        for (String path : attempts) {
            TestStack.RawResponse response = stack.raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n", new byte[0]);
            assertFalse(response.body().contains(SECRET), path + " leaked a file outside the bucket");
            assertFalse(response.body().contains("root:"), path + " leaked /etc/passwd");
            assertNotEquals(200, response.status(), path);
        }
        // Dot segments and empty segments inside the bucket are refused too: S3 keys are literal,
        // and the filesystem store would otherwise resolve them as paths.
        for (String path : List.of("/./x/index.html", "/%2e/x/", "/x//index.html", "//x/index.html")) {
            assertEquals(404, stack.raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n", new byte[0]).status(), path);
        }
        assertEquals(200, stack.get("/x/").statusCode(), "the guard leaves normal paths alone");
    }

    @Test
    void malformedEscapesAreBadRequests() throws Exception {
        assertEquals(400, stack.raw("GET /%zz HTTP/1.1\r\nHost: localhost\r\n", new byte[0]).status());
        assertEquals(400, stack.raw("GET /api/offers/%e HTTP/1.1\r\nHost: localhost\r\n", new byte[0]).status());
    }

    @Test
    void feedsCannotReachOtherFiles() throws Exception {
        for (String path : List.of("/_local/feeds/../../logback.xml", "/_local/feeds/..%2flogback.xml", "/_local/feeds/%2e%2e%2flogback.xml",
                "/_local/feeds/.hidden", "/_local/feeds/")) {
            TestStack.RawResponse response = stack.raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n", new byte[0]);
            assertNotEquals(200, response.status(), path);
            assertFalse(response.body().contains("<configuration>"), path);
        }
    }

    @Test
    void objectKeyRule() {
        assertEquals(Optional.of("index.html"), SiteFiles.objectKey("/"));
        assertEquals(Optional.of("aanbod/o1/index.html"), SiteFiles.objectKey("/aanbod/o1/"));
        assertEquals(Optional.of("aanbod/o1/index.html"), SiteFiles.objectKey("/aanbod/o1"));
        assertEquals(Optional.of("assets/site.css"), SiteFiles.objectKey("/assets/site.css"));
        assertEquals(Optional.of("a b/index.html"), SiteFiles.objectKey("/a%20b/"));
        for (String hostile : List.of("/..", "/../x", "/a/./b", "/a//b", "/%2e%2e/x", "/a%5cb", "/a%00", "/%zz")) {
            assertEquals(Optional.empty(), SiteFiles.objectKey(hostile), hostile);
        }
        assertTrue(new String(SiteFiles.NOT_FOUND_PAGE.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("lang=\"nl\""));
    }
}
