package nl.ontwikkelplein.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A loopback HTTP endpoint for the real SDK client: it records every request (operation and JSON
 * body) and answers with the responses a test scripts, in order, in DynamoDB's JSON protocol; with
 * nothing scripted it answers {@code {}} (a successful write).
 */
final class DynamoStub implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    record Request(String operation, JsonNode body, String raw) {}

    record Response(int status, String body) {}

    private final HttpServer server;
    private final Deque<Response> script = new ArrayDeque<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final DynamoDbClient client;

    DynamoStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
        client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("stub", "stub")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** The next answer: HTTP 200 with this JSON. */
    DynamoStub ok(String json) {
        script.add(new Response(200, json));
        return this;
    }

    /** The next answer: an error of this type, as DynamoDB sends it (HTTP 400, {@code __type}). */
    DynamoStub error(String type, String message, String extraFields) {
        script.add(new Response(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"Message\":\"" + message + "\""
                + (extraFields == null ? "" : "," + extraFields) + "}"));
        return this;
    }

    /** TransactionCanceledException with one reason per action, as documented: {"Code": ..., "Item"?: ..., "Message"?: ...}. */
    DynamoStub cancelled(String... reasons) {
        StringBuilder codes = new StringBuilder();
        StringBuilder array = new StringBuilder();
        for (String reason : reasons) {
            String code = reason.startsWith("{") ? JSON.valueToTree(parse(reason)).path("Code").asText() : reason;
            if (codes.length() > 0) codes.append(", ");
            codes.append(code);
            if (array.length() > 0) array.append(',');
            array.append(reason.startsWith("{") ? reason : "{\"Code\":\"" + reason + "\"" + ("None".equals(reason) ? "" : ",\"Message\":\"" + reason + "\"") + "}");
        }
        return error("TransactionCanceledException", "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]",
                "\"CancellationReasons\":[" + array + "]");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            requests.add(new Request(target == null ? "" : target.substring(target.indexOf('.') + 1), parse(raw), raw));
            Response response;
            synchronized (script) {
                response = script.isEmpty() ? new Response(200, "{}") : script.poll();
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().set("x-amzn-RequestId", "stub-" + requests.size());
            exchange.sendResponseHeaders(response.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    Request only(String operation) {
        List<Request> matching = requests.stream().filter(r -> r.operation().equals(operation)).toList();
        if (matching.size() != 1) throw new AssertionError("expected one " + operation + ", got " + requests.stream().map(Request::operation).toList());
        return matching.get(0);
    }

    @Override
    public void close() {
        client.close();
        server.stop(0);
    }
}
