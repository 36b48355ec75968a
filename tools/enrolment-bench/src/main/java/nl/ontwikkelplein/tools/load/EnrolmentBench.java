package nl.ontwikkelplein.tools.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import nl.ontwikkelplein.domain.AgendaEntry;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.local.LocalConfig;
import nl.ontwikkelplein.local.LocalMain;
import nl.ontwikkelplein.local.LocalStack;
import nl.ontwikkelplein.local.demo.DemoData;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.store.sqlite.SqliteDatabase;
import nl.ontwikkelplein.store.sqlite.SqliteStores;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Many people enrol at once through the local front, on a fresh local run with the demo data:
 * {@code --attempts} enrolment attempts (JSON, each with its own phone number), {@code --concurrency}
 * at a time, spread over the {@code --sessions} per-date sessions with the fewest seats. Checks that
 * exactly the free seats were taken, that every attempt got an answer and none a 5xx; prints
 * attempts per second next to a baseline measured in the same run: as many GET /api/health
 * requests at the same concurrency (the front and one function invocation, no storage).
 *
 * <pre>
 * mvn -q -DskipTests install &amp;&amp; mvn -q -pl tools/enrolment-bench exec:java [-Dexec.args="--attempts 1000 --concurrency 64 --sessions 10"]
 * </pre>
 */
public final class EnrolmentBench {
    /** The figure the local run must reach on 2 cores (issue 5). */
    static final double GOAL_PER_SECOND = 100;

    private EnrolmentBench() {}

