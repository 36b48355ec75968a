package nl.ontwikkelplein.tools.site;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import nl.ontwikkelplein.local.LocalConfig;
import nl.ontwikkelplein.local.LocalStack;
import nl.ontwikkelplein.store.sqlite.SqliteDatabase;
import nl.ontwikkelplein.store.sqlite.SqliteStores;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The finder with JavaScript at regional scale, in Chromium through the whole local runtime: a
 * catalog of N offers with varied text (a vocabulary of 20,000 words, so the index is as large as
 * real descriptions make it), the site and the Pagefind index built by their functions, then:
 * <ul>
 *   <li>what a first visit to /zoeken/ transfers until the first results of a search show, counted
 *       as CloudFront would send it (text compressed with gzip; Pagefind's chunks are gzip already),
 *       against the same page without JavaScript as the baseline;</li>
 *   <li>how long a query takes from the change of the search box to the results on screen (the
 *       page's own {@code op-zoeken} measure), with the CPU throttled 4x (CDP
 *       {@code Emulation.setCPUThrottlingRate}) and, as the baseline, unthrottled.</li>
 * </ul>
 *
 * <pre>mvn -q -DskipTests install && mvn -q -pl tools/site-bench exec:java -Dexec.mainClass=nl.ontwikkelplein.tools.site.SearchBench -Dexec.args="--offers 5000"</pre>
 */
public final class SearchBench {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ONTWIKKELPLEIN_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("ONTWIKKELPLEIN_CHROMEDRIVER", "/usr/bin/chromedriver"));

    public static void main(String[] args) throws Exception {
        // Before the first HttpServer starts (the JDK reads it once): else each feed page waits ~40 ms for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int offers = 5_000, queries = 40;
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--offers" -> offers = Integer.parseInt(args[++i]);
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                default -> { }
            }
        }
        Path dir = Files.createDirectories(Path.of("target", "search-bench-" + System.currentTimeMillis()).toAbsolutePath());
        int http, s3;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            http = a.getLocalPort();
            s3 = b.getLocalPort();
        }
        Path template = LocalConfig.findRepoRoot(Path.of("").toAbsolutePath()).resolve("template.yaml");
        // The rebuild renders every page itself: pages handed on would still be published in the background while the browser measures.
        LocalConfig config = new LocalConfig(template, dir, http, s3, Map.of("ImportFeeds", "", "PublicOrigin", "http://127.0.0.1:" + http,
                "SiteInlineOfferPages", "1000000"));
        Words words = new Words(20_000, 7);
        // The catalog first, then the runtime: its streams start at the latest record, so the
        // seeding is not rendered twice in the background while the browser measures.
        try (SqliteDatabase db = SqliteDatabase.open(config.databaseFile())) {
            SiteBench.seed(SqliteStores.on(db, Clock.systemUTC()).catalog(), offers, 5, Instant.now(), words::texts);
        }
        System.out.printf(Locale.ROOT, "catalog: %,d offers, %,d dates, texts from %,d words%n", offers, offers * 5, words.size());
        try (LocalStack stack = LocalStack.start(config)) {
            long t0 = System.nanoTime();
            stack.scheduler().runNow("SiteRebuildFunction");
            double site = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            stack.scheduler().runNow("SearchIndexFunction");
            double index = (System.nanoTime() - t0) / 1e9;
            String base = "http://127.0.0.1:" + http;
            HttpClient client = HttpClient.newHttpClient();
            Map<String, Integer> pagefindFiles = new TreeMap<>();
            for (String key : stack.s3().listObjectsV2Paginator(b -> b.bucket(stack.template().siteBucketName()).prefix("pagefind/")).contents()
                    .stream().map(o -> o.key()).toList()) {
                pagefindFiles.merge(kind(key), 1, Integer::sum);
            }
            System.out.printf(Locale.ROOT, "site build %.1f s, search index %.1f s: %s%n", site, index, pagefindFiles);

            ChromeDriver driver = browser();
            try (Recorder recorder = new Recorder(base)) {
                // 1. First visits (a fresh browser each, nothing cached): everything fetched until the
                //    first results show, for a very common word (the largest index chunk), a middling one and a rare one.
                int withoutJs = compressed(client, base + "/zoeken/") + compressed(client, base + "/css/site.css") + compressed(client, base + "/css/vendor/utrecht.css");
                for (int rank : new int[] {3, 300, 10_000}) {
                    String word = words.common(rank);
                    ChromeDriver fresh = browser();
                    try {
                        fresh.get(recorder.base() + "/robots.txt");
                        recorder.takeRequested(); // counting starts with the visit below
                        fresh.get(recorder.base() + "/zoeken/");
                        new WebDriverWait(fresh, Duration.ofSeconds(30)).until(d -> d.findElements(By.id("zoek-woord")).stream().findFirst().orElse(null));
                        long before = answers(fresh);
                        ask(fresh, word);
                        new WebDriverWait(fresh, Duration.ofSeconds(30)).until(d -> answers(d) > before);
                        List<String> urls = recorder.takeRequested();
                        Map<String, Integer> perKind = new LinkedHashMap<>();
                        int total = 0;
                        for (String url : urls) {
                            int bytes = compressed(client, url);
                            total += bytes;
                            perKind.merge(kind(URI.create(url).getPath()), bytes, Integer::sum);
                        }
                        System.out.printf(Locale.ROOT, "first results for \"%s\" (word %,d by frequency; %s): %,d bytes compressed in %d requests (x%.1f the page without JavaScript, %,d bytes); budget 153,600%n",
                                word, rank + 1, status(fresh), total, urls.size(), total / (double) withoutJs, withoutJs);
                        System.out.println("  per kind: " + perKind);
                    } finally {
                        fresh.quit();
                    }
                }
                driver.get(recorder.base() + "/zoeken/");
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.id("zoek-woord")).stream().findFirst().orElse(null));

                // 2. Queries: unthrottled (the baseline), then with the CPU 4x slower.
                List<String> asked = new ArrayList<>();
                Random random = new Random(11);
                for (int q = 0; q < queries; q++) asked.add(q % 4 == 3 ? words.common(random.nextInt(50)) + " " + words.common(random.nextInt(400)) : words.common(random.nextInt(2_000)));
                for (String w : asked) time(driver, w); // warm: the chunks these words need are loaded once, as a visitor's session would
                List<Double> plain = new ArrayList<>(), slow = new ArrayList<>();
                for (String w : asked) plain.add(time(driver, w));
                driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
                for (String w : asked) slow.add(time(driver, w));
                driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 1));
                plain.sort(null);
                slow.sort(null);
                System.out.printf(Locale.ROOT, "query, unthrottled (baseline), %d queries: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                        asked.size(), pct(plain, 50), pct(plain, 95), plain.get(plain.size() - 1));
                System.out.printf(Locale.ROOT, "query, CPU throttled 4x: p50 %.1f ms, p95 %.1f ms (x%.1f baseline), max %.1f ms; budget p95 50 ms%n",
                        pct(slow, 50), pct(slow, 95), pct(slow, 95) / Math.max(0.1, pct(plain, 95)), slow.get(slow.size() - 1));
            } finally {
                driver.quit();
            }
        }
    }

    /** Sets the search box in one change (one question, as after typing a word) and waits for its answer; the page's measure of it, in ms. */
    private static double time(ChromeDriver driver, String word) {
        js(driver, "const b = document.getElementById('zoek-woord'); b.value = ''; b.dispatchEvent(new Event('input'));");
        long before = answers(driver);
        ask(driver, word);
        new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(20)).until(d -> answers(d) > before);
        return ((Number) js(driver, "const m = performance.getEntriesByName('op-zoeken'); return m[m.length - 1].duration")).doubleValue();
    }

    private static void ask(ChromeDriver driver, String word) {
        js(driver, "const b = document.getElementById('zoek-woord'); b.value = arguments[0]; b.dispatchEvent(new Event('input'));", word);
    }

    private static long answers(org.openqa.selenium.WebDriver d) { return ((Number) js(d, "return performance.getEntriesByName('op-zoeken').length")).longValue(); }

    private static String status(ChromeDriver d) { return d.findElement(By.cssSelector(".op-zoek__uitkomst")).getText().strip(); }

    private static Object js(org.openqa.selenium.WebDriver d, String script, Object... args) { return ((JavascriptExecutor) d).executeScript(script, args); }

    /**
     * Between the browser and the local front: passes every request on and notes its URL. The
     * page's resource timing does not see what Pagefind's worker fetches; this sees everything.
     */
    static final class Recorder implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;
        private final List<String> requested = java.util.Collections.synchronizedList(new ArrayList<>());
        private final HttpClient client = HttpClient.newHttpClient();
        private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "recorder");
            t.setDaemon(true);
            return t;
        });
        private static final java.util.Set<String> HOP = java.util.Set.of("connection", "content-length", "transfer-encoding", "host", "keep-alive", "upgrade");

        Recorder(String target) throws java.io.IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 16);
            server.createContext("/", ex -> {
                try (ex) {
                    String url = target + ex.getRequestURI();
                    requested.add(url);
                    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(ex.getRequestBody().readAllBytes()));
                    HttpResponse<byte[]> r = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
                    r.headers().map().forEach((k, v) -> { if (!HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) ex.getResponseHeaders().put(k, v); });
                    ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                    ex.getResponseBody().write(r.body());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.setExecutor(pool);
            server.start();
        }

        String base() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

        List<String> takeRequested() {
            synchronized (requested) {
                List<String> out = new ArrayList<>(new java.util.LinkedHashSet<>(requested));
                requested.clear();
                return out;
            }
        }

        @Override
        public void close() {
            server.stop(0);
            pool.shutdownNow();
        }
    }

    /** What a file weighs as sent: gzip for text, as is for Pagefind's own compressed files. */
    private static int compressed(HttpClient client, String url) throws Exception {
        byte[] body = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        String path = URI.create(url).getPath();
        if (path.endsWith(".pagefind") || path.endsWith(".pf_meta") || path.endsWith(".pf_index") || path.endsWith(".pf_fragment") || path.endsWith(".pf_filter")) {
            return body.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) { gz.write(body); }
        return out.size();
    }

    private static String kind(String path) {
        if (path.startsWith("/pagefind/") || path.startsWith("pagefind/")) {
            String rest = path.substring(path.indexOf("pagefind/") + "pagefind/".length());
            int slash = rest.indexOf('/');
            if (slash > 0) return rest.substring(0, slash);
            return rest.replaceAll("_[0-9a-f]+\\.", ".");
        }
        if (path.endsWith(".css")) return "css";
        if (path.endsWith(".js")) return "js";
        return "html";
    }

    private static ChromeDriver browser() throws Exception {
        System.setProperty("webdriver.remote.enableTracing", "false");
        Path profile = Files.createTempDirectory("search-bench-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-extensions", "--lang=nl-NL", "--user-data-dir=" + profile, "--window-size=390,844");
        // Selenium's CDP bindings are not needed (executeCdpCommand goes through ChromeDriver): no warning about their version.
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().withSilent(true).build();
        return new ChromeDriver(service, options);
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    /**
     * Made-up Dutch-looking words drawn with a Zipf-like skew (a few very common, most rare), so
     * titles and descriptions repeat words as real ones do and the index has many distinct ones.
     */
    static final class Words {
        private static final String[] START = {"b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "st", "br", "kl", "sch", "gr", "tr"};
        private static final String[] VOWEL = {"a", "e", "i", "o", "u", "aa", "ee", "oo", "ie", "oe", "ui", "ij", "eu"};
        private static final String[] END = {"", "n", "r", "s", "t", "k", "l", "m", "ng", "nd", "rt", "st", "ken", "ing", "heid", "en"};
        private final List<String> words = new ArrayList<>();
        private final Random random;

        Words(int size, long seed) {
            Random r = new Random(seed);
            java.util.Set<String> seen = new java.util.LinkedHashSet<>();
            while (seen.size() < size) {
                StringBuilder w = new StringBuilder();
                int syllables = 1 + r.nextInt(3);
                for (int s = 0; s < syllables; s++) w.append(START[r.nextInt(START.length)]).append(VOWEL[r.nextInt(VOWEL.length)]);
                w.append(END[r.nextInt(END.length)]);
                seen.add(w.toString());
            }
            words.addAll(seen);
            random = new Random(seed + 1);
        }

        int size() { return words.size(); }

        /** The n-th most common word. */
        String common(int n) { return words.get(Math.min(n, words.size() - 1)); }

        private String draw() {
            // Inverse of a power law over the ranks: rank ~ size^u, so low ranks are far more likely.
            double u = random.nextDouble();
            return words.get(Math.min(words.size() - 1, (int) Math.pow(words.size(), u) - 1));
        }

        private String sentence(int n) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) b.append(i == 0 ? "" : " ").append(draw());
            return Character.toUpperCase(b.charAt(0)) + b.substring(1) + ".";
        }

        String[] texts(int i, List<String> themes) {
            synchronized (this) {
                String title = sentence(2 + random.nextInt(4));
                return new String[] {title.substring(0, title.length() - 1) + " (" + themes.get(0) + ")", sentence(8 + random.nextInt(8)),
                        sentence(40 + random.nextInt(60)) + " " + sentence(10 + random.nextInt(20))};
            }
        }
    }

    private SearchBench() {}
}
