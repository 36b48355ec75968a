package nl.ontwikkelplein.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The real local stack (SQLite, S3Proxy, HTTP front) for tests, on free ports with its own
 * data directory. Most test classes get one through {@link LocalStackTest}; tests that need
 * template parameters start one with {@link #start(Path, Path, Map)}.
 */
public final class TestStack implements AutoCloseable {

    private final LocalConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalStack stack;

    private TestStack(LocalConfig config) throws Exception {
        this.config = config;
        this.stack = LocalStack.start(config);
    }

    /** The stack of the repository's template.yaml. */
    public static TestStack start(Path dataDir) throws Exception {
        return start(realTemplate(), dataDir, Map.of());
    }

    /**
     * The enrolment rate limit is off unless a test sets {@code EnrolmentRateLimit}: tests send
     * hundreds of enrolments from one address (127.0.0.1) on purpose.
     */
    public static TestStack start(Path template, Path dataDir, Map<String, String> parameterOverrides) throws Exception {
        Map<String, String> overrides = new java.util.HashMap<>(parameterOverrides);
        if (java.nio.file.Files.readString(template).contains("EnrolmentRateLimit:")) overrides.putIfAbsent("EnrolmentRateLimit", "0");
        // The ports are free when asked, but the stack's own loopback servers (bound to port 0) may be given one of
        // them before S3Proxy binds it ("Failed to bind"): then again, on other ports.
        for (int attempt = 1; ; attempt++) {
            int[] ports = freePorts();
            try {
                return new TestStack(new LocalConfig(template, dataDir, ports[0], ports[1], Map.copyOf(overrides)));
            } catch (Exception e) {
                if (attempt == 3 || !isBindFailure(e)) throw e;
            }
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || String.valueOf(t.getMessage()).contains("Failed to bind")) return true;
        }
        return false;
    }

    public static Path realTemplate() {
        return LocalConfig.findRepoRoot(Path.of("").toAbsolutePath()).resolve("template.yaml");
    }

    /** src/test/resources/test-template.yaml: the test handlers, wired like template.yaml. */
    public static Path testTemplate() {
        try {
            return Path.of(TestStack.class.getResource("/test-template.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Two different free ports. Both sockets stay open until both are known: two freePort() calls
     * in a row may return the same port (the first is closed before the second is asked), and then
     * the front and S3Proxy race for it ("Address already in use").
     */
    public static int[] freePorts() throws IOException {
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public LocalStack stack() {
        return stack;
    }

    public LocalConfig config() {
        return config;
    }

    public String url(String path) {
        return stack.baseUrl() + path;
    }

    /** Stops everything and starts again on the same ports and data directory. */
    public void restart() throws Exception {
        stack.stop();
        stack = LocalStack.start(config);
    }

    /**
     * Waits until the EnrolmentEventsFunction has read every enrolment change so far, twice in a row
     * (its promotions write new changes, which it reads too).
     */
    public void awaitStreams() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int quiet = 0;
        while (quiet < 3) {
            if (System.nanoTime() > deadline) throw new AssertionError("the enrolment stream did not catch up within 60 s");
            long[] state = stack.database().read(c -> {
                long latest = 0, read = Long.MAX_VALUE;
                try (var st = c.prepareStatement("SELECT COALESCE(MAX(sequence_number), 0) FROM change_log WHERE table_name = ?")) {
                    st.setString(1, "EnrolmentsTable");
                    try (var r = st.executeQuery()) { if (r.next()) latest = r.getLong(1); }
                }
                try (var st = c.prepareStatement("SELECT MIN(sequence_number) FROM stream_positions WHERE consumer LIKE 'EnrolmentEventsFunction%'");
                     var r = st.executeQuery()) { if (r.next()) read = r.getLong(1); }
                return new long[]{latest, read};
            });
            quiet = state[1] >= state[0] ? quiet + 1 : 0;
            Thread.sleep(150);
        }
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    public HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A response read from a raw socket: for requests no HTTP client would send as written. */
    public record RawResponse(int status, String head, String body) {
    }

    /**
     * Sends {@code head} (request line and headers, CRLF-terminated, no blank line) and {@code body}
     * as is, then reads one response (up to its Content-Length, or to the end of the connection).
     */
    public RawResponse raw(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(LocalConfig.HOST, stack.config().httpPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            socket.shutdownOutput(); // nothing more is coming: a server waiting for a declared body sees the end
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                while (!complete(received)) {
                    int read = in.read(buffer);
                    if (read < 0) {
                        break;
                    }
                    received.write(buffer, 0, read);
                }
            } catch (java.net.SocketException reset) {
                // the server may reset a connection with unread request bytes; what arrived counts
            }
            String text = received.toString(StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            String responseHead = split < 0 ? text : text.substring(0, split);
            String responseBody = split < 0 ? "" : text.substring(split + 4);
            String[] statusLine = responseHead.split(" ", 3);
            int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
            return new RawResponse(status, responseHead, responseBody);
        }
    }

    /** True once a whole response with a Content-Length has arrived. */
    private static boolean complete(ByteArrayOutputStream received) {
        String text = received.toString(StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        for (String line : text.substring(0, split).split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return text.length() - split - 4 >= Integer.parseInt(line.substring(15).trim());
            }
        }
        return false;
    }

    /** Waits until the condition holds, at most {@code timeout}; true if it did. */
    public static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        stack.stop();
    }
}
