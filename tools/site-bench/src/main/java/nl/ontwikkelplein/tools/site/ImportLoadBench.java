package nl.ontwikkelplein.tools.site;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.local.LocalConfig;
import nl.ontwikkelplein.local.LocalStack;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * An editor's change while a partner import of N offers runs, on the whole local runtime of
 * template.yaml (SQLite with its change log and stream delivery, S3Proxy, the functions): the
 * import's writes flow through the catalog stream into the site builder, while every 2 seconds an
 * "editor" changes one offer's title and asks SitePublishFunction for its page, as the workspace
 * does after a save (catalog write + asynchronous Invoke through the local Lambda endpoint; the
 * workspace's own HTTP handling, a few tens of milliseconds, is left out). Printed: the import's
 * duration, save-to-page latency p50/p95/max during the import, how long the stream took to put
 * the last imported offer online, and function errors (failed stream batches).
 *
 * <pre>mvn -q -DskipTests install && mvn -q -pl tools/site-bench exec:java -Dexec.mainClass=nl.ontwikkelplein.tools.site.ImportLoadBench -Dexec.args="--offers 10000"</pre>
 */
public final class ImportLoadBench {
    public static void main(String[] args) throws Exception {
        run(args);
        System.exit(0); // the local runtime's pollers are daemon threads, the HTTP servers are not
    }

    static void run(String[] args) throws Exception {
        // Before the first HttpServer starts (the JDK reads it once): else each feed page waits ~40 ms for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int offers = 2_000;
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals("--offers")) offers = Integer.parseInt(args[++i]);
        Path dir = Files.createDirectories(Path.of("target", "import-load-" + System.currentTimeMillis()).toAbsolutePath());
        // Feeds of at most 2,500 offers (12,500 rows, under the importer's 5 MB cap), as a region's partners would have several.
        int feeds = (offers + PER_FEED - 1) / PER_FEED;
        HttpServer feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        List<String> sources = new ArrayList<>();
        for (int k = 0; k < feeds; k++) {
            byte[] csv = feed(k * PER_FEED, Math.min(offers, (k + 1) * PER_FEED));
            feedServer.createContext("/feed-" + k + ".csv", ex -> {
                ex.getResponseHeaders().set("Content-Type", "text/csv; charset=utf-8");
                ex.sendResponseHeaders(200, csv.length);
                ex.getResponseBody().write(csv);
                ex.close();
            });
        }
        feedServer.start();
        for (int k = 0; k < feeds; k++)
            sources.add("bench-" + k + "|bibliotheek-bench|http://127.0.0.1:" + feedServer.getAddress().getPort() + "/feed-" + k + ".csv");
        int http, s3;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            http = a.getLocalPort();
            s3 = b.getLocalPort();
        }
        Path template = LocalConfig.findRepoRoot(Path.of("").toAbsolutePath()).resolve("template.yaml");
        LocalConfig config = new LocalConfig(template, dir, http, s3, Map.of(
                "ImportFeeds", String.join(",", sources),
                "EnrolmentRateLimit", "0"));
        try (LocalStack stack = LocalStack.start(config);
             LambdaClient lambda = LambdaClient.builder().endpointOverride(URI.create(System.getProperty("aws.endpointUrlLambda")))
                     .region(Region.EU_WEST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
            Catalog catalog = stack.stores().catalog();
            catalog.saveOrganisation(new Organisation("bibliotheek-bench", "Bibliotheek Bench", null));
            catalog.saveLocation(new Location("redactie", "bibliotheek-bench", "Bibliotheek Centrum", Location.LocationKind.BRANCH,
                    new Location.Address("Markt 1", "7700 AA", "Plaats"), null, null));
            java.time.LocalDateTime start = java.time.LocalDateTime.now().plusDays(3).withHour(14).withMinute(0).withSecond(0).withNano(0);
            catalog.createOffer(new Offer("redactie-1", "bibliotheek-bench", "Spreekuur 0", "Hulp bij formulieren.", "Kom langs.", OfferKind.DROP_IN,
                    ProgrammeLine.BASIC_SKILLS, List.of("e-overheid"), List.of("volwassenen"), DeliveryFormat.IN_PERSON, Price.FREE, null, null, null, null,
                    Instant.now(), List.of(new Session("s1", start, start.plusHours(2), "redactie", null, 0, Session.SessionStatus.SCHEDULED))));
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + http;
            await(client, base + "/aanbod/redactie-1/", "Spreekuur 0", 60_000);

            AtomicReference<String> importResult = new AtomicReference<>();
            long i0 = System.nanoTime();
            Thread importer = new Thread(() -> {
                try {
                    importResult.set(String.join(" ", stack.scheduler().runNow("ImportFunction")));
                } catch (Exception e) {
                    importResult.set("failed: " + e);
                }
            }, "import");
            importer.start();
            List<Double> latencies = new ArrayList<>();
            int n = 1;
            while (importer.isAlive()) {
                Offer o = catalog.offer("redactie-1").orElseThrow();
                String title = "Spreekuur " + n++;
                catalog.updateOffer(new Offer(o.id(), o.organisationId(), title, o.summary(), o.description(), o.kind(), o.programmeLine(), o.themes(),
                        o.targetGroups(), o.format(), o.price(), null, null, null, null, o.updatedAt(), o.sessions()));
                long c0 = System.nanoTime();
                lambda.invoke(b -> b.functionName("SitePublishFunction").invocationType(InvocationType.EVENT)
                        .payload(SdkBytes.fromUtf8String("{\"offerIds\":[\"redactie-1\"]}")));
                double s = await(client, base + "/aanbod/redactie-1/", title, 60_000);
                latencies.add(s < 0 ? 60.0 : (System.nanoTime() - c0) / 1e9);
                Thread.sleep(2_000);
            }
            double importSecs = (System.nanoTime() - i0) / 1e9;
            String last = "/aanbod/" + nl.ontwikkelplein.domain.PartnerImport.newOfferId("Cursus " + (offers - 1), "bench-" + (feeds - 1), "X-" + (offers - 1)) + "/";
            long d0 = System.nanoTime();
            double drained = importResult.get().startsWith("failed") ? -1 : await(client, base + last, "Cursus " + (offers - 1), 1_200_000);
            double drainSecs = drained < 0 ? -1 : (System.nanoTime() - d0) / 1e9;
            int failedBatches = 0;
            Path failed = dir.resolve("failed-batches");
            if (Files.isDirectory(failed)) {
                try (Stream<Path> files = Files.list(failed)) {
                    for (Path f : files.toList()) failedBatches += (int) Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count();
                }
            }
            latencies.sort(Comparator.naturalOrder());
            System.out.printf(Locale.ROOT, "machine: %d cores%n", Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "import of %,d offers (%,d rows in %d feeds): %.1f s, %s%n", offers, offers * 5, feeds, importSecs, importResult.get());
            if (!latencies.isEmpty())
                System.out.printf(Locale.ROOT, "editor's change to page during the import (%d changes): p50 %.2f s, p95 %.2f s, max %.2f s%n", latencies.size(),
                        latencies.get(Math.min(latencies.size() - 1, latencies.size() / 2)),
                        latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(0.95 * latencies.size()) - 1)), latencies.get(latencies.size() - 1));
            System.out.printf(Locale.ROOT, "stream: last imported offer online %s after the import ended%n", drainSecs < 0 ? "not within 20 min (or the import failed)" : String.format(Locale.ROOT, "%.1f s", drainSecs));
            System.out.printf(Locale.ROOT, "failed stream batches (function errors after retries): %d%n", failedBatches);
        } finally {
            feedServer.stop(0);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** Seconds until the page holds {@code text}, or -1 after {@code timeoutMillis}. */
    private static double await(HttpClient client, String url, String text, long timeoutMillis) throws Exception {
        long t0 = System.nanoTime();
        while ((System.nanoTime() - t0) / 1_000_000 < timeoutMillis) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains(text)) return (System.nanoTime() - t0) / 1e9;
            Thread.sleep(50);
        }
        return -1;
    }

    /** A CSV feed in the documented format: N offers with 5 weekly dates each at 20 partner places. */
    static final int PER_FEED = 2_500;

    static byte[] feed(int from, int to) {
        StringBuilder b = new StringBuilder("external_id,title,summary,description,kind,programme_line,themes,target_groups,format,price_eur,provider,"
                + "more_info_url,location_name,street,postcode,city,start,end,seats\n");
        LocalDate first = LocalDate.now().plusDays(2);
        for (int i = from; i < to; i++) {
            for (int d = 0; d < 5; d++) {
                String day = first.plusDays(i % 60 + d * 7L).toString();
                String hour = String.format(Locale.ROOT, "%02d", 9 + i % 9);
                b.append("X-").append(i).append(',');
                if (d == 0) b.append("Cursus ").append(i).append(",Korte uitleg.,Lange uitleg.,Cursus,Basisvaardigheden,taal,volwassenen,Op locatie,gratis,Partner,,");
                else b.append(",,,,,,,,,,,");
                b.append("Partnerlocatie ").append(i % 20).append(",Straat ").append(i % 20).append(",7700 AA,Plaats ").append(i % 20).append(',')
                        .append(day).append(' ').append(hour).append(":00,").append(day).append(' ').append(hour).append(":45,12\n");
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
