package nl.ontwikkelplein.tools.site;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.domain.Vocabulary;
import nl.ontwikkelplein.sitebuilder.S3SitePublisher;
import nl.ontwikkelplein.sitebuilder.SiteBuilder;
import nl.ontwikkelplein.store.sqlite.SqliteDatabase;
import nl.ontwikkelplein.store.sqlite.SqliteStores;
import nl.ontwikkelplein.local.LocalS3;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Site builds of a regional catalog on the local components (SQLite, S3Proxy with its filesystem
 * back end), printed as figures and as ratios against a baseline measured in the same run: writing
 * the same number of objects of the same size to the same S3Proxy, side by side, without rendering.
 *
 * <pre>mvn -q -DskipTests install && mvn -q -pl tools/site-bench exec:java -Dexec.args="--offers 10000 --dates 5"</pre>
 */
public final class SiteBench {
    public static void main(String[] args) throws Exception {
        int offers = 10_000, datesPerOffer = 5, changes = 20;
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--offers" -> offers = Integer.parseInt(args[++i]);
                case "--dates" -> datesPerOffer = Integer.parseInt(args[++i]);
                case "--changes" -> changes = Integer.parseInt(args[++i]);
                default -> { }
            }
        }
        Path dir = Files.createDirectories(Path.of("target", "site-bench-" + System.currentTimeMillis()).toAbsolutePath());
        Instant now = Instant.parse("2026-12-07T08:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        int port;
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        LocalS3 proxy = LocalS3.start(port, dir.resolve("s3")); // the local runtime's S3Proxy, as the site builder meets it there
        S3Client s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).forcePathStyle(true).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                // As S3SitePublisher.createClient configures it for a local endpoint.
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
        s3.createBucket(b -> b.bucket("site"));
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("bench.db"))) {
            Stores stores = SqliteStores.on(db, clock);
            long t0 = System.nanoTime();
            seed(stores.catalog(), offers, datesPerOffer, now);
            System.out.printf(Locale.ROOT, "catalog: %,d offers, %,d dates, written in %.1f s%n", offers, offers * datesPerOffer, secs(t0));

            SiteBuilder builder = new SiteBuilder(stores.catalog(), new S3SitePublisher(s3, "site"), clock,
                    nl.ontwikkelplein.sitebuilder.Assets.fromClasspath(SiteBench.class.getClassLoader()), "http://localhost:8080");
            builder.warmUp();

            long r0 = System.nanoTime();
            builder.read();
            double read = secs(r0);

            // Rendering and hashing alone, into a bucket that keeps nothing: the share of a build that is ours. The first
            // time in this JVM (as a fresh Lambda environment meets it) and again, warm; it also counts what a build writes.
            Discard discard = new Discard();
            SiteBuilder renderOnly = new SiteBuilder(stores.catalog(), discard, clock,
                    nl.ontwikkelplein.sitebuilder.Assets.fromClasspath(SiteBench.class.getClassLoader()), "http://localhost:8080");
            long rc0 = System.nanoTime();
            renderOnly.rebuildAll();
            double renderColdSecs = secs(rc0);
            int objects = discard.puts.get();
            long bytes = discard.bytes.get();

            // S3Proxy (a stand-in, not ours) compiles its hot paths in its first thousands of PUTs: not counted, so
            // neither the baseline nor the build pays for that.
            putMany(s3, "warm-up", Math.max(100, objects / 4), (int) Math.max(1, bytes / Math.max(1, objects)));
            double baseline = putMany(s3, "baseline", objects, (int) Math.max(1, bytes / Math.max(1, objects)));

            long f0 = System.nanoTime();
            SiteBuilder.Summary full = builder.rebuildAll();
            double fullSecs = secs(f0);
            long bucketBytes = 0;
            int bucketObjects = 0;
            List<software.amazon.awssdk.services.s3.model.S3Object> all = new ArrayList<>();
            for (var o : s3.listObjectsV2Paginator(b -> b.bucket("site")).contents()) { bucketBytes += o.size(); bucketObjects++; all.add(o); }
            all.sort(Comparator.comparing(software.amazon.awssdk.services.s3.model.S3Object::size).reversed());
            StringBuilder largest = new StringBuilder();
            for (var o : all.subList(0, Math.min(5, all.size()))) largest.append(String.format(Locale.ROOT, " %s (%,d KB)", o.key(), o.size() >> 10));

            long ro0 = System.nanoTime();
            renderOnly.rebuildAll();
            double renderSecs = secs(ro0);

            long ls0 = System.nanoTime();
            int listed = new S3SitePublisher(s3, "site").list("").size();
            double listSecs = secs(ls0);

            long w0 = System.nanoTime();
            SiteBuilder.Summary again = builder.rebuildAll();
            double againSecs = secs(w0);

            List<Double> offerChange = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                String id = "bench-" + (i * 97 % offers);
                Offer o = stores.catalog().offer(id).orElseThrow();
                stores.catalog().updateOffer(new Offer(o.id(), o.organisationId(), o.title() + " (gewijzigd " + i + ")", o.summary(), o.description(),
                        o.kind(), o.programmeLine(), o.themes(), o.targetGroups(), o.format(), o.price(), o.provider(), o.moreInfoUrl(),
                        o.enrolmentScope(), o.source(), o.updatedAt(), o.sessions()));
                long c0 = System.nanoTime();
                builder.apply(new SiteBuilder.Changes(Set.of(id), Set.of(), Set.of()));
                offerChange.add(secs(c0));
            }
            Location loc = stores.catalog().location("vestiging-7").orElseThrow();
            stores.catalog().saveLocation(new Location(loc.id(), loc.organisationId(), loc.name() + " (verbouwd)", loc.kind(), loc.address(), null, null));
            long l0 = System.nanoTime();
            SiteBuilder.Summary place = builder.apply(new SiteBuilder.Changes(Set.of(), Set.of(loc.id()), Set.of()));
            double placeSecs = secs(l0);

            // What every change pays before it renders anything: describing the whole site from one read (CPU time of this thread, so less swayed by a busy machine).
            nl.ontwikkelplein.web.site.SiteData data = builder.read();
            nl.ontwikkelplein.web.site.PublicSite site = new nl.ontwikkelplein.web.site.PublicSite(new nl.ontwikkelplein.web.Pages(null, null));
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            List<Double> describe = new ArrayList<>();
            int sectionCount = 0;
            for (int i = 0; i < 11; i++) {
                long t = cpu.getCurrentThreadCpuTime();
                sectionCount = site.sections(data).size();
                if (i > 0) describe.add((cpu.getCurrentThreadCpuTime() - t) / 1e6); // the first warms up
            }
            describe.sort(Comparator.naturalOrder());

            offerChange.sort(Comparator.naturalOrder());
            System.out.printf(Locale.ROOT, "machine: %d cores, max heap %d MB%n", Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "baseline: %,d plain PUTs of %,d bytes, %d side by side: %.2f s%n", objects, bytes / Math.max(1, objects),
                    SiteBuilder.PARALLEL_WRITES, baseline);
            System.out.printf(Locale.ROOT, "catalog read (all offers with dates): %.2f s%n", read);
            System.out.printf(Locale.ROOT, "listing the bucket (%,d objects with their ETags): %.2f s%n", listed, listSecs);
            System.out.printf(Locale.ROOT, "full build, empty bucket: %.2f s (x%.2f baseline): %,d rendered, %,d written, %,d objects, %,d MB%n",
                    fullSecs, fullSecs / baseline, full.rendered(), full.written(), bucketObjects, bucketBytes >> 20);
            System.out.printf(Locale.ROOT, "largest objects:%s%n", largest);
            System.out.printf(Locale.ROOT, "full build without writing (render and hash only): first in this JVM %.2f s (x%.2f baseline), again %.2f s (x%.2f)%n",
                    renderColdSecs, renderColdSecs / baseline, renderSecs, renderSecs / baseline);
            System.out.printf(Locale.ROOT, "full build, nothing changed: %.2f s (x%.2f baseline): %,d rendered, %,d written%n",
                    againSecs, againSecs / baseline, again.rendered(), again.written());
            System.out.printf(Locale.ROOT, "describing the site (%,d sections, %d runs): CPU p50 %.0f ms, max %.0f ms%n", sectionCount, describe.size(),
                    pct(describe, 50), describe.get(describe.size() - 1));
            System.out.printf(Locale.ROOT, "one offer changed (%d runs): p50 %.2f s, p95 %.2f s, max %.2f s%n", offerChange.size(),
                    pct(offerChange, 50), pct(offerChange, 95), offerChange.get(offerChange.size() - 1));
            System.out.printf(Locale.ROOT, "one place changed: %.2f s, %,d offer pages, %,d written%n", placeSecs, place.offersPublished().size(), place.written());
        } finally {
            s3.close();
            proxy.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** A bucket that keeps nothing and holds nothing; it counts what it was given. */
    private static final class Discard implements nl.ontwikkelplein.sitebuilder.SitePublisher {
        final java.util.concurrent.atomic.AtomicInteger puts = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();

        @Override public void put(String path, byte[] body, String contentType, String cacheControl, java.util.Map<String, String> metadata) {
            puts.incrementAndGet();
            bytes.addAndGet(body.length);
        }
        @Override public void delete(String path) { }
        @Override public java.util.Map<String, String> list(String prefix) { return java.util.Map.of(); }
        @Override public java.util.Map<String, String> listFolder(String folder) { return java.util.Map.of(); }
        @Override public java.util.Optional<Online> head(String path) { return java.util.Optional.empty(); }
        @Override public java.util.Optional<byte[]> get(String path) { return java.util.Optional.empty(); }
    }

    /** Writing {@code count} objects of {@code size} bytes into {@code bucket}, side by side as the builder does, without rendering. */
    private static double putMany(S3Client s3, String bucket, int count, int size) throws Exception {
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) 'x');
        s3.createBucket(b -> b.bucket(bucket));
        ExecutorService pool = Executors.newFixedThreadPool(SiteBuilder.PARALLEL_WRITES);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "p/" + i + "/index.html";
            fs.add(pool.submit(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/html"),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(body))));
        }
        for (Future<?> f : fs) f.get();
        double s = secs(t0);
        pool.shutdown();
        return s;
    }

    /** Title, summary and description of offer {@code i}. */
    interface Texts {
        String[] of(int i, List<String> themes);
    }

    static final Texts PLAIN = (i, themes) -> new String[] {"Cursus " + i + " over " + themes.get(0), "Een korte samenvatting van cursus " + i + ".",
            "Een beschrijving van cursus " + i + ", met wat meer tekst over wat u leert."};

    private static void seed(Catalog catalog, int offers, int datesPerOffer, Instant now) { seed(catalog, offers, datesPerOffer, now, PLAIN); }

    /** A region: 5 organisations, 50 branches in 20 towns, offers spread over 60 days and 9 hours of the day. */
    static void seed(Catalog catalog, int offers, int datesPerOffer, Instant now, Texts texts) {
        List<Organisation> orgs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Organisation o = new Organisation("bibliotheek-" + i, "Bibliotheek Regio " + i, null);
            catalog.saveOrganisation(o);
            orgs.add(o);
        }
        for (int i = 0; i < 50; i++) {
            catalog.saveLocation(new Location("vestiging-" + i, orgs.get(i % orgs.size()).id(), "Vestiging " + i, Location.LocationKind.BRANCH,
                    new Location.Address("Dorpsstraat " + i, "7700 AA", "Plaats " + (i % 20)), null, null));
        }
        LocalDateTime start = LocalDateTime.ofInstant(now, Session.ZONE).withHour(9).withMinute(30).plusDays(1);
        OfferKind[] kinds = OfferKind.values();
        ProgrammeLine[] lines = ProgrammeLine.values();
        for (int i = 0; i < offers; i++) {
            List<Session> sessions = new ArrayList<>();
            for (int d = 0; d < datesPerOffer; d++) {
                LocalDateTime s = start.plusDays((i % 60) + d * 7L).plusHours(i % 9);
                sessions.add(new Session("d" + d, s, s.plusHours(2), "vestiging-" + (i % 50), 12, i % 13, Session.SessionStatus.SCHEDULED));
            }
            List<String> themes = List.of(Vocabulary.THEMES.get(i % Vocabulary.THEMES.size()), Vocabulary.THEMES.get((i / 7) % Vocabulary.THEMES.size()));
            String[] text = texts.of(i, themes);
            catalog.createOffer(new Offer("bench-" + i, orgs.get(i % orgs.size()).id(), text[0], text[1], text[2],
                    kinds[i % kinds.length], lines[i % lines.length], themes.stream().distinct().toList(),
                    List.of(Vocabulary.TARGET_GROUPS.get(i % Vocabulary.TARGET_GROUPS.size())),
                    i % 10 == 0 ? DeliveryFormat.ONLINE : DeliveryFormat.IN_PERSON, i % 8 == 0 ? new Price(500) : Price.FREE,
                    null, null, null, null, now, sessions));
        }
    }

    private static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
