package nl.ontwikkelplein.sitebuilder;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Ids;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.web.Pages;
import nl.ontwikkelplein.web.site.PublicSite;
import nl.ontwikkelplein.web.site.SiteData;
import nl.ontwikkelplein.web.site.SitePage;

/**
 * Renders the static site from the catalog and publishes what differs from what is online.
 * <ul>
 *   <li>{@link #rebuildAll()}: every page (offer pages, lists, home, sitemap, assets), rendered and
 *       written side by side; a page whose bytes equal what is online is not written again, and a
 *       page of something that is gone is removed;</li>
 *   <li>{@link #apply(Changes)}: after changes, only the pages of the offers that changed (or sit at
 *       a place or belong to an organisation that changed), plus the list pages that differ.</li>
 * </ul>
 * No Lambda types here: the handlers only parse events and call this.
 */
public final class SiteBuilder {
    public static final String HTML = SitePage.HTML;
    /** Pages change with every enrolment; browsers and CloudFront check again after a minute. */
    public static final String HTML_CACHE = "public, max-age=60, must-revalidate";
    /** Assets are requested with ?v={version}, so a day is safe. */
    public static final String ASSET_CACHE = "public, max-age=86400";
    /** Writes in flight at once: S3 PUTs wait on the network, not the CPU. */
    public static final int PARALLEL_WRITES = 16;

    private final Catalog catalog;
    private final SitePublisher publisher;
    private final Clock clock;
    private final List<Assets.Asset> assets;
    private final Pages pages;
    private final PublicSite site;

    public SiteBuilder(Catalog catalog, SitePublisher publisher, Clock clock) {
        this(catalog, publisher, clock, Assets.fromClasspath(SiteBuilder.class.getClassLoader()), null);
    }

    public SiteBuilder(Catalog catalog, SitePublisher publisher, Clock clock, List<Assets.Asset> assets) {
        this(catalog, publisher, clock, assets, null);
    }

    /** @param baseUrl the site's public address, for canonical links and the sitemap; may be null */
    public SiteBuilder(Catalog catalog, SitePublisher publisher, Clock clock, List<Assets.Asset> assets, String baseUrl) {
        this.catalog = catalog;
        this.publisher = publisher;
        this.clock = clock;
        this.assets = List.copyOf(assets);
        this.pages = new Pages(Assets.version(this.assets), baseUrl);
        this.site = new PublicSite(pages);
    }

    /**
     * Publishing into the bucket of the function's environment (SITE_BUCKET; the public address
     * from PUBLIC_ORIGIN, else the CloudFront domain SITE_DOMAIN, as template.yaml sets them).
     * Builds the S3 client: call once, at init.
     */
    public static SiteBuilder fromEnvironment(Catalog catalog, Map<String, String> env) {
        String bucket = env.get("SITE_BUCKET");
        if (bucket == null || bucket.isBlank()) throw new IllegalStateException("Environment variable SITE_BUCKET is not set");
        return new SiteBuilder(catalog, new S3SitePublisher(S3SitePublisher.createClient(env), bucket), Clock.systemUTC(),
                Assets.fromClasspath(SiteBuilder.class.getClassLoader()), publicAddress(env));
    }

    static String publicAddress(Map<String, String> env) {
        String origin = env.getOrDefault("PUBLIC_ORIGIN", "");
        String domain = env.getOrDefault("SITE_DOMAIN", "");
        if (!origin.isBlank()) return origin.strip();
        return domain.isBlank() ? null : "https://" + domain.strip();
    }

    /** What changed, as a batch of stream records says it. */
    public record Changes(Set<String> offerIds, Set<String> locationIds, Set<String> organisationIds) {
        public Changes {
            offerIds = Set.copyOf(offerIds);
            locationIds = Set.copyOf(locationIds);
            organisationIds = Set.copyOf(organisationIds);
        }

        public boolean isEmpty() { return offerIds.isEmpty() && locationIds.isEmpty() && organisationIds.isEmpty(); }
    }

    /**
     * What a build did.
     *
     * @param rendered pages rendered; written: those that differed from what was online; deleted: pages of what is gone
     */
    public record Summary(int rendered, int written, int deleted, Set<String> offersPublished, Set<String> offersRemoved) {}

    public static String offerPagePath(String offerId) { return PublicSite.offerKey(offerId); }

    public SiteData read() {
        return SiteData.of(catalog.publicOffers(), catalog.locations(), catalog.organisations(), clock.instant());
    }

