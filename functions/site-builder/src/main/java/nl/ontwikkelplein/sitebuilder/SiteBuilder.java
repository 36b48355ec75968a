package nl.ontwikkelplein.sitebuilder;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Ids;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.web.Pages;
import nl.ontwikkelplein.web.site.PublicSite;
import nl.ontwikkelplein.web.site.PublicSite.Section;
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

    /** The metadata key of an offer page's {@link Listings}. */
    static final String LISTED_ON = "op-lists";

    /** The metadata key of the moment (epoch milliseconds) a page's catalog read began: a page is never replaced by one from an earlier read. */
    public static final String READ_AT = "op-read";

    /** One read of the catalog; its moment (taken before reading, so everything written before it is in) is the version of the pages made from it. */
    public SiteData read() {
        java.time.Instant at = clock.instant();
        return SiteData.of(catalog.publicOffers(), catalog.locations(), catalog.organisations(), at);
    }

    /** Everything. Pages are rendered and written side by side; whatever fails, the rest is still written. */
    public Summary rebuildAll() { return rebuildAll(read(), Integer.MAX_VALUE).summary(); }

    /**
     * As {@link #rebuildAll()}, but renders at most {@code offerPages} offer pages itself and hands
     * back the rest with their lists, as {@link #apply(Changes, int)} does: every list, the home page
     * and the assets are written here, the other offer pages can be published side by side.
     */
    public Applied rebuildAll(int offerPages) { return rebuildAll(read(), offerPages); }

    /** A full build from a read made earlier (tests of overlapping builds). */
    Summary rebuildAll(SiteData data) { return rebuildAll(data, Integer.MAX_VALUE).summary(); }

    private Applied rebuildAll(SiteData data, int offerPageLimit) {
        List<Section> sections = site.sections(data);
        Map<String, SortedSet<String>> listed = listedOn(sections, null);
        List<SitePage> lists = new ArrayList<>();
        for (Assets.Asset a : assets) lists.add(new Asset(a).page());
        lists.add(SitePage.text("404.html", HTML, pages::notFound));
        for (Section s : sections) lists.addAll(s.pages());
        List<OfferPage> offerPages = new ArrayList<>();
        Set<String> offers = new TreeSet<>();
        Map<String, String> deferred = new java.util.LinkedHashMap<>();
        for (Offer o : data.offers()) {
            if (offerPages.size() >= offerPageLimit) deferred.put(o.id(), Listings.encode(listed.getOrDefault(o.id(), EMPTY)));
            else offerPages.add(offerPage(o, data, listed.getOrDefault(o.id(), EMPTY)));
            offers.add(o.id());
        }
        List<SitePage> all = new ArrayList<>(lists);
        for (OfferPage p : offerPages) all.add(p.page());
        Map<String, String> online = listEverything(all);
        Set<String> kept = new java.util.HashSet<>();
        for (String id : deferred.keySet()) kept.add(offerPagePath(id)); // published elsewhere, not gone
        Set<String> gone = orphans(online, all, key -> managed(key) && !kept.contains(key));
        Set<String> removed = new TreeSet<>();
        for (String key : gone) {
            String id = offerIdOf(key);
            if (id != null && !offers.contains(id)) removed.add(id);
        }
        Set<String> published = new TreeSet<>(offers);
        published.removeAll(deferred.keySet());
        Summary summary = publish(lists, offerPages, online, gone, Map.of(), data.now().toEpochMilli()).summary(published, removed);
        return new Applied(summary, deferred, data.now().toEpochMilli());
    }

    /**
     * After changes: the pages of the offers touched (an offer that is gone or a draft loses its
     * page), and the lists they were on or are on now, rendered from one read of the catalog.
     * Lists are written first and offer pages (which keep what lists they are on) last, so a
     * batch that fails half-way still knows, when retried, which lists the offer left.
     */
    public Summary apply(Changes changes) {
        return apply(changes, Integer.MAX_VALUE).summary();
    }

    /**
     * What {@link #apply(Changes, int)} or {@link #rebuildAll(int)} did, and the offer pages it left
     * for others: offer id → the lists it is on ({@link Listings}) as of the catalog read at
     * {@code listedAt} (epoch ms), for {@link #publishOfferPages(Set, Map, long)}.
     */
    public record Applied(Summary summary, Map<String, String> deferred, long listedAt) {}

    /**
     * As {@link #apply(Changes)}, but renders at most {@code offerPages} offer pages itself: a
     * change that touches more (a branch or an organisation with thousands of offers) writes all
     * its lists and the first offer pages, and hands back the rest with their lists, so they can
     * be published in other invocations side by side instead of running into this one's time limit
     * and being retried as a whole.
     */
    public Applied apply(Changes changes, int offerPages) {
        for (String id : changes.offerIds()) Ids.requireValid(id); // ids become S3 keys: never "../"
        return apply(changes, read(), offerPages);
    }

    /** After changes, from a read made earlier (tests of overlapping builds). */
    Summary apply(Changes changes, SiteData data) {
        return apply(changes, data, Integer.MAX_VALUE).summary();
    }

    private Applied apply(Changes changes, SiteData data, int offerPageLimit) {
        Map<String, Offer> byId = new HashMap<>();
        for (Offer o : data.offers()) byId.put(o.id(), o);
        Set<String> touched = new TreeSet<>(changes.offerIds());
        if (!changes.locationIds().isEmpty() || !changes.organisationIds().isEmpty()) {
            for (Offer o : data.offers()) {
                if (changes.organisationIds().contains(o.organisationId())) touched.add(o.id());
                else if (o.locationIds().stream().anyMatch(changes.locationIds()::contains)) touched.add(o.id());
            }
        }
        List<Section> sections = site.sections(data);
        Map<String, SortedSet<String>> listed = listedOn(sections, touched);
        Map<String, Optional<SitePublisher.Online>> before = heads(touched);
        Map<String, Set<String>> wasOn = new HashMap<>(); // what each page online says it was listed on
        for (String id : touched) {
            wasOn.put(id, before.get(id).map(w -> (Set<String>) Listings.decode(w.metadata().getOrDefault(LISTED_ON, Listings.EVERYTHING))).orElse(Set.of()));
        }

        // The folders to reconcile: the lists every offer is on, and those the touched offers were and are on.
        SortedSet<String> folders = new TreeSet<>();
        for (Section s : sections) if (s.offerIds() == null) folders.add(s.folder());
        for (String id : touched) {
            folders.addAll(listed.getOrDefault(id, EMPTY));
            folders.addAll(wasOn.get(id));
        }
        addNamedWeeks(folders, data);
        Reconcile r = reconcile(folders, sections);

        List<OfferPage> offerPages = new ArrayList<>();
        Map<String, String> online = new HashMap<>(r.online());
        Set<String> gone = new TreeSet<>(r.gone());
        Set<String> published = new TreeSet<>();
        Set<String> removed = new TreeSet<>();
        Map<String, SitePublisher.Online> looked = new HashMap<>(); // offer pages already looked at after this read
        Map<String, String> deferred = new java.util.LinkedHashMap<>();
        for (String id : touched) {
            Offer o = byId.get(id);
            Optional<SitePublisher.Online> was = before.get(id);
            if (o != null && offerPages.size() >= offerPageLimit) {
                deferred.put(id, Listings.encode(listed.getOrDefault(id, EMPTY)));
            } else if (o != null) {
                OfferPage p = offerPage(o, data, listed.getOrDefault(id, EMPTY)).alsoAffecting(wasOn.get(id));
                offerPages.add(p);
                published.add(id);
                was.ifPresent(w -> {
                    online.put(p.page().path(), w.md5());
                    looked.put(p.page().path(), w);
                });
            } else {
                removed.add(id);
                if (was.isPresent()) gone.add(offerPagePath(id));
            }
        }
        Summary summary = publish(r.pages(), offerPages, online, gone, looked, data.now().toEpochMilli()).summary(published, removed);
        return new Applied(summary, deferred, data.now().toEpochMilli()); // only once the lists are written: a failed list keeps them back too
    }

    /**
     * The pages of some offers at once, from point reads of those offers, their places and the
     * organisations, without reading the whole catalog or rendering a list: an editor's save is
     * online in well under a second even while an import fills the catalog. Each page keeps the
     * lists it was published on (its listing and the digest of it in its bytes), so the
     * {@link #apply} that follows still knows which lists the offer leaves. Offers that are gone
     * or drafts are left to {@link #apply}, which removes their pages together with their lists.
     */
    public Summary publishOfferPages(Set<String> offerIds) {
        return publishOfferPages(offerIds, Map.of(), 0);
    }

    /**
     * As {@link #publishOfferPages(Set)}, for pages a build handed on ({@link Applied}): each page is
     * listed on the lists given for it, which a read at {@code listedAt} found and whose pages are
     * written. A page online from a later read may know of lists that read did not, so then it keeps
     * those as well (more than it is on is harmless; a list left out would keep showing the offer
     * after it leaves). With {@code listedAt} 0 (not known) the given lists are always added to the
     * page's own.
     */
    public Summary publishOfferPages(Set<String> offerIds, Map<String, String> lists, long listedAt) {
        for (String id : offerIds) Ids.requireValid(id);
        java.time.Instant at = clock.instant(); // before reading, as read() does
        Map<String, Optional<SitePublisher.Online>> before = heads(offerIds);
        Map<String, Organisation> organisations = new HashMap<>();
        List<OfferPage> offerPages = new ArrayList<>();
        Map<String, String> online = new HashMap<>();
        Map<String, SitePublisher.Online> looked = new HashMap<>();
        Set<String> published = new TreeSet<>();
        for (String id : new TreeSet<>(offerIds)) {
            Optional<Offer> found = catalog.offer(id);
            if (found.isEmpty() || !found.get().status().isPublic()) continue;
            Offer o = found.get();
            if (organisations.isEmpty()) for (var org : catalog.organisations()) organisations.put(org.id(), org);
            Map<String, Location> locations = new HashMap<>();
            for (String place : o.locationIds()) catalog.location(place).ifPresent(l -> locations.put(l.id(), l));
            Optional<SitePublisher.Online> was = before.get(id);
            // A page online keeps its listing as it is; a new page is on no list yet.
            String listing = was.map(w -> w.metadata().getOrDefault(LISTED_ON, Listings.EVERYTHING)).orElse(Listings.encode(EMPTY));
            String given = lists.get(id);
            if (given != null) listing = was.isPresent() && listedAt > 0 && readAt(was.get()) <= listedAt ? given : Listings.union(listing, given);
            SortedSet<String> wasOn = Listings.decode(listing);
            offerPages.add(new OfferPage(offerPageOf(o, locations, organisations.get(o.organisationId()), at, listing), wasOn, listing, wasOn));
            published.add(id);
            was.ifPresent(w -> {
                online.put(offerPagePath(id), w.md5());
                looked.put(offerPagePath(id), w);
            });
        }
        return publish(List.of(), offerPages, online, Set.of(), looked, at.toEpochMilli()).summary(published, Set.of());
    }

    private static final SortedSet<String> EMPTY = java.util.Collections.unmodifiableSortedSet(new TreeSet<>());

    /** For each offer (of {@code only}, or all when null), the folders of the lists that show it. */
    private static Map<String, SortedSet<String>> listedOn(List<Section> sections, Set<String> only) {
        Map<String, SortedSet<String>> out = new HashMap<>();
        for (Section s : sections) {
            if (s.offerIds() == null) continue; // on every offer's list anyway
            if (only == null) {
                for (String id : s.offerIds()) out.computeIfAbsent(id, k -> new TreeSet<>()).add(s.folder());
            } else {
                for (String id : only) if (s.offerIds().contains(id)) out.computeIfAbsent(id, k -> new TreeSet<>()).add(s.folder());
            }
        }
        return out;
    }

    /** "Deze week" and "volgende week" show a week's dates under another name: a week that changed changes them too. */
    private static void addNamedWeeks(SortedSet<String> folders, SiteData data) {
        java.time.LocalDate monday = nl.ontwikkelplein.web.DutchFormat.today(data.now()).with(java.time.DayOfWeek.MONDAY);
        if (folders.contains("agenda/week/" + PublicSite.week(monday) + "/")) folders.add("agenda/deze-week/");
        if (folders.contains("agenda/week/" + PublicSite.week(monday.plusDays(7)) + "/")) folders.add("agenda/volgende-week/");
    }

    /** The list pages of some folders (a folder ending in "*": every folder below it), what is online there, and what is gone. */
    private record Reconcile(List<SitePage> pages, Map<String, String> online, Set<String> gone) {}

    private Reconcile reconcile(SortedSet<String> folders, List<Section> sections) {
        Map<String, Section> byFolder = new HashMap<>();
        for (Section s : sections) byFolder.put(s.folder(), s);
        List<String> wildcards = new ArrayList<>();
        for (String f : folders) {
            if (f.equals(Listings.EVERYTHING)) wildcards.add("");
            else if (f.endsWith("*")) wildcards.add(f.substring(0, f.length() - 1));
        }
        List<SitePage> produced = new ArrayList<>();
        Set<String> done = new java.util.HashSet<>();
        // Below a wildcard: every list there as it is now, against everything of ours online there.
        Set<String> deepListings = new TreeSet<>();
        boolean root = false;
        for (String w : wildcards) {
            for (Section s : sections) if (s.folder().startsWith(w) && done.add(s.folder())) produced.addAll(s.pages());
            if (w.isEmpty()) {
                root = true;
                for (String top : PublicSite.LIST_PREFIXES) if (top.endsWith("/")) deepListings.add(top);
            } else {
                deepListings.add(w);
            }
        }
        List<Section> single = new ArrayList<>();
        for (String f : folders) {
            if (f.endsWith("*") || done.contains(f) || wildcards.stream().anyMatch(f::startsWith)) continue;
            done.add(f);
            // A list that no longer exists is reconciled as an empty paged one: all its pages go.
            Section s = byFolder.getOrDefault(f, new Section(f, true, List.of(), Set.of()));
            produced.addAll(s.pages());
            single.add(s);
        }
        Set<String> paths = pathsOf(produced);
        Map<String, String> online = new java.util.concurrent.ConcurrentHashMap<>();
        Set<String> gone = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Supplier<String>> listings = new ArrayList<>();
        List<String> under = List.copyOf(wildcards);
        java.util.function.BiConsumer<Map<String, String>, java.util.function.Predicate<String>> take = (there, ours) -> {
            for (Map.Entry<String, String> e : there.entrySet()) {
                if (!ours.test(e.getKey())) continue;
                online.put(e.getKey(), e.getValue());
                if (!paths.contains(e.getKey())) gone.add(e.getKey());
            }
        };
        java.util.function.Predicate<String> belowWildcard = key -> isListKey(key) && under.stream().anyMatch(key::startsWith);
        if (root) listings.add(() -> { take.accept(publisher.listFolder(""), belowWildcard); return null; });
        for (String prefix : deepListings) listings.add(() -> { take.accept(publisher.list(prefix), belowWildcard); return null; });
        for (Section s : single) listings.add(() -> {
            take.accept(s.paged() ? publisher.list(s.folder()) : publisher.listFolder(s.folder()), s::owns);
            return null;
        });
        List<String> failures = runAll(listings, i -> "listing " + i);
        if (!failures.isEmpty()) throw new SiteBuildException("could not read what is online: " + failures, new Summary(0, 0, 0, Set.of(), Set.of()));
        return new Reconcile(produced, online, gone);
    }

    private static Set<String> pathsOf(List<SitePage> pages) {
        Set<String> out = new java.util.HashSet<>();
        for (SitePage p : pages) out.add(p.path());
        return out;
    }

    /** What is online of everything a full build produces or owns: one listing per top-level folder, side by side. */
    private Map<String, String> listEverything(List<SitePage> produced) {
        Set<String> tops = new TreeSet<>();
        for (SitePage p : produced) {
            int slash = p.path().indexOf('/');
            if (slash > 0) tops.add(p.path().substring(0, slash + 1));
        }
        tops.add("aanbod/");
        for (String prefix : PublicSite.LIST_PREFIXES) if (prefix.endsWith("/")) tops.add(prefix);
        Map<String, String> online = new java.util.concurrent.ConcurrentHashMap<>();
        List<Supplier<String>> jobs = new ArrayList<>();
        jobs.add(() -> {
            online.putAll(publisher.listFolder(""));
            return null;
        });
        for (String top : tops) jobs.add(() -> {
            online.putAll(publisher.list(top));
            return null;
        });
        List<String> failures = runAll(jobs, i -> "listing " + i);
        if (!failures.isEmpty()) throw new SiteBuildException("could not read what is online: " + failures, new Summary(0, 0, 0, Set.of(), Set.of()));
        return online;
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

    /** An offer's page, with the lists it is on (as page metadata, and as a digest in the page so a full build notices when they change). */
    /** @param affects the lists it is on now and, after a change, those it was on: if one of them fails, this page waits */
    private record OfferPage(SitePage page, SortedSet<String> listedOn, String listing, Set<String> affects) {
        OfferPage alsoAffecting(Set<String> before) {
            Set<String> all = new TreeSet<>(affects);
            all.addAll(before);
            return new OfferPage(page, listedOn, listing, all);
        }
    }

    private OfferPage offerPage(Offer o, SiteData data, SortedSet<String> listedOn) {
        String listing = Listings.encode(listedOn);
        return new OfferPage(offerPageOf(o, data.locations(), data.organisations().get(o.organisationId()), data.now(), listing), listedOn, listing, listedOn);
    }

    private SitePage offerPageOf(Offer o, Map<String, Location> locations, Organisation organisation,
                                 java.time.Instant now, String listing) {
        String note = "\n<!-- lijsten " + md5(listing.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 12) + " -->\n";
        return SitePage.text(offerPagePath(o.id()), HTML, () -> pages.offer(o, locations, organisation, now) + note);
    }

    /** The offer pages online and their metadata, side by side. */
    private Map<String, Optional<SitePublisher.Online>> heads(Set<String> offerIds) {
        Map<String, Optional<SitePublisher.Online>> out = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> ids = List.copyOf(offerIds);
        List<String> failures = runAll(ids.stream().map(id -> (Supplier<String>) () -> {
            out.put(id, publisher.head(offerPagePath(id)));
            return null;
        }).toList(), i -> offerPagePath(ids.get(i)));
        if (!failures.isEmpty()) throw new SiteBuildException("could not read offer pages: " + failures, new Summary(0, 0, 0, Set.of(), Set.of()));
        return out;
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
     * Two steps, each side by side: first the list pages (written where their MD5 differs from
     * {@code online}) and the removal of gone list pages; then the offer pages (with the lists
     * they are on) and the removal of gone offer pages. An offer page whose lists failed is not
     * written, so the lists it left are still known to the next try. Failures are collected and
     * thrown together once everything else is done.
     */
    private Result publish(List<SitePage> lists, List<OfferPage> offerPages, Map<String, String> online, Set<String> gone,
                           Map<String, SitePublisher.Online> looked, long version) {
        AtomicInteger written = new AtomicInteger();
        List<String> goneLists = new ArrayList<>(), goneOffers = new ArrayList<>();
        for (String key : gone) (key.startsWith("aanbod/") ? goneOffers : goneLists).add(key);
        List<String> failures = new ArrayList<>(write(lists, goneLists, online, written, Map.of(), looked, version));
        Set<String> failedFolders = new java.util.HashSet<>();
        for (String f : failures) failedFolders.add(f.substring(0, f.lastIndexOf('/') + 1).replaceAll("(?<=/)[0-9]+/$", ""));
        List<SitePage> offers = new ArrayList<>();
        Map<String, Map<String, String>> metadata = new HashMap<>();
        int held = 0;
        for (OfferPage p : offerPages) {
            if (p.affects().stream().anyMatch(f -> failedFolders.contains(f) || f.endsWith("*") && failedFolders.stream().anyMatch(x -> x.startsWith(f.substring(0, f.length() - 1))))) {
                held++;
                continue;
            }
            offers.add(p.page());
            metadata.put(p.page().path(), Map.of(LISTED_ON, p.listing()));
        }
        failures.addAll(write(offers, goneOffers, online, written, metadata, looked, version));
        int rendered = lists.size() + offers.size();
        if (!failures.isEmpty()) {
            throw new SiteBuildException(failures.size() + " page(s) could not be written" + (held > 0 ? " (" + held + " offer page(s) held back)" : "") + ": "
                    + String.join(", ", failures.subList(0, Math.min(20, failures.size()))),
                    new Summary(rendered, written.get(), gone.size(), Set.of(), Set.of()));
        }
        return new Result(rendered, written.get(), gone.size());
    }

    /**
     * Writes what differs from {@code online} and deletes {@code gone}, side by side, never over a
     * newer version: a file online is replaced or deleted only when it was made from an earlier
     * read of the catalog (metadata {@link #READ_AT}, looked at just before). Between that look and
     * the write another build may still slip in (milliseconds); S3's If-Match would close that
     * gap, but S3Proxy 4.1 answers it with 412 for matching ETags at times, so it is not used.
     */
    private List<String> write(List<SitePage> toWrite, List<String> gone, Map<String, String> online, AtomicInteger written,
                               Map<String, Map<String, String>> metadata, Map<String, SitePublisher.Online> looked, long version) {
        List<Supplier<String>> jobs = new ArrayList<>();
        for (SitePage p : toWrite) {
            jobs.add(() -> {
                byte[] body = p.body();
                String md5 = md5(body);
                // An offer page's lists are in its bytes too (the digest comment): equal bytes, equal lists.
                if (md5.equals(online.get(p.path()))) return null;
                Map<String, String> meta = new HashMap<>(metadata.getOrDefault(p.path(), Map.of()));
                meta.put(READ_AT, Long.toString(version));
                // Assets are fetched with ?v={version}; pages, feeds and the sitemap change in place.
                boolean asset = !p.contentType().startsWith("text/html") && !p.contentType().startsWith("text/calendar")
                        && !p.path().startsWith("sitemap") && !p.path().equals("robots.txt");
                // What is there now may come from a later read than this build's, even if it was listed after it.
                Optional<SitePublisher.Online> there = looked.containsKey(p.path()) ? Optional.of(looked.get(p.path()))
                        : online.containsKey(p.path()) ? publisher.head(p.path()) : Optional.empty();
                if (there.isPresent() && (readAt(there.get()) > version || there.get().md5().equals(md5))) return null;
                publisher.put(p.path(), body, p.contentType(), asset ? ASSET_CACHE : HTML_CACHE, meta);
                written.incrementAndGet();
                return null;
            });
        }
        for (String key : gone) jobs.add(() -> {
            Optional<SitePublisher.Online> now = publisher.head(key);
            if (now.isPresent() && readAt(now.get()) <= version) publisher.delete(key);
            return null;
        });
        return runAll(jobs, i -> i < toWrite.size() ? toWrite.get(i).path() : gone.get(i - toWrite.size()));
    }

    /** The read a file online was made from; 0 for files from before versions were kept. */
    private static long readAt(SitePublisher.Online online) {
        try {
            return Long.parseLong(online.metadata().getOrDefault(READ_AT, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> runAll(List<Supplier<String>> jobs, java.util.function.IntFunction<String> name) {
        if (jobs.isEmpty()) return List.of();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_WRITES, jobs.size()), r -> {
            Thread t = new Thread(r, "site-writer");
            t.setDaemon(true);
            return t;
        });
        List<String> failures = new ArrayList<>();
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Supplier<String> job : jobs) futures.add(pool.submit(job::get));
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    String path = name.apply(i);
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

    public static String md5(byte[] body) {
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
        offerPage(sample, data, EMPTY).page().body();
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
