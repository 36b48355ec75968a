package nl.ontwikkelplein.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.ontwikkelplein.local.fixtures.BarrierHandler;
import nl.ontwikkelplein.local.fixtures.EchoHandler;
import nl.ontwikkelplein.local.fixtures.EnvHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP front with the test template: routing, the payload 2.0 event, and the response mapping. */
@LocalStackTest(LocalStackTest.Template.TEST)
class HttpFrontTest {

    static TestStack stack;

    @BeforeEach
    void clear() {
        EchoHandler.EVENTS.clear();
        EchoHandler.CONTEXTS.clear();
    }

    private static APIGatewayV2HTTPEvent onlyEvent() {
        assertEquals(1, EchoHandler.EVENTS.size());
        return EchoHandler.EVENTS.get(0);
    }

    @Test
    void everyRouteOfTheTestTemplateReachesItsHandler() throws Exception {
        Map<String, String> expectedHandler = Map.of(
                "EchoFunction", "nl.ontwikkelplein.local.fixtures.EchoHandler",
                "SpecialFunction", "nl.ontwikkelplein.local.fixtures.SpecialHandler",
                "FailingFunction", "nl.ontwikkelplein.local.fixtures.FailingHandler",
                "BarrierFunction", "nl.ontwikkelplein.local.fixtures.BarrierHandler",
                "EnvFunction", "nl.ontwikkelplein.local.fixtures.EnvHandler");
        List<String> reached = new java.util.concurrent.CopyOnWriteArrayList<>();
        LocalFunctions.InvocationListener listener = (function, handler, event) ->
                reached.add(function.logicalId() + " " + handler.getClass().getName());
        stack.stack().functions().addInvocationListener(listener);
        try {
            for (HttpRoute route : stack.stack().template().routes()) {
                reached.clear();
                String path = route.path().replaceAll("\\{[^}/]+\\+}", "a/b").replaceAll("\\{([^}/]+)}", "x-$1");
                String method = route.method().equals("ANY") ? "PATCH" : route.method();
                stack.send(HttpRequest.newBuilder(URI.create(stack.url(path))).method(method, HttpRequest.BodyPublishers.noBody()));
                assertEquals(List.of(route.functionId() + " " + expectedHandler.get(route.functionId())), reached, route.routeKey());
            }
        } finally {
            stack.stack().functions().removeInvocationListener(listener);
        }
    }

