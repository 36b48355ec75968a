package nl.ontwikkelplein.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real template on the real stack: a request to each of its routes reaches an instance of the
 * handler class the template names for that route. Needs the real handlers on the classpath.
 */
@LocalStackTest
class RealTemplateRoutingTest {

    static TestStack stack;

    @Test
    void everyRouteReachesTheHandlerTheTemplateNames() {
        List<String> reached = new CopyOnWriteArrayList<>();
        stack.stack().functions().addInvocationListener((function, handler, event) ->
                reached.add(function.logicalId() + " " + handler.getClass().getName()));
        List<Executable> checks = new ArrayList<>();
        for (HttpRoute route : stack.stack().template().routes()) {
            checks.add(() -> {
                reached.clear();
                String path = route.path().replaceAll("\\{[^}/]+\\+}", "a/b").replaceAll("\\{([^}/]+)}", "sample-$1");
                String method = route.method().equals("ANY") ? "GET" : route.method();
                HttpRequest.BodyPublisher body = method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}");
                var response = stack.send(HttpRequest.newBuilder(URI.create(stack.url(path)))
                        .header("Content-Type", "application/json").method(method, body));
                FunctionSpec function = stack.stack().template().function(route.functionId()).orElseThrow();
                assertEquals(List.of(function.logicalId() + " " + function.handlerClass()), reached,
                        route.routeKey() + " answered " + response.statusCode() + " " + response.body());
                assertTrue(response.statusCode() != 404 || !response.body().equals("{\"message\":\"Not Found\"}"),
                        route.routeKey() + " was not routed");
            });
        }
        assertAll(checks);
    }

    @Test
    void aPathOutsideTheTemplateIsNotFound() throws Exception {
        var response = stack.get("/api/does-not-exist");
        assertEquals(404, response.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", response.body());
    }

    @Test
    void aMissingPageGetsTheSitesDutchNotFoundPageFromTheApi() throws Exception {
        for (String path : List.of("/aanbod/bestaat-niet/", "/aanbod/bestaat-niet", "/oud.html", "/a/b/c/?q=1")) {
            var response = stack.get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.body().contains("Deze pagina bestaat niet</h1>"), path + ": " + response.body());
            assertTrue(response.body().contains("name=\"viewport\""), path);
            assertEquals("text/html; charset=utf-8", response.headers().firstValue("content-type").orElse(""), path);
            assertEquals("public, max-age=60", response.headers().firstValue("cache-control").orElse(""), path);
            assertTrue(response.headers().firstValue("content-security-policy").orElse("").contains("default-src 'none'"), path);
        }
        var head = stack.send(HttpRequest.newBuilder(URI.create(stack.url("/aanbod/bestaat-niet/")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(404, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void anExistingPageIsServedFromTheBucketNotTheFailover() throws Exception {
        stack.stack().s3().putObject(b -> b.bucket(stack.stack().template().siteBucketName()).key("er-is/index.html")
                .contentType("text/html; charset=utf-8"), software.amazon.awssdk.core.sync.RequestBody.fromString("<h1>Hier</h1>"));
        var response = stack.get("/er-is/");
        assertEquals(200, response.statusCode());
        assertEquals("<h1>Hier</h1>", response.body());
    }

    @Test
    void siteAnswersCarryTheDistributionsSecurityHeadersOnce() throws Exception {
        stack.stack().s3().putObject(b -> b.bucket(stack.stack().template().siteBucketName()).key("kop/index.html")
                .contentType("text/html; charset=utf-8"), software.amazon.awssdk.core.sync.RequestBody.fromString("<h1>Kop</h1>"));
        for (String path : List.of("/kop/", "/bestaat-niet/")) { // from the bucket, and the failover's page from the API
            var response = stack.get(path);
            assertEquals(List.of("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
                    response.headers().allValues("content-security-policy"), path);
            assertEquals(List.of("DENY"), response.headers().allValues("x-frame-options"), path);
            assertEquals(List.of("nosniff"), response.headers().allValues("x-content-type-options"), path);
            assertEquals(List.of("strict-origin-when-cross-origin"), response.headers().allValues("referrer-policy"), path);
            assertEquals(List.of("max-age=31536000; includeSubDomains"), response.headers().allValues("strict-transport-security"), path);
        }
        // The API behaviour has no policy: the API's own headers only.
        assertTrue(stack.get("/api/health").headers().allValues("x-frame-options").isEmpty());
    }
}
