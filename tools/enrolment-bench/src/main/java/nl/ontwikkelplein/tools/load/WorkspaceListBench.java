package nl.ontwikkelplein.tools.load;

import java.io.IOException;
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
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.EnrolmentScope;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.Secrets;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.domain.StaffSession;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.local.LocalConfig;
import nl.ontwikkelplein.local.LocalStack;

/**
 * How the staff list ("Ons aanbod") holds up as an organisation's offer grows: GET
 * /beheer/aanbod pages (random page, plain, searched, filtered by location) through the local
 * front for organisations of 25 (the baseline, measured in the same run), 1,000 and 5,000 offers
 * of 5 dates each. Prints p50 and p95 per size and their ratio to the baseline.
 *
 * <pre>
 * mvn -q -DskipTests install &amp;&amp; mvn -q -pl tools/enrolment-bench exec:java -Dexec.mainClass=nl.ontwikkelplein.tools.load.WorkspaceListBench [-Dexec.args="--requests 200"]
 * </pre>
 */
public final class WorkspaceListBench {
    static final List<Integer> SIZES = List.of(25, 1000, 5000);

    private WorkspaceListBench() {}

    public static void main(String[] args) throws Exception {
        int requests = args.length == 2 && args[0].equals("--requests") ? Integer.parseInt(args[1]) : 200;
        Path data = Files.createTempDirectory("ontwikkelplein-list-bench-");
        LocalConfig config = new LocalConfig(LocalConfig.findRepoRoot(Path.of("")).resolve("template.yaml"), data, freePort(), freePort(), Map.of());
        try (LocalStack stack = LocalStack.start(config)) {
            Stores stores = stack.stores();
            String secret = Secrets.newSecret();
            Instant now = Instant.now();
            stores.staff().create(new StaffMember("bench", "bench@bibliotheek.test", "Bench", Role.ADMIN, List.of(), now, null));
            stores.signIns().saveSession(new StaffSession(Secrets.hash(secret), "bench", now, now, now.plus(Duration.ofHours(8))));
            for (int size : SIZES) load(stores.catalog(), "org-" + size, size);
            HttpClient http = HttpClient.newHttpClient();
            System.out.printf(Locale.ROOT, "staff list through the local front, %d requests per size (random page, search, location filter)%n", requests);
            System.out.printf(Locale.ROOT, "%8s %10s %10s %12s %12s%n", "offers", "p50 ms", "p95 ms", "p50 ratio", "p95 ratio");
            double[] baseline = null;
            for (int size : SIZES) {
                double[] figures = measure(http, stack.baseUrl(), secret, "org-" + size, size, requests);
                if (baseline == null) baseline = figures;
                System.out.printf(Locale.ROOT, "%8d %10.1f %10.1f %11.1fx %11.1fx%n", size, figures[0], figures[1], figures[0] / baseline[0], figures[1] / baseline[1]);
            }
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Offers with 5 weekly dates each at one of two places, written straight into the local store (no pages rendered). */
    static void load(Catalog catalog, String organisationId, int offers) {
        catalog.saveOrganisation(new Organisation(organisationId, "Bibliotheek " + organisationId, null));
        for (String place : List.of("noord", "zuid"))
            catalog.saveLocation(new Location(organisationId + "-" + place, organisationId, "Vestiging " + place, Location.LocationKind.BRANCH,
                    new Location.Address("Straat 1", "1234 AB", "Plaats"), null, null));
        LocalDateTime start = LocalDateTime.now().plusDays(2).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < offers; i++) {
            String place = organisationId + (i % 2 == 0 ? "-noord" : "-zuid");
            List<Session> sessions = new ArrayList<>();
            for (int w = 0; w < 5; w++)
                sessions.add(new Session("s" + i + "-" + w, start.plusWeeks(w).plusHours(i % 8), start.plusWeeks(w).plusHours(i % 8 + 1), place, 12, 0,
                        Session.SessionStatus.SCHEDULED));
            catalog.createOffer(new Offer(organisationId + "-offer-" + i, organisationId, "Cursus " + i + (i % 10 == 0 ? " breien" : ""),
                    "Samen leren.", null, OfferKind.COURSE, ProgrammeLine.BASIC_SKILLS, List.of(), List.of(), DeliveryFormat.IN_PERSON, Price.FREE,
                    null, null, EnrolmentScope.PER_SESSION, null, Instant.now(), sessions));
        }
    }

    /** @return p50 and p95 in milliseconds */
    static double[] measure(HttpClient http, String base, String secret, String organisationId, int size, int requests) throws Exception {
        Random random = new Random(42);
        int pages = Math.max(1, (size + 24) / 25);
        for (int i = 0; i < 20; i++) get(http, base + "/beheer/aanbod?organisatie=" + organisationId, secret); // warm up
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String query = switch (i % 3) {
                case 0 -> "&pagina=" + (1 + random.nextInt(pages));
                case 1 -> "&zoek=breien";
                default -> "&locatie=" + organisationId + "-zuid&pagina=" + (1 + random.nextInt(Math.max(1, pages / 2)));
            };
            long t = System.nanoTime();
            get(http, base + "/beheer/aanbod?organisatie=" + organisationId + query, secret);
            millis.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(millis);
        return new double[]{millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1)};
    }

    static void get(HttpClient http, String url, String secret) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "__Host-op-sessie=" + secret).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
