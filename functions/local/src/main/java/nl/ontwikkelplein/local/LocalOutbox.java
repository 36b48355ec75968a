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
    /** Full addresses, and the site-relative private links that local messages carry. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+|/aanmelding/[A-Za-z0-9_-]+");

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

    /** The SNS endpoint, for {@code aws.endpointUrlSns}: the same server tells SNS requests by their form body (AWS Query). */
    public String snsUrl() {
        return sesUrl();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            if ("POST".equals(exchange.getRequestMethod()) && (path.equals("/") || path.isEmpty())
                    && (type.startsWith("application/x-www-form-urlencoded") || target.startsWith("AmazonSimpleNotificationService."))) {
                publish(exchange);
                return;
            }
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

    /**
     * SNS Publish to a phone number, in the protocol the SDK speaks: AWS Query (a form, answered in
     * XML) or AWS JSON 1.0 (X-Amz-Target AmazonSimpleNotificationService.Publish).
     */
    private void publish(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean json = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/x-amz-json");
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            snsError(exchange, json, 403, "AuthorizationError", "the request is not signed (SigV4)");
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(64 * 1024 + 1);
        }
        if (body.length > 64 * 1024) {
            snsError(exchange, json, 400, "InvalidParameter", "message too large");
            return;
        }
        String phone, text;
        if (json) {
            JsonNode request;
            try {
                request = JSON.readTree(body);
            } catch (IOException e) {
                snsError(exchange, true, 400, "InvalidParameter", "the body is not JSON");
                return;
            }
            phone = request.path("PhoneNumber").asText(null);
            text = request.path("Message").asText(null);
        } else {
            java.util.Map<String, String> form = new java.util.HashMap<>();
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) form.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            if (!"Publish".equals(form.get("Action"))) {
                snsError(exchange, false, 400, "InvalidAction", "the local SNS endpoint answers Publish only");
                return;
            }
            phone = form.get("PhoneNumber");
            text = form.get("Message");
        }
        if (phone == null || !phone.matches("\\+[1-9][0-9]{6,14}") || text == null || text.isEmpty()) {
            snsError(exchange, json, 400, "InvalidParameter", "Publish needs PhoneNumber (E.164) and Message");
            return;
        }
        add(new Message("sms", phone, "", text, null, Instant.now()));
        String id = "local-sms-" + ids.incrementAndGet();
        if (json) {
            send(exchange, 200, JSON.createObjectNode().put("MessageId", id).toString(), null);
        } else {
            byte[] xml = ("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>" + id
                    + "</MessageId></PublishResult><ResponseMetadata><RequestId>" + id + "</RequestId></ResponseMetadata></PublishResponse>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, xml.length);
            exchange.getResponseBody().write(xml);
        }
    }

    private static void snsError(HttpExchange exchange, boolean json, int status, String code, String message) throws IOException {
        if (json) {
            send(exchange, status, JSON.createObjectNode().put("__type", code).put("message", message).toString(), code);
            return;
        }
        byte[] xml = ("<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>local</RequestId></ErrorResponse>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, xml.length);
        exchange.getResponseBody().write(xml);
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
                .append("<p>Berichten die lokaal zijn verstuurd (e-mail via de lokale SES, sms via de lokale SNS). Nieuwste eerst. Ook als JSON: <a href=\"/_local/outbox.json\">outbox.json</a>.</p>");
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