    /** @param extraOffers offers added to the demo data before the start (5 weekly dates each), to see the effect of a large catalog */
    record Options(int attempts, int concurrency, int sessions, int extraOffers) {
        static Options parse(String[] args) {
            int attempts = 1000, concurrency = 64, sessions = 10, extraOffers = 0;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--attempts" -> attempts = positive(value, args[i++]);
                    case "--concurrency" -> concurrency = positive(value, args[i++]);
                    case "--sessions" -> sessions = positive(value, args[i++]);
                    case "--extra-offers" -> extraOffers = positive(value, args[i++]);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; use --attempts N --concurrency N --sessions N --extra-offers N");
                }
            }
            return new Options(attempts, concurrency, sessions, extraOffers);
        }

        private static int positive(String value, String name) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) return n;
            } catch (NumberFormatException | NullPointerException ignored) {
                // reported below
            }
            throw new IllegalArgumentException(name + " needs a positive whole number");
        }
    }

    /** One answered request: its status and how long it took. */
    record Answer(int status, String outcome, long nanos) {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(64);
            return;
        }
        Path data = Files.createTempDirectory("ontwikkelplein-enrolment-bench-");
        int status;
        // One address sends every attempt: the per-visitor limit is off for the bench.
        LocalConfig config = new LocalConfig(LocalConfig.findRepoRoot(Path.of("")).resolve("template.yaml"), data, freePort(), freePort(),
                Map.of("EnrolmentRateLimit", "0"));
        if (options.extraOffers() > 0) {
            // Written before the start, so the site builder's stream begins after them (it starts at LATEST).
            try (SqliteDatabase database = SqliteDatabase.open(config.databaseFile())) {
                Catalog catalog = SqliteStores.on(database, Clock.systemUTC()).catalog();
                DemoData.loadIfEmpty(catalog, Clock.systemUTC());
                long start = System.nanoTime();
                addOffers(catalog, options.extraOffers());
                System.out.println(String.format(Locale.ROOT, "added %d offers with 5 dates each in %.1f s", options.extraOffers(),
                        (System.nanoTime() - start) / 1e9));
            }
        }
        LocalStack stack = LocalStack.start(config);
        try {
            if (options.extraOffers() == 0) LocalMain.prepare(stack);
            status = run(stack, options);
        } finally {
            stack.stop();
            try (Stream<Path> files = Files.walk(data)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        System.exit(status);
    }

    /** Partner-like offers in the demo organisation, at its locations, 5 weekly dates each, 20 seats. */
    static void addOffers(Catalog catalog, int count) {
        List<String> locations = catalog.locations().stream().map(l -> l.id()).toList();
        LocalDate first = LocalDate.now(Session.ZONE).plusDays(14);
        for (int i = 0; i < count; i++) {
            List<Session> sessions = new ArrayList<>();
            for (int w = 0; w < 5; w++) {
                LocalDateTime start = first.plusDays(i % 60).plusWeeks(w).atTime(9 + i % 10, 0);
                sessions.add(new Session("s" + w, start, start.plusHours(2), locations.get(i % locations.size()), 20, 0, null));
            }
            catalog.createOffer(new Offer(String.format(Locale.ROOT, "bench-%05d", i), DemoData.ORGANISATION, "Cursus " + i,
                    "Een cursus om de belasting te meten.", null, OfferKind.COURSE, ProgrammeLine.PERSONAL_DEVELOPMENT, List.of("meten"),
                    List.of("volwassenen"), null, null, null, null, null, null, Instant.now(), sessions));
        }
    }

    static int run(LocalStack stack, Options options) throws Exception {
        Catalog catalog = stack.stores().catalog();
        List<Session> chosen = new ArrayList<>();
        List<String> offerIds = new ArrayList<>();
        List<AgendaEntry> agenda = catalog.upcoming(Instant.now().plus(Duration.ofHours(1)), 1000);
        agenda.stream()
                .filter(a -> a.session().needsEnrolment() && !a.session().isCancelled())
                .filter(a -> catalog.offer(a.offerId()).map(o -> !o.isCourse()).orElse(false))
                .sorted(Comparator.comparingInt((AgendaEntry a) -> a.session().seatsLeft()))
                .limit(options.sessions())
                .forEach(a -> {
                    chosen.add(a.session());
                    offerIds.add(a.offerId());
                });
        if (chosen.size() < options.sessions())
            throw new IllegalStateException("the demo data has only " + chosen.size() + " sessions taking enrolments per date");
        int freeBefore = chosen.stream().mapToInt(Session::seatsLeft).sum();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = stack.baseUrl();
        List<Callable<Answer>> warmUp = new ArrayList<>();
        for (int i = 0; i < options.concurrency(); i++) warmUp.add(() -> send(http, HttpRequest.newBuilder(URI.create(base + "/api/health")).GET()));
        race(warmUp, options.concurrency()); // every function instance the runs need exists before timing starts

        List<Callable<Answer>> health = new ArrayList<>();
        for (int i = 0; i < options.attempts(); i++) health.add(() -> send(http, HttpRequest.newBuilder(URI.create(base + "/api/health")).GET()));
        Timed baseline = race(health, options.concurrency());

        List<Callable<Answer>> enrolments = new ArrayList<>();
        for (int i = 0; i < options.attempts(); i++) {
            int s = i % chosen.size();
            String path = "/api/offers/" + offerIds.get(s) + "/sessions/" + chosen.get(s).id() + "/enrolments";
            String body = String.format(Locale.ROOT, "{\"name\":\"Deelnemer %d\",\"phone\":\"06%08d\"}", i, 10_000_000 + i);
            enrolments.add(() -> send(http, HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))));
        }
        Timed enrol = race(enrolments, options.concurrency());

        int freeAfter = 0;
        for (int s = 0; s < chosen.size(); s++) {
            String sessionId = chosen.get(s).id();
            Offer offer = catalog.offer(offerIds.get(s)).orElseThrow();
            freeAfter += offer.session(sessionId).orElseThrow().seatsLeft();
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        enrol.answers().forEach(a -> outcomes.merge(a.status() + " " + a.outcome(), 1, Integer::sum));
        long enrolled = enrol.answers().stream().filter(a -> a.status() == 201).count();
        long serverErrors = enrol.answers().stream().filter(a -> a.status() >= 500 || a.status() < 0).count();

        System.out.println("== Enrolment under load: local run, demo data" + (options.extraOffers() > 0 ? " + " + options.extraOffers() + " offers" : "")
                + ", " + options.sessions() + " sessions ("
                + freeBefore + " free seats), " + options.attempts() + " attempts, " + options.concurrency() + " at a time");
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, java " + System.getProperty("java.version"));
        System.out.println(String.format(Locale.ROOT, "%-22s %10s %10s %10s %10s", "", "per second", "p50 ms", "p95 ms", "max ms"));
        System.out.println(baseline.line("GET /api/health"));
        System.out.println(enrol.line("POST .../enrolments"));
        System.out.println(String.format(Locale.ROOT, "enrolments per second / health checks per second: %.2f", enrol.perSecond() / baseline.perSecond()));
        System.out.println("answers: " + outcomes);
        System.out.println("seats taken: " + enrolled + " of " + freeBefore + " free; left afterwards: " + freeAfter);

        List<String> failures = new ArrayList<>();
        if (enrolled != freeBefore) failures.add("took " + enrolled + " seats, not the " + freeBefore + " free ones");
        if (freeAfter != 0) failures.add(freeAfter + " seats still free afterwards");
        if (enrol.answers().size() != options.attempts()) failures.add("only " + enrol.answers().size() + " attempts answered");
        if (serverErrors > 0) failures.add(serverErrors + " answers were 5xx or no answer");
        if (enrol.perSecond() < GOAL_PER_SECOND) failures.add(String.format(Locale.ROOT, "%.0f attempts per second, below the goal of %.0f", enrol.perSecond(), GOAL_PER_SECOND));
        System.out.println(failures.isEmpty() ? "OK: exactly the free seats, every attempt answered, no 5xx, at least "
                + (int) GOAL_PER_SECOND + " per second" : "NOT OK: " + String.join("; ", failures));
        return failures.isEmpty() ? 0 : 1;
    }

    record Timed(List<Answer> answers, long nanos) {
        double perSecond() {
            return answers.size() / (nanos / 1e9);
        }

        String line(String label) {
            long[] sorted = answers.stream().mapToLong(Answer::nanos).sorted().toArray();
            return String.format(Locale.ROOT, "%-22s %10.0f %10.1f %10.1f %10.1f", label, perSecond(),
                    ms(sorted, 0.50), ms(sorted, 0.95), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }

        private static double ms(long[] sorted, double quantile) {
            if (sorted.length == 0) return 0;
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
        }
    }

    static Timed race(List<Callable<Answer>> calls, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long start = System.nanoTime();
            List<Future<Answer>> futures = pool.invokeAll(calls);
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) answers.add(f.get());
            return new Timed(answers, System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }

    static Answer send(HttpClient http, HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            int at = body.indexOf("\"outcome\":\"");
            String outcome = at < 0 ? "" : body.substring(at + 11, body.indexOf('"', at + 11));
            return new Answer(response.statusCode(), outcome, System.nanoTime() - start);
        } catch (IOException e) {
            return new Answer(-1, e.getClass().getSimpleName(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", System.nanoTime() - start);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
