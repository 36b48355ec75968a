package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import nl.ontwikkelplein.local.demo.DemoFeeds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Endpoints that exist only locally, under {@code /_local/}:
 * <ul>
 *   <li>{@code POST /_local/schedules/{FunctionLogicalId}}: run that function's schedule now, e.g.
 *   {@code curl -X POST http://localhost:8080/_local/schedules/ImportFunction}; answers with the
 *   function's response, or 500 with its error.</li>
 *   <li>{@code GET /_local/feeds/{file}}: demo partner feeds from the classpath ({@code demo/feeds/}),
 *   dates relative to today.</li>
 *   <li>{@code GET /_local/outbox} and {@code /_local/outbox.json}: every email the functions sent
 *   through SES, newest first ({@link LocalOutbox}).</li>
 *   <li>{@code GET /_local/wiring}: what was read from the template (routes, streams, schedules).</li>
 * </ul>
 */
final class LocalEndpoints {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final Scheduler scheduler;
    private final SamTemplate template;
    private final LocalOutbox outbox;

    LocalEndpoints(Scheduler scheduler, SamTemplate template, LocalOutbox outbox) {
        this.scheduler = scheduler;
        this.template = template;
        this.outbox = outbox;
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        if (path.startsWith("schedules/")) {
            if (allowed(exchange, method, "POST")) {
                runSchedule(exchange, path.substring("schedules/".length()));
            }
        } else if (path.startsWith("feeds/")) {
            if (allowed(exchange, method, "GET")) {
                feed(exchange, path.substring("feeds/".length()));
            }
        } else if (path.equals("outbox")) {
            if (allowed(exchange, method, "GET")) {
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                HttpFront.send(exchange, 200, "text/html; charset=utf-8", outbox.page().getBytes(StandardCharsets.UTF_8), false);
            }
        } else if (path.equals("outbox.json")) {
            if (allowed(exchange, method, "GET")) {
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                HttpFront.send(exchange, 200, "application/json", outbox.json().getBytes(StandardCharsets.UTF_8), false);
            }
        } else if (path.equals("wiring")) {
            if (allowed(exchange, method, "GET")) {
                json(exchange, 200, wiring());
            }
        } else {
            json(exchange, 404, JSON.createObjectNode().put("message", "Not Found"));
        }
    }

    /** True if the method is the allowed one; otherwise answers 405. */
    private static boolean allowed(HttpExchange exchange, String method, String allowed) throws IOException {
        if (method.equals(allowed)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", allowed);
        json(exchange, 405, JSON.createObjectNode().put("message", "use " + allowed));
        return false;
    }

    private void runSchedule(HttpExchange exchange, String functionId) throws IOException {
        ObjectNode result = JSON.createObjectNode().put("function", functionId);
        try {
            ArrayNode responses = result.putArray("responses");
            for (String response : scheduler.runNow(functionId)) {
                responses.add(parseOrText(response));
            }
            json(exchange, 200, result);
        } catch (IllegalArgumentException e) {
            json(exchange, 404, result.put("message", e.getMessage()));
        } catch (FunctionError e) {
            json(exchange, 500, result.put("errorType", e.errorType()).put("errorMessage", e.getMessage()));
        }
    }

    /** A demo feed, its {{day+N}} placeholders filled in relative to today (see DemoFeeds). */
    private static void feed(HttpExchange exchange, String file) throws IOException {
        Optional<byte[]> body = DemoFeeds.render(file, LocalDate.now(AMSTERDAM));
        if (body.isEmpty()) {
            json(exchange, 404, JSON.createObjectNode().put("message", "no demo feed " + file));
            return;
        }
        HttpFront.send(exchange, 200, DemoFeeds.contentType(file), body.get(), false);
    }

    private ObjectNode wiring() {
        ObjectNode wiring = JSON.createObjectNode();
        ArrayNode routes = wiring.putArray("routes");
        template.routes().forEach(r -> routes.addObject().put("routeKey", r.routeKey()).put("function", r.functionId()));
        ArrayNode streams = wiring.putArray("streams");
        template.streams().forEach(s -> streams.addObject().put("table", s.tableId()).put("function", s.functionId())
                .put("batchSize", s.batchSize()).put("maximumRetryAttempts", s.maximumRetryAttempts()));
        ArrayNode schedules = wiring.putArray("schedules");
        Instant now = Instant.now();
        template.schedules().forEach(s -> schedules.addObject().put("function", s.functionId()).put("expression", s.expression())
                .put("timezone", s.timezone()).put("enabled", s.enabled()).put("next", scheduler.nextFireTime(s, now).toString()));
        wiring.put("siteBucket", template.siteBucketName());
        return wiring;
    }

    private static JsonNode parseOrText(String response) {
        try {
            return JSON.readTree(response);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(response);
        }
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        HttpFront.send(exchange, status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8), false);
    }
}
