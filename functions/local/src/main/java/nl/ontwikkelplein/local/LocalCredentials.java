package nl.ontwikkelplein.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The container credentials endpoint, as Lambda runs it for a function with SnapStart: the SDK's
 * ContainerCredentialsProvider GETs {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with the header
 * {@code Authorization: <AWS_CONTAINER_AUTHORIZATION_TOKEN>} and gets temporary credentials as
 * JSON. The local runtime points its functions here (through the SDK's system properties, since
 * an in-process function cannot get environment variables of its own), so locally too their
 * clients find credentials the only way they can in Lambda.
 */
public final class LocalCredentials implements AutoCloseable {
    static final String PATH = "/2021-04-23/credentials";
    /** The SDK refreshes a few minutes before expiry; an hour is what Lambda hands out too. */
    private static final Duration VALIDITY = Duration.ofHours(1);

    private final HttpServer server;
    private final String token;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final AtomicInteger requests = new AtomicInteger();

    private LocalCredentials(HttpServer server, String token, String accessKeyId, String secretAccessKey) {
        this.server = server;
        this.token = token;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
    }

    /** Serves these keys on 127.0.0.1 (a free port) to whoever shows a fresh random token. */
    public static LocalCredentials start(String accessKeyId, String secretAccessKey) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LocalConfig.HOST), 0), 16);
        LocalCredentials credentials = new LocalCredentials(server, token, accessKeyId, secretAccessKey);
        server.createContext(PATH, credentials::handle);
        server.start();
        return credentials;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{\"message\":\"use GET\"}");
            } else if (!token.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 403, "{\"message\":\"wrong or missing authorization token\"}");
            } else {
                // Lambda's answer also holds a session "Token"; S3Proxy refuses every request that
                // carries one (501 on x-amz-security-token), so the local answer leaves it out.
                send(exchange, 200, "{\"AccessKeyId\":\"" + accessKeyId + "\",\"SecretAccessKey\":\"" + secretAccessKey
                        + "\",\"Expiration\":\"" + Instant.now().plus(VALIDITY).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    public String fullUri() {
        return "http://" + LocalConfig.HOST + ":" + server.getAddress().getPort() + PATH;
    }

    public String authorizationToken() {
        return token;
    }

    /** How many times credentials were asked for: the SDK caches them, so few. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
