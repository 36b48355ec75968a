package nl.ontwikkelplein.searchindex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ontwikkelplein.web.site.SearchRecord;

/**
 * Builds a Pagefind index from records, with Pagefind's own binary in service mode: the protocol
 * its Node and Python wrappers speak over stdin and stdout (base64 of a JSON message, then a
 * comma). One process per index: Pagefind keeps the whole index in memory until it hands out the
 * files, and a process that ends frees it all.
 */
public final class Pagefind {
    /** The binary inside this function's jar (the pom unpacks it from the npm package). */
    static final String RESOURCE = "pagefind/pagefind_extended";
    /** Dutch stemming for every record, whatever a partner's text looks like. */
    static final String LANGUAGE = "nl";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Path extractedBinary;

    /** One file of the index, relative to the index folder ("pagefind.js", "fragment/nl_3f….pf_fragment"). */
    public record IndexFile(String path, byte[] body) {}

    /** null: the binary from the classpath. */
    private final Path executable;
    private final long timeoutMillis;

    public Pagefind(Path executable, long timeoutMillis) {
        this.executable = executable;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * The binary from the classpath, copied to a temporary file (Lambda: /tmp) when an index is
     * first built, and again if that file is gone (a SnapStart restore need not bring /tmp back).
     */
    public static Pagefind fromClasspath(long timeoutMillis) { return new Pagefind(null, timeoutMillis); }

    static synchronized Path extracted() {
        if (extractedBinary != null && Files.isExecutable(extractedBinary)) return extractedBinary;
        try (InputStream in = Pagefind.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("No " + RESOURCE + " on the classpath: build the search-index module with Maven");
            Path file = Files.createTempFile("pagefind", "");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            if (!file.toFile().setExecutable(true, true)) throw new IllegalStateException("Cannot make " + file + " executable");
            file.toFile().deleteOnExit();
            extractedBinary = file;
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the Pagefind binary", e);
        }
    }

    /** The index files for these records. @throws PagefindException when Pagefind refuses a record or does not answer in time */
    public List<IndexFile> index(List<SearchRecord> records) {
        Path exe = executable == null ? extracted() : executable;
        Process process;
        try {
            process = new ProcessBuilder(exe.toString(), "--service").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new PagefindException("Cannot start Pagefind (" + exe + "): " + e.getMessage(), e);
        }
        try (Session session = new Session(process)) {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            ObjectNode config = JSON.createObjectNode();
            config.putObject("config").put("force_language", LANGUAGE);
            int index = session.call("NewIndex", config, deadline).path("index_id").asInt();
            // Records go out without waiting for each answer (Pagefind answers in order); the answers are checked after.
            List<CompletableFuture<JsonNode>> added = new ArrayList<>(records.size());
            for (SearchRecord r : records) {
                ObjectNode add = JSON.createObjectNode();
                add.put("index_id", index).put("url", r.url()).put("content", r.content()).put("language", LANGUAGE);
                add.set("meta", JSON.valueToTree(r.meta()));
                add.set("filters", JSON.valueToTree(r.filters()));
                added.add(session.send("AddRecord", add));
            }
            for (CompletableFuture<JsonNode> f : added) session.await(f, deadline);
            ObjectNode get = JSON.createObjectNode().put("index_id", index);
            JsonNode files = session.call("GetFiles", get, deadline).path("files");
            List<IndexFile> out = new ArrayList<>();
            for (JsonNode f : files) out.add(new IndexFile(f.path("path").asText(), Base64.getDecoder().decode(f.path("content").asText())));
            if (out.isEmpty()) throw new PagefindException("Pagefind returned no files");
            return out;
        }
    }

    /** A refusal or a failure of the Pagefind process. */
    public static final class PagefindException extends RuntimeException {
        PagefindException(String message) { super(message); }
        PagefindException(String message, Throwable cause) { super(message, cause); }
    }

    /** One running service: messages out on stdin, answers read on a thread of their own (so neither pipe fills up and blocks the other). */
    private static final class Session implements AutoCloseable {
        private final Process process;
        private final OutputStream in;
        private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final Thread reader;
        private volatile String failure;

        Session(Process process) {
            this.process = process;
            this.in = process.getOutputStream();
            this.reader = new Thread(this::read, "pagefind-answers");
            reader.setDaemon(true);
            reader.start();
        }

        CompletableFuture<JsonNode> send(String type, ObjectNode payload) {
            if (failure != null) throw new PagefindException(failure);
            int id = ids.getAndIncrement();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            waiting.put(id, answer);
            ObjectNode message = JSON.createObjectNode().put("message_id", id);
            payload.put("type", type);
            message.set("payload", payload);
            try {
                in.write(Base64.getEncoder().encode(JSON.writeValueAsBytes(message)));
                in.write(',');
            } catch (IOException e) {
                throw new PagefindException("Pagefind stopped reading" + (failure == null ? "" : ": " + failure), e);
            }
            return answer;
        }

        JsonNode call(String type, ObjectNode payload, long deadline) {
            CompletableFuture<JsonNode> f = send(type, payload);
            try {
                in.flush();
            } catch (IOException e) {
                throw new PagefindException("Pagefind stopped reading", e);
            }
            return await(f, deadline);
        }

        JsonNode await(CompletableFuture<JsonNode> f, long deadline) {
            try {
                in.flush();
                JsonNode payload = f.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                if ("Error".equals(payload.path("type").asText())) throw new PagefindException("Pagefind: " + payload.path("message").asText());
                return payload;
            } catch (TimeoutException e) {
                throw new PagefindException("Pagefind did not answer in time");
            } catch (ExecutionException e) {
                throw new PagefindException(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PagefindException("Interrupted while waiting for Pagefind", e);
            } catch (IOException e) {
                throw new PagefindException("Pagefind stopped reading", e);
            }
        }

        private void read() {
            try (InputStream out = process.getInputStream()) {
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = out.read(buf)) >= 0) {
                    int start = 0;
                    for (int i = 0; i < n; i++) {
                        if (buf[i] != ',') continue;
                        message.write(buf, start, i - start);
                        answer(message.toByteArray());
                        message.reset();
                        start = i + 1;
                    }
                    message.write(buf, start, n - start);
                }
                fail("Pagefind ended");
            } catch (IOException | RuntimeException e) {
                fail("Cannot read Pagefind's answers: " + e.getMessage());
            }
        }

        private void answer(byte[] base64) throws IOException {
            JsonNode message = JSON.readTree(Base64.getDecoder().decode(base64));
            JsonNode payload = message.path("payload");
            if (message.path("message_id").isNull() || message.path("message_id").isMissingNode()) {
                // Only a message Pagefind could not read has no id: nothing after it will be answered.
                fail("Pagefind could not read a message: " + payload.path("message").asText());
                return;
            }
            CompletableFuture<JsonNode> f = waiting.remove(message.path("message_id").asInt());
            if (f != null) f.complete(payload);
        }

        private void fail(String why) {
            failure = why;
            for (CompletableFuture<JsonNode> f : waiting.values()) f.completeExceptionally(new PagefindException(why));
            waiting.clear();
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // the process is ending anyway
            }
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
