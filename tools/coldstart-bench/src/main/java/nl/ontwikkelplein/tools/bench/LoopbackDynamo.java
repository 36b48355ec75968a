package nl.ontwikkelplein.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for DynamoDB on 127.0.0.1 that answers the few calls the benchmark's runs make, in
 * DynamoDB's JSON protocol: GetItem by key, Query on the base table's {@code pk} or on index
 * {@code gsi1}'s {@code gsi1pk} (with the agenda's {@code gsi1sk >= :from}), PutItem and the Puts
 * of TransactWriteItems (stored as sent, so a seed import leaves its offer behind). Updates,
 * deletes and condition checks are accepted and not applied (an {@code ADD} counter asked for
 * with {@code UPDATED_NEW}, as the rate limit does, answers as a first count); anything else is refused with the
 * operation's name, so a function that starts using more shows up at once. It records every
 * request's headers (the credential tests read the signature from them). Not a database: it only
 * has to let cold starts run the paths they run in Lambda, and it answers at once, so it adds no
 * time of its own.
 */
public final class LoopbackDynamo implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a request carried: its operation, its signing headers and its body. */
    public record Request(String operation, String authorization, String securityToken, JsonNode body) {}

    private final HttpServer server;
    private final Map<String, List<ObjectNode>> tables = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    private LoopbackDynamo(HttpServer server) {
        this.server = server;
    }

    public static LoopbackDynamo start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        LoopbackDynamo dynamo = new LoopbackDynamo(server);
        server.createContext("/", dynamo::handle);
        server.start();
        return dynamo;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Operations that were refused (not one of those above). */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    /** Puts an item (DynamoDB JSON) into a table, replacing one with the same pk and sk. */
    public synchronized void put(String table, ObjectNode item) {
        List<ObjectNode> items = tables.computeIfAbsent(table, t -> new CopyOnWriteArrayList<>());
        items.removeIf(i -> sameKey(i, item));
        items.add(item.deepCopy());
    }

    public List<ObjectNode> items(String table) {
        return List.copyOf(tables.getOrDefault(table, List.of()));
    }

    /** An item from string attributes: {@code item("pk", "ORG#x", "sk", "ORG", ...)}. */
    public static ObjectNode item(String... namesAndValues) {
        ObjectNode item = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) item.putObject(namesAndValues[i]).put("S", namesAndValues[i + 1]);
        return item;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            JsonNode body;
            try {
                body = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                body = null;
            }
            if (body == null || !body.isObject()) {
                send(exchange, 400, JSON.createObjectNode().put("__type", "com.amazon.coral.service#SerializationException")
                        .put("message", "the request body is not a JSON object"));
                return;
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            requests.add(new Request(operation, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"), body));
            ObjectNode answer = JSON.createObjectNode();
            switch (operation) {
                case "GetItem" -> get(body, answer);
                case "Query" -> query(body, answer);
                case "PutItem" -> put(body.path("TableName").asText(), (ObjectNode) body.path("Item"));
                case "TransactWriteItems" -> {
                    for (JsonNode action : body.path("TransactItems")) {
                        if (action.has("Put")) put(action.path("Put").path("TableName").asText(), (ObjectNode) action.path("Put").path("Item"));
                    }
                }
                case "UpdateItem" -> added(body, answer);
                case "DeleteItem", "BatchWriteItem" -> {
                    // accepted, not applied
                }
                default -> {
                    refused.add(operation);
                    send(exchange, 400, JSON.createObjectNode().put("__type", "com.amazon.coral.service#UnknownOperationException")
                            .put("message", "the coldstart stand-in does not do " + operation));
                    return;
                }
            }
            send(exchange, 200, answer);
        }
    }

    private void get(JsonNode body, ObjectNode answer) {
        JsonNode key = body.path("Key");
        for (ObjectNode item : items(body.path("TableName").asText())) {
            if (sameKey(item, key)) {
                answer.set("Item", item);
                return;
            }
        }
    }

    private void query(JsonNode body, ObjectNode answer) {
        boolean index = body.hasNonNull("IndexName");
        String pk = body.path("ExpressionAttributeValues").path(":pk").path("S").asText();
        JsonNode from = body.path("ExpressionAttributeValues").path(":from").path("S");
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode item : items(body.path("TableName").asText())) {
            if (!pk.equals(item.path(index ? "gsi1pk" : "pk").path("S").asText())) continue;
            if (!from.isMissingNode() && item.path("gsi1sk").path("S").asText().compareTo(from.asText()) < 0) continue;
            found.add(item);
        }
        found.sort((a, b) -> a.path(index ? "gsi1sk" : "sk").path("S").asText().compareTo(b.path(index ? "gsi1sk" : "sk").path("S").asText()));
        ArrayNode items = answer.putArray("Items");
        found.forEach(items::add);
        answer.put("Count", found.size()).put("ScannedCount", found.size());
    }

    private static boolean sameKey(JsonNode a, JsonNode b) {
        return a.path("pk").equals(b.path("pk")) && a.path("sk").equals(b.path("sk"));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "coldstart");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** {@code ADD #name :value} with ReturnValues UPDATED_NEW: the value, as if the counter started at zero. */
    private static void added(JsonNode body, ObjectNode answer) {
        if (!"UPDATED_NEW".equals(body.path("ReturnValues").asText())) return;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ADD (#\\w+) (:\\w+)").matcher(body.path("UpdateExpression").asText());
        if (!m.find()) return;
        String name = body.path("ExpressionAttributeNames").path(m.group(1)).asText(m.group(1));
        answer.putObject("Attributes").set(name, body.path("ExpressionAttributeValues").path(m.group(2)));
    }
}