    /** Everything. Pages are rendered and written side by side; whatever fails, the rest is still written. */
    public Summary rebuildAll() {
        SiteData data = read();
        List<SitePage> all = new ArrayList<>();
        for (Assets.Asset a : assets) all.add(new Asset(a).page());
        all.add(SitePage.text("404.html", HTML, pages::notFound));
        Set<String> offers = new TreeSet<>();
        for (Offer o : data.offers()) {
            all.addAll(offerFiles(o, data));
            offers.add(o.id());
        }
        all.addAll(site.listPages(data));
        Map<String, String> online = publisher.list("");
        List<String> gone = List.copyOf(orphans(online, all, SiteBuilder::managed));
        Result r = publish(all, online, gone);
        Set<String> removed = new TreeSet<>();
        for (String key : gone) {
            String id = offerIdOf(key);
            if (id != null && !offers.contains(id)) removed.add(id);
        }
        return r.summary(offers, removed);
    }

    /**
     * After changes: the pages of the offers touched (an offer that is gone or a draft loses its
     * page), and every list page whose bytes changed. Lists are rendered from one read of the
     * catalog, so a page that moved an offer from one list to another updates both.
     */
    public Summary apply(Changes changes) {
        for (String id : changes.offerIds()) Ids.requireValid(id); // ids become S3 keys: never "../"
        SiteData data = read();
        Map<String, Offer> byId = new HashMap<>();
        for (Offer o : data.offers()) byId.put(o.id(), o);
        Set<String> touched = new TreeSet<>(changes.offerIds());
        if (!changes.locationIds().isEmpty() || !changes.organisationIds().isEmpty()) {
            for (Offer o : data.offers()) {
                if (changes.organisationIds().contains(o.organisationId())) touched.add(o.id());
                else for (Session s : o.sessions()) if (s.locationId() != null && changes.locationIds().contains(s.locationId())) {
                    touched.add(o.id());
                    break;
                }
            }
        }
        List<SitePage> toWrite = new ArrayList<>();
        Set<String> published = new TreeSet<>();
        Set<String> removed = new TreeSet<>();
        for (String id : touched) {
            Offer o = byId.get(id);
            if (o != null) {
                toWrite.addAll(offerFiles(o, data));
                published.add(id);
            } else {
                removed.add(id);
            }
        }
        toWrite.addAll(site.listPages(data));
        Map<String, String> online = new HashMap<>();
        // What is online for these offers (page, calendar file): one listing per offer, or one for all when many.
        if (touched.size() > MAX_LISTINGS) online.putAll(publisher.list("aanbod/"));
        else for (String id : touched) online.putAll(publisher.list("aanbod/" + id + "/"));
        for (String prefix : PublicSite.LIST_PREFIXES) online.putAll(publisher.list(prefix));
        Set<String> gone = orphans(online, toWrite, key -> isListKey(key) || touched.contains(offerIdOf(key)));
        for (String id : removed) gone.add(offerPagePath(id)); // also when a listing missed it: deleting nothing is fine
        return publish(toWrite, online, List.copyOf(gone)).summary(published, removed);
    }

    /** Files online, within {@code ours}, that this run did not produce: pages of what is gone. */
    private static Set<String> orphans(Map<String, String> online, List<SitePage> produced, java.util.function.Predicate<String> ours) {
        Set<String> paths = new java.util.HashSet<>();
        for (SitePage p : produced) {
            if (!paths.add(p.path())) throw new IllegalStateException("two files for " + p.path() + ": rename the asset");
        }
        Set<String> gone = new TreeSet<>();
        for (String key : online.keySet()) if (ours.test(key) && !paths.contains(key)) gone.add(key);
        return gone;
    }

    /** "aanbod/{id}/…" → id; anything else → null. */
    private static String offerIdOf(String key) {
        if (!key.startsWith("aanbod/")) return null;
        int slash = key.indexOf('/', "aanbod/".length());
        return slash < 0 ? null : key.substring("aanbod/".length(), slash);
    }

    private static boolean isListKey(String key) {
        for (String prefix : PublicSite.LIST_PREFIXES) if (key.startsWith(prefix)) return true;
        return false;
    }

    /** Above this many touched offers, one listing of all offer files is cheaper than one per offer. */
    static final int MAX_LISTINGS = 50;

