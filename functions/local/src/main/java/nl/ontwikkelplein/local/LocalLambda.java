package nl.ontwikkelplein.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Invoke API for functions that call other functions, on a loopback port: the
 * functions' unchanged {@code LambdaClient} reaches it through the SDK's endpoint property
 * ({@code aws.endpointUrlLambda}, {@link LocalSdk}).
 * {@code POST /2015-03-31/functions/{FunctionName}/invocations}, the name being the logical id
 * or its ARN (as {@code !Ref} and {@code !GetAtt …Arn} give them locally):
 * <ul>
 *   <li>{@code X-Amz-Invocation-Type: Event}: 202 at once, the function runs in the background
 *   (Lambda would retry a failed event twice; here it is logged);</li>
 *   <li>{@code RequestResponse} (the default): 200 with the function's response, or with
 *   {@code X-Amz-Function-Error: Unhandled} and the error;</li>
 *   <li>{@code DryRun}: 204.</li>
 * </ul>
 */
public final class LocalLambda implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LocalLambda.class.getName());
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
    /** Lambda's limit for an asynchronous event; a synchronous one may be 6 MB. */
    static final int MAX_EVENT_BYTES = 256 * 1024;
    static final int MAX_REQUEST_BYTES = 6 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService events = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "local-lambda-event");
        t.setDaemon(true);
        return t;
    });
    private volatile LocalFunctions functions;

    private LocalLambda(HttpServer server) { this.server = server; }

    /** Listens at once (so the endpoint can be configured before the functions exist); answers 503 until {@link #serve}. */
    public static LocalLambda start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LocalConfig.HOST), 0), 16);
        LocalLambda lambda = new LocalLambda(server);
        server.createContext("/", lambda::handle);
        server.start();
        return lambda;
    }

    void serve(LocalFunctions functions) { this.functions = functions; }

    /** The endpoint, for {@code aws.endpointUrlLambda}. */
    public String url() { return "http://" + LocalConfig.HOST + ":" + server.getAddress().getPort(); }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = INVOKE.matcher(exchange.getRequestURI().getPath());
            if (!m.matches() || !"POST".equals(exchange.getRequestMethod())) {
                error(exchange, 404, "ResourceNotFoundException", "Only Invoke is served here");
                return;
            }
            LocalFunctions running = functions;
            if (running == null) {
                error(exchange, 503, "ServiceException", "The local functions are starting");
                return;
            }
            String name = m.group(1);
            String id = name.contains(":function:") ? name.substring(name.lastIndexOf(":function:") + ":function:".length()) : name;
            if (id.contains(":")) id = id.substring(0, id.indexOf(':')); // a qualifier (version, alias)
            if (!running.ids().contains(id)) {
                error(exchange, 404, "ResourceNotFoundException", "Function not found: " + id);
                return;
            }
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"));
            int limit = "Event".equals(type) ? MAX_EVENT_BYTES : MAX_REQUEST_BYTES;
            byte[] body = read(exchange.getRequestBody(), limit);
            if (body == null) {
                error(exchange, 413, "RequestTooLargeException", "Request must be smaller than " + limit + " bytes for the " + type + " invocation type");
                return;
            }
            String event = body.length == 0 ? "{}" : new String(body, StandardCharsets.UTF_8);
            String functionId = id;
            switch (type) {
                case "Event" -> {
                    events.submit(() -> {
                        try {
                            running.invoke(functionId, event);
                        } catch (FunctionError e) {
                            LOG.log(Level.WARNING, functionId + ": asynchronous invocation failed (" + e.errorType() + ")", e);
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, functionId + ": asynchronous invocation failed", e);
                        }
                    });
                    HttpFront.send(exchange, 202, "application/json", new byte[0], false);
                }
                case "DryRun" -> HttpFront.send(exchange, 204, "application/json", new byte[0], false);
                default -> {
                    try {
                        HttpFront.send(exchange, 200, "application/json", running.invoke(functionId, event).getBytes(StandardCharsets.UTF_8), false);
                    } catch (FunctionError e) {
                        exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
                        String payload = "{\"errorType\":" + quote(e.errorType()) + ",\"errorMessage\":" + quote(e.getMessage()) + "}";
                        HttpFront.send(exchange, 200, "application/json", payload.getBytes(StandardCharsets.UTF_8), false);
                    }
                }
            }
        }
    }

    /** The body, or null when it is longer than {@code limit}. */
    private static byte[] read(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("X-Amzn-ErrorType", type);
        String body = "{\"Type\":\"User\",\"message\":" + quote(message) + "}";
        HttpFront.send(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8), false);
    }

    private static String quote(String s) {
        return JSON.valueToTree(s == null ? "" : s).toString();
    }

    @Override
    public void close() {
        server.stop(0);
        events.shutdownNow();
    }
}
