package nl.ontwikkelplein.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one local address, standing in for CloudFront: {@code /api/*} goes to the HTTP API (route
 * table from the template, payload format 2.0), {@code /_local/*} to the local-only endpoints,
 * everything else to the site bucket, and a page the bucket lacks to the distribution's failover
 * origin (the API's not-found route). Listens on 127.0.0.1 only.
 */
public final class HttpFront implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());
    /** API Gateway HTTP APIs refuse larger request payloads. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** A synchronous Lambda invocation carries at most 6 MB of event; larger events cannot be invoked. */
    static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;
    private static final int THREADS = 64;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ApiRoutes routes;
    private final LocalFunctions functions;
    private final SiteFiles site;
    private final Optional<SiteFailover> siteFailover;
    private final LocalEndpoints local;
    private final ApiBehaviours apiBehaviours;

    HttpFront(int port, ApiRoutes routes, LocalFunctions functions, SiteFiles site, Optional<SiteFailover> siteFailover,
              LocalEndpoints local, ApiBehaviours apiBehaviours) throws IOException {
        this.apiBehaviours = apiBehaviours;
        this.routes = routes;
        this.functions = functions;
        this.site = site;
        this.siteFailover = siteFailover;
        this.local = local;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LocalConfig.HOST), port), 128);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        try {
            String rawPath = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (rawPath == null || !rawPath.startsWith("/") || !decodable(rawPath)) {
                send(exchange, 400, "text/plain; charset=utf-8", "Bad Request".getBytes(StandardCharsets.UTF_8), false);
            } else if (rawPath.equals("/api") || apiBehaviours.matches(rawPath)) {
                handleApi(exchange);
            } else if (rawPath.startsWith("/_local/")) {
                local.handle(exchange, rawPath.substring("/_local/".length()));
            } else {
                serveSite(exchange, method, rawPath);
            }
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "request " + exchange.getRequestURI() + " failed", e);
            try {
                write(exchange, ApiGatewayResponses.internalServerError(), false);
            } catch (IOException | RuntimeException ignored) {
                // headers were already sent: nothing more to tell the client
            }
        } finally {
            exchange.close();
        }
    }

    /** The bucket; for a missing object, the origin group's failover to the API, as CloudFront does. */
    private void serveSite(HttpExchange exchange, String method, String rawPath) throws IOException {
        int missing = site.serve(exchange, method, rawPath);
        if (missing == 0) {
            return;
        }
        boolean head = method.equals("HEAD");
        if (siteFailover.isEmpty() || !siteFailover.get().statusCodes().contains(missing)) {
            site.applyHeadersPolicy(exchange);
            SiteFiles.notFound(exchange, head);
            return;
        }
        // CloudFront sends the secondary origin only the cache key's parts: the (rewritten) path,
        // no query string (CachingOptimized), no body, no viewer headers but the user agent.
        FrontRequest original = FrontRequest.of(exchange, new byte[0]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of(LocalConfig.HOST + ":" + port()));
        headers.put("user-agent", List.of("Amazon CloudFront"));
        FrontRequest failover = new FrontRequest(original.method(), siteFailover.get().apiPath(SiteFiles.indexRule(rawPath)),
                "", headers, original.sourceIp(), original.protocol(), new byte[0]);
        exchange.getResponseHeaders().set("apigw-requestid", requestId());
        dispatch(exchange, failover, head, site::applyHeadersPolicy);
    }

    private void handleApi(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("apigw-requestid", requestId());
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        byte[] body = readBody(exchange);
        if (body == null) {
            exchange.getResponseHeaders().set("Connection", "close");
            write(exchange, ApiGatewayResponses.tooLarge(), head);
            return;
        }
        dispatch(exchange, FrontRequest.of(exchange, body), head, ignored -> { });
    }

    /**
     * Routes a request to its function, as API Gateway does, and writes the answer.
     *
     * @param beforeSend what CloudFront's behaviour adds to the answer (its response headers policy)
     */
    private void dispatch(HttpExchange exchange, FrontRequest request, boolean head, Consumer<HttpExchange> beforeSend) throws IOException {
        String requestId = exchange.getResponseHeaders().getFirst("apigw-requestid");
        var match = routes.match(request.method(), request.rawPath());
        if (match.isEmpty()) {
            write(exchange, ApiGatewayResponses.notFound(), head, beforeSend);
            return;
        }
        String event = ApiGatewayEvents.build(request, match.get(), requestId, Instant.now(), port());
        if (event.getBytes(StandardCharsets.UTF_8).length > MAX_EVENT_BYTES) {
            write(exchange, ApiGatewayResponses.tooLarge(), head, beforeSend);
            return;
        }
        String functionId = match.get().route().functionId();
        try {
            String response = functions.invoke(functionId, event);
            write(exchange, ApiGatewayResponses.fromFunction(response), head, beforeSend);
        } catch (FunctionError e) {
            LOG.log(Level.WARNING, functionId + " failed on " + request.method() + " " + request.rawPath() + ": "
                    + e.errorType() + ": " + e.getMessage(), e.getCause());
            write(exchange, ApiGatewayResponses.internalServerError(), head, beforeSend);
        }
    }

    /** An id in API Gateway's style (16 characters of base64, e.g. "JKJaXmPLvHcESHA="). */
    private static String requestId() {
        byte[] random = new byte[11];
        ThreadLocalRandom.current().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    /** The request body, or null when it is larger than API Gateway accepts (read no further). */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = exchange.getRequestBody()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (body.size() + read > MAX_BODY_BYTES) {
                    return null;
                }
                body.write(buffer, 0, read);
            }
        }
        return body.toByteArray();
    }

    private static boolean decodable(String rawPath) {
        try {
            PercentCoding.decode(rawPath);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void write(HttpExchange exchange, ApiGatewayResponses.Response response, boolean head) throws IOException {
        write(exchange, response, head, ignored -> { });
    }

    private static void write(HttpExchange exchange, ApiGatewayResponses.Response response, boolean head,
                              Consumer<HttpExchange> beforeSend) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        beforeSend.accept(exchange);
        sendBody(exchange, response.status(), response.body(), head);
    }

    /** Sends a complete response; for HEAD only the headers. */
    static void send(HttpExchange exchange, int status, String contentType, byte[] body, boolean head) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        sendBody(exchange, status, body, head);
    }

    private static void sendBody(HttpExchange exchange, int status, byte[] body, boolean head) throws IOException {
        // HttpServer: -1 means no body; 0 would mean "chunked, length unknown".
        boolean noBody = head || body.length == 0 || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