    /** An offer's page and its calendar files. */
    private List<SitePage> offerFiles(Offer o, SiteData data) {
        List<SitePage> files = new ArrayList<>();
        files.add(SitePage.text(offerPagePath(o.id()), HTML,
                () -> pages.offer(o, data.locations(), data.organisations().get(o.organisationId()), data.now())));
        files.addAll(site.offerCalendars(o, data));
        return files;
    }

    /** Paths this builder owns: anything else in the bucket (put there by hand) is left alone. */
    private static boolean managed(String key) {
        return key.startsWith("aanbod/") || key.equals("404.html") || isListKey(key);
    }

    private record Result(int rendered, int written, int deleted) {
        Summary summary(Set<String> published, Set<String> removed) {
            return new Summary(rendered, written, deleted, Set.copyOf(published), Set.copyOf(removed));
        }
    }

    /**
     * Renders each page, writes those whose MD5 differs from {@code online}, deletes {@code gone};
     * all side by side. Failures are collected and thrown together once everything else is done.
     */
    private Result publish(List<SitePage> pagesToWrite, Map<String, String> online, List<String> gone) {
        AtomicInteger written = new AtomicInteger();
        List<Supplier<String>> jobs = new ArrayList<>();
        for (SitePage p : pagesToWrite) {
            jobs.add(() -> {
                byte[] body = p.body();
                if (md5(body).equals(online.get(p.path()))) return null;
                // Assets are fetched with ?v={version}; pages, feeds and the sitemap change in place.
                boolean asset = !p.contentType().startsWith("text/html") && !p.contentType().startsWith("text/calendar")
                        && !p.path().startsWith("sitemap") && !p.path().equals("robots.txt");
                publisher.put(p.path(), body, p.contentType(), asset ? ASSET_CACHE : HTML_CACHE);
                written.incrementAndGet();
                return null;
            });
        }
        for (String key : gone) jobs.add(() -> {
            publisher.delete(key);
            return null;
        });
        List<String> failures = runAll(jobs, pagesToWrite, gone);
        if (!failures.isEmpty()) {
            throw new SiteBuildException(failures.size() + " page(s) could not be written: "
                    + String.join(", ", failures.subList(0, Math.min(20, failures.size()))),
                    new Summary(pagesToWrite.size(), written.get(), gone.size(), Set.of(), Set.of()));
        }
        return new Result(pagesToWrite.size(), written.get(), gone.size());
    }

    private static List<String> runAll(List<Supplier<String>> jobs, List<SitePage> pagesToWrite, List<String> gone) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_WRITES, r -> {
            Thread t = new Thread(r, "site-writer");
            t.setDaemon(true);
            return t;
        });
        List<String> failures = new ArrayList<>();
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Supplier<String> job : jobs) futures.add(pool.submit(job::get));
            for (int i = 0; i < futures.size(); i++) {
                String path = i < pagesToWrite.size() ? pagesToWrite.get(i).path() : gone.get(i - pagesToWrite.size());
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    failures.add(path);
                    Log.error("page failed", Map.of("path", path), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("(interrupted)");
        } finally {
            pool.shutdownNow();
        }
        return failures;
    }

    static String md5(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An asset as a page, so one publish path serves both. */
    private record Asset(Assets.Asset asset) {
        SitePage page() { return new SitePage(asset.path(), asset.contentType(), asset::body); }
    }

    /** Renders pages once without publishing, so templates and formatters are loaded before a SnapStart snapshot. */
    public void warmUp() {
        java.time.LocalDateTime start = java.time.LocalDateTime.of(2030, 1, 1, 10, 0);
        Offer sample = new Offer("voorbeeld", "voorbeeld", "Voorbeeld", "Voorbeeld", "Voorbeeld", null, null, List.of("voorbeeld"), List.of(),
                null, null, null, null, null, null, null, List.of(new Session("voorbeeld", start, start.plusHours(1),
                "voorbeeld", 10, 0, Session.SessionStatus.SCHEDULED)));
        java.time.Instant before = start.atZone(Session.ZONE).toInstant().minusSeconds(86_400);
        SiteData data = new SiteData(List.of(sample), Map.of(), Map.of(), before);
        pages.offer(sample, Map.of(), null, before);
        for (SitePage p : site.listPages(data)) p.body();
        pages.notFound();
    }

    /** A build that did not complete; {@link #summary()} says what did. */
    public static final class SiteBuildException extends RuntimeException {
        private final transient Summary summary;

        public SiteBuildException(String message, Summary summary) {
            super(message);
            this.summary = summary;
        }

        public Summary summary() { return summary; }
    }
}
