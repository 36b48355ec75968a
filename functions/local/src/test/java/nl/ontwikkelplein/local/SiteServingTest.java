package nl.ontwikkelplein.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Everything outside /api and /_local comes from the site bucket, as CloudFront would serve it. */
@LocalStackTest(LocalStackTest.Template.TEST)
class SiteServingTest {

    static final String BUCKET = "ontwikkelplein-sitebucket";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff};

    static TestStack stack;

    @BeforeAll
    static void start() throws Exception {
        put("index.html", "text/html; charset=utf-8", "public, max-age=60", "<h1>Ontwikkelplein</h1>".getBytes());
        put("x/index.html", "text/html; charset=utf-8", "public, max-age=60", "<h1>Aanbod x</h1>".getBytes());
        put("aanbod/klik tik/index.html", "text/html; charset=utf-8", null, "<h1>Klik &amp; Tik</h1>".getBytes());
        put("assets/site.css", "text/css; charset=utf-8", "public, max-age=31536000, immutable", "body{}".getBytes());
        put("assets/logo.png", "image/png", null, PNG);
    }

    private static void put(String key, String contentType, String cacheControl, byte[] body) {
        stack.stack().s3().putObject(b -> b.bucket(BUCKET).key(key).contentType(contentType).cacheControl(cacheControl),
                RequestBody.fromBytes(body));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void directoryPathServesItsIndexWithTypeAndCacheControl() throws Exception {
        HttpResponse<String> response = stack.get("/x/");
        assertEquals(200, response.statusCode());
        assertEquals("<h1>Aanbod x</h1>", response.body());
        assertEquals("text/html;charset=utf-8", header(response, "content-type").replace("; ", ";"));
        assertEquals("public, max-age=60", header(response, "cache-control"));
        assertTrue(header(response, "etag") != null && header(response, "last-modified") != null);
    }

    @Test
    void theCloudFrontFunctionsRule() throws Exception {
        assertEquals("<h1>Aanbod x</h1>", stack.get("/x").body());              // no dot in the last segment: + /index.html
        assertEquals("<h1>Ontwikkelplein</h1>", stack.get("/").body());         // '/' + index.html
        assertEquals("<h1>Klik &amp; Tik</h1>", stack.get("/aanbod/klik%20tik/").body()); // keys are decoded
        HttpResponse<String> css = stack.get("/assets/site.css");               // a dot: served as is
        assertEquals("body{}", css.body());
        assertEquals("public, max-age=31536000, immutable", header(css, "cache-control"));
    }

    @Test
    void binaryObjectsAreServedByteForByte() throws Exception {
        HttpResponse<byte[]> png = stack.sendForBytes(HttpRequest.newBuilder(URI.create(stack.url("/assets/logo.png"))).GET());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", header(png, "content-type"));
        assertArrayEquals(PNG, png.body());
    }

    @Test
    void headGivesHeadersWithoutBody() throws Exception {
        HttpResponse<String> head = stack.send(HttpRequest.newBuilder(URI.create(stack.url("/x/")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals("public, max-age=60", header(head, "cache-control"));
        assertEquals(String.valueOf("<h1>Aanbod x</h1>".length()), header(head, "content-length"));
    }

    @Test
    void missingPagesGetTheDutchNotFoundPage() throws Exception {
        for (String path : new String[]{"/bestaat-niet/", "/bestaat-niet", "/x/y.html", "/assets/nope.css"}) {
            HttpResponse<String> response = stack.get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.body().contains("Deze pagina bestaat niet. Ga naar de <a href=\"/\">startpagina</a>."), path);
            assertEquals("text/html; charset=utf-8", header(response, "content-type"));
        }
        HttpResponse<String> head = stack.send(HttpRequest.newBuilder(URI.create(stack.url("/bestaat-niet/")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(404, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void onlyGetAndHead() throws Exception {
        HttpResponse<String> post = stack.post("/x/", "text/plain", "hallo");
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", header(post, "allow"));
        HttpResponse<String> delete = stack.send(HttpRequest.newBuilder(URI.create(stack.url("/x/"))).DELETE());
        assertEquals(405, delete.statusCode());
        assertEquals("<h1>Aanbod x</h1>", stack.get("/x/").body(), "still there");
    }
}
