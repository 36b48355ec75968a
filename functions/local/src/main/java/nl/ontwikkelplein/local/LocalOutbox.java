package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stand-in for Amazon SES v2: a loopback endpoint that answers {@code SendEmail}
 * ({@code POST /v2/email/outbound-emails}, REST-JSON) as SES does, and keeps every message in an
 * outbox instead of delivering it. The functions' unchanged {@code SesV2Client} reaches it
 * through the SDK's endpoint property ({@link LocalSdk}). People read the outbox at
 * {@code /_local/outbox}; tests at {@code /_local/outbox.json}.
 */
public final class LocalOutbox implements AutoCloseable {
    /** Kept in memory, newest first; the oldest go once there are more. */
    static final int CAPACITY = 1000;
    static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024; // SES's own limit for a message
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

    /** One message as it would have been delivered. */
    public record Message(String channel, String to, String subject, String text, String html, Instant sentAt) {}

    private final HttpServer server;
    private final Deque<Message> messages = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();

    private LocalOutbox(HttpServer server) {
        this.server = server;
    }

    public static LocalOutbox start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LocalConfig.HOST), 0), 16);
        LocalOutbox outbox = new LocalOutbox(server);
        server.createContext("/", outbox::handle);
        server.start();
        return outbox;
    }

    /** The SES endpoint, for {@code aws.endpointUrlSesV2}. */
    public String sesUrl() {
        return "http://" + LocalConfig.HOST + ":" + server.getAddress().getPort();
    }

    /** Newest first. */
    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    synchronized void add(Message message) {
        messages.addFirst(message);
        while (messages.size() > CAPACITY) messages.removeLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !"/v2/email/outbound-emails".equals(path)) {
                error(exchange, 404, "NotFoundException", "the local SES endpoint answers SendEmail only");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
                error(exchange, 403, "AccessDeniedException", "the request is not signed (SigV4)");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            }
            if (body.length > MAX_REQUEST_BYTES) {
                error(exchange, 400, "BadRequestException", "message too large");
                return;
            }
            JsonNode request;
            try {
                request = JSON.readTree(body);
            } catch (IOException e) {
                error(exchange, 400, "BadRequestException", "the body is not JSON");
                return;
            }
            JsonNode simple = request.path("Content").path("Simple");
            JsonNode to = request.path("Destination").path("ToAddresses");
            if (!to.isArray() || to.isEmpty() || simple.isMissingNode() || !request.path("FromEmailAddress").isTextual()) {
                error(exchange, 400, "BadRequestException", "a simple message needs FromEmailAddress, Destination.ToAddresses and Content.Simple");
                return;
            }
            Instant now = Instant.now();
            for (JsonNode address : to) {
                add(new Message("email", address.asText(), simple.path("Subject").path("Data").asText(""),
                        simple.path("Body").path("Text").path("Data").asText(""),
                        simple.path("Body").path("Html").path("Data").isTextual() ? simple.path("Body").path("Html").path("Data").asText() : null, now));
            }
            send(exchange, 200, "{\"MessageId\":\"local-" + ids.incrementAndGet() + "\"}", null);
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        send(exchange, status, JSON.createObjectNode().put("message", message).toString(), type);
    }

    private static void send(HttpExchange exchange, int status, String json, String errorType) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "local-" + System.nanoTime());
        if (errorType != null) exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** {@code /_local/outbox.json}: a JSON array, newest first. */
    String json() {
        ArrayNode out = JSON.createArrayNode();
        for (Message m : messages()) {
            out.addObject().put("channel", m.channel()).put("to", m.to()).put("subject", m.subject()).put("text", m.text())
                    .put("html", m.html()).put("sentAt", m.sentAt().toString());
        }
        return out.toString();
    }

    /** {@code /_local/outbox}: the messages as a page, their links clickable. Everything is escaped. */
    String page() {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Lokale postbus</title></head><body><main><h1>Lokale postbus</h1>")
                .append("<p>Berichten die lokaal zijn verstuurd (e-mail via de lokale SES). Nieuwste eerst. Ook als JSON: <a href=\"/_local/outbox.json\">outbox.json</a>.</p>");
        List<Message> all = messages();
        if (all.isEmpty()) b.append("<p>Nog geen berichten.</p>");
        for (Message m : all) {
            b.append("<article><h2>").append(escape(m.subject())).append("</h2><p>Aan: ").append(escape(m.to()))
                    .append(" · ").append(escape(m.channel())).append(" · <time datetime=\"").append(m.sentAt()).append("\">")
                    .append(m.sentAt()).append("</time></p><pre>").append(linkify(m.text())).append("</pre></article>");
        }
        return b.append("</main></body></html>").toString();
    }

    static String linkify(String text) {
        String escaped = escape(text);
        Matcher m = URL.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + m.group() + "\">" + m.group() + "</a>"));
        m.appendTail(out);
        return out.toString();
    }

    static String escape(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