    @Test
    void structuredResponseBecomesStatusHeadersCookiesAndBody() throws Exception {
        HttpResponse<String> response = stack.get("/api/health");
        assertEquals(200, response.statusCode());
        assertEquals("echo GET /api/health", response.body());
        assertEquals("text/plain; charset=utf-8", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("EchoHandler", response.headers().firstValue("x-handler").orElseThrow());
        assertEquals(List.of("one", "two"), response.headers().allValues("x-multi"));
        assertEquals(List.of("a=1; Path=/", "b=2"), response.headers().allValues("set-cookie"));
        assertTrue(response.headers().firstValue("apigw-requestid").isPresent());
        assertEquals(201, stack.get("/api/offers/created").statusCode());
    }

    @Test
    void getEventLooksLikeApiGatewayPayload2() throws Exception {
        long before = System.currentTimeMillis();
        stack.send(HttpRequest.newBuilder(URI.create(stack.url("/api/offers/o%2041?b=2&a=1&a=3&q=a+b%26c")))
                .header("X-Repeat", "1").header("X-Repeat", "2")
                .header("Cookie", "c1=v1; c2=v2")
                .header("User-Agent", "test-agent/1.0")
                .GET());
        APIGatewayV2HTTPEvent event = onlyEvent();
        assertEquals("2.0", event.getVersion());
        assertEquals("GET /api/offers/{offerId}", event.getRouteKey());
        assertEquals("/api/offers/o 41", event.getRawPath());
        assertEquals("b=2&a=1&a=3&q=a+b%26c", event.getRawQueryString());
        assertEquals(Map.of("b", "2", "a", "1,3", "q", "a b&c"), event.getQueryStringParameters());
        assertEquals(Map.of("offerId", "o 41"), event.getPathParameters());
        assertEquals(List.of("c1=v1", "c2=v2"), event.getCookies());
        assertEquals("1,2", event.getHeaders().get("x-repeat"));
        assertFalse(event.getHeaders().containsKey("cookie"));
        assertTrue(event.getHeaders().keySet().stream().allMatch(name -> name.equals(name.toLowerCase())));
        assertEquals("127.0.0.1", event.getHeaders().get("x-forwarded-for"));
        assertNull(event.getBody());
        assertFalse(event.getIsBase64Encoded());
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertEquals("GET", context.getHttp().getMethod());
        assertEquals("/api/offers/o 41", context.getHttp().getPath());
        assertEquals("HTTP/1.1", context.getHttp().getProtocol());
        assertEquals("127.0.0.1", context.getHttp().getSourceIp());
        assertEquals("test-agent/1.0", context.getHttp().getUserAgent());
        assertEquals("GET /api/offers/{offerId}", context.getRouteKey());
        assertEquals("$default", context.getStage());
        assertNotNull(context.getRequestId());
        assertTrue(context.getTimeEpoch() >= before && context.getTimeEpoch() <= System.currentTimeMillis());
        assertTrue(context.getTime().matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000"), context.getTime());
    }

    @Test
    void textBodiesArePlainOthersBase64() throws Exception {
        stack.post("/api/offers/o1/sessions/s1/enrolments", "application/json", "{\"name\":\"Anna\"}");
        APIGatewayV2HTTPEvent json = onlyEvent();
        assertEquals("POST /api/offers/{offerId}/sessions/{sessionId}/enrolments", json.getRouteKey());
        assertEquals(Map.of("offerId", "o1", "sessionId", "s1"), json.getPathParameters());
        assertEquals("{\"name\":\"Anna\"}", json.getBody());
        assertFalse(json.getIsBase64Encoded());

        clear();
        stack.post("/api/offers/o1/sessions/s1/enrolments", "application/x-www-form-urlencoded", "name=Anna+de+Vries&phone=0612345678");
        assertEquals("name=Anna+de+Vries&phone=0612345678", onlyEvent().getBody());
        assertFalse(onlyEvent().getIsBase64Encoded());

        clear();
        byte[] binary = {0, 1, 2, (byte) 0xff};
        stack.send(HttpRequest.newBuilder(URI.create(stack.url("/api/offers/o1"))).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(binary)));
        assertTrue(onlyEvent().getIsBase64Encoded());
        assertArrayEquals(binary, Base64.getDecoder().decode(onlyEvent().getBody()));
    }

    @Test
    void literalRouteBeatsParameterRouteAndPlainJsonIsPassedThrough() throws Exception {
        HttpResponse<String> response = stack.get("/api/offers/special");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertEquals("special", body.get("handler").asText());
        assertEquals("GET /api/offers/special", body.get("routeKey").asText());
        assertTrue(EchoHandler.EVENTS.isEmpty());
    }

    @Test
    void greedyAndAnyRoutes() throws Exception {
        stack.get("/api/files/a/b/c.txt");
        assertEquals(Map.of("proxy", "a/b/c.txt"), onlyEvent().getPathParameters());
        assertEquals("GET /api/files/{proxy+}", onlyEvent().getRouteKey());
        clear();
        stack.send(HttpRequest.newBuilder(URI.create(stack.url("/api/any"))).DELETE());
        assertEquals("ANY /api/any", onlyEvent().getRouteKey());
        assertEquals("DELETE", onlyEvent().getRequestContext().getHttp().getMethod());
    }

    @Test
    void base64ResponseBodyIsDecoded() throws Exception {
        HttpResponse<byte[]> response = stack.sendForBytes(HttpRequest.newBuilder(URI.create(stack.url("/api/offers/binary"))).GET());
        assertEquals("image/png", response.headers().firstValue("content-type").orElseThrow());
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0}, response.body());
    }

    @Test
    void unmatchedRoutesAreNotFoundLikeApiGateway() throws Exception {
        for (String path : List.of("/api/nope", "/api/health/", "/api", "/api/offers/o1/sessions")) {
            HttpResponse<String> response = stack.get(path);
            assertEquals(404, response.statusCode(), path);
            assertEquals("{\"message\":\"Not Found\"}", response.body(), path);
            assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        }
        HttpResponse<String> wrongMethod = stack.post("/api/health", "application/json", "{}");
        assertEquals(404, wrongMethod.statusCode());
        assertTrue(EchoHandler.EVENTS.isEmpty());
    }

    @Test
    void handlerErrorsAndTimeoutsAreInternalServerErrors() throws Exception {
        HttpResponse<String> failed = stack.get("/api/fail");
        assertEquals(500, failed.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", failed.body());
        long start = System.nanoTime();
        HttpResponse<String> slow = stack.get("/api/slow"); // Timeout: 1 in the template, handler sleeps 3 s
        assertEquals(500, slow.statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2_500, "answered after the function's timeout");
    }

    @Test
    void concurrentRequestsRunSideBySideEachInAnInstanceOfItsOwn() throws Exception {
        BarrierHandler.barrier = new java.util.concurrent.CyclicBarrier(BarrierHandler.PARTIES);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(BarrierHandler.PARTIES);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < BarrierHandler.PARTIES; i++) answers.add(pool.submit(() -> stack.get("/api/barrier")));
            for (var answer : answers) {
                HttpResponse<String> response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), "all " + BarrierHandler.PARTIES + " were inside the function at once: " + response.body());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(BarrierHandler.INSTANCES.size() >= BarrierHandler.PARTIES, "one handler instance per concurrent invocation, as Lambda");
        int environments = stack.stack().functions().environments("BarrierFunction");
        assertEquals(BarrierHandler.INSTANCES.size(), environments);
        assertEquals(0, BarrierHandler.OVERLAPS.get(), "an instance never serves two invocations at once");

        // Sequential requests reuse the warm instances instead of starting new ones.
        BarrierHandler.barrier = new java.util.concurrent.CyclicBarrier(1);
        for (int i = 0; i < 3; i++) assertEquals(200, stack.get("/api/barrier").statusCode());
        assertEquals(environments, stack.stack().functions().environments("BarrierFunction"));
    }

    @Test
    void aFunctionWithReservedConcurrencyOfOneRunsOneInvocationAtATime() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) answers.add(pool.submit(() -> stack.stack().functions().invoke("OneAtATimeFunction", "{}")));
            for (var answer : answers) assertEquals("\"done\"", answer.get(30, java.util.concurrent.TimeUnit.SECONDS), "each waited its turn");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, nl.ontwikkelplein.local.fixtures.OneAtATimeHandler.MOST_INSIDE.get());
        assertEquals(1, stack.stack().functions().environments("OneAtATimeFunction"));
    }

    @Test
    void handlerGetsItsEnvironmentOnceAndAContext() throws Exception {
        int before = EnvHandler.instances;
        HttpResponse<String> first = stack.get("/api/env");
        stack.get("/api/env");
        JsonNode env = new ObjectMapper().readTree(first.body());
        assertEquals("TestTable", env.get("TEST_TABLE").asText());
        assertEquals("ontwikkelplein-sitebucket", env.get("SITE_BUCKET").asText());
        assertTrue(EnvHandler.instances - before <= 1, "one warm instance serves both requests");

        stack.get("/api/health");
        Context context = EchoHandler.CONTEXTS.get(0);
        assertEquals("EchoFunction", context.getFunctionName());
        assertEquals(512, context.getMemoryLimitInMB());
        assertTrue(context.getRemainingTimeInMillis() <= 10_000);
        assertNotNull(context.getAwsRequestId());
    }

    @Test
    void eventSurvivesUtf8() throws Exception {
        stack.post("/api/offers/o1/sessions/s1/enrolments", "application/json; charset=utf-8", "{\"name\":\"Zoë Ünal\"}");
        assertEquals("{\"name\":\"Zoë Ünal\"}", onlyEvent().getBody());
        assertEquals("{\"name\":\"Zoë Ünal\"}".getBytes(StandardCharsets.UTF_8).length, onlyEvent().getBody().getBytes(StandardCharsets.UTF_8).length);
    }
}
