package nl.ontwikkelplein.sitebuilder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Ids;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.web.Pages;

/**
 * Renders the static site from the catalog and publishes it: one page per offer at
 * {@code aanbod/{id}/index.html}, the home page at {@code index.html}, a {@code 404.html},
 * and the assets at the root ({@code css/site.css}, {@code favicon.svg}).
 * No Lambda types here: the handlers only parse events and call this.
 */
public final class SiteBuilder {
    public static final String HTML = "text/html; charset=utf-8";
    /** Pages change with every enrolment; browsers and CloudFront check again after a minute. */
    public static final String HTML_CACHE = "public, max-age=60, must-revalidate";
    /** Assets are requested with ?v={version}, so a day is safe. */
    public static final String ASSET_CACHE = "public, max-age=86400";
    /** How many sessions the home page lists. */
    public static final int HOME_SESSIONS = 50;

    private final Catalog catalog;
    private final SitePublisher publisher;
    private final Clock clock;
    private final List<Assets.Asset> assets;
    private final Pages pages;

    public SiteBuilder(Catalog catalog, SitePublisher publisher, Clock clock) {
        this(catalog, publisher, clock, Assets.fromClasspath(SiteBuilder.class.getClassLoader()));
    }

    public SiteBuilder(Catalog catalog, SitePublisher publisher, Clock clock, List<Assets.Asset> assets) {
        this.catalog = catalog;
        this.publisher = publisher;
        this.clock = clock;
        this.assets = List.copyOf(assets);
        this.pages = new Pages(Assets.version(this.assets));
    }

    /**
     * Publishing into the bucket of the function's environment (SITE_BUCKET, as template.yaml sets
     * it). Builds the S3 client: call once, at init.
     */
    public static SiteBuilder fromEnvironment(Catalog catalog, Map<String, String> env) {
        String bucket = env.get("SITE_BUCKET");
        if (bucket == null || bucket.isBlank()) throw new IllegalStateException("Environment variable SITE_BUCKET is not set");
        return new SiteBuilder(catalog, new S3SitePublisher(S3SitePublisher.createClient(env), bucket), Clock.systemUTC());
    }

    /** Locations and organisations, read once and shared by the pages of one run. */
    public record References(Map<String, Location> locations, Map<String, Organisation> organisations) {}

    /** What happened to an offer's page. */
    public enum PageChange { PUBLISHED, DELETED }

    /** What a full rebuild did. */
    public record Summary(int assets, Set<String> offersPublished, Set<String> offersFailed) {}

    public References references() {
        Map<String, Location> locations = new LinkedHashMap<>();
        for (Location l : catalog.locations()) locations.put(l.id(), l);
        Map<String, Organisation> organisations = new LinkedHashMap<>();
        for (Organisation o : catalog.organisations()) organisations.put(o.id(), o);
        return new References(Map.copyOf(locations), Map.copyOf(organisations));
    }

    public static String offerPagePath(String offerId) { return "aanbod/" + offerId + "/index.html"; }

    /** Renders and publishes the page of one offer, or deletes it when the offer no longer exists or is a draft. */
    public PageChange rebuildOffer(String offerId) { return rebuildOffer(offerId, references()); }

    public PageChange rebuildOffer(String offerId, References refs) {
        // An id becomes part of an S3 key: never let anything but a valid slug through ("../", "#").
        Ids.requireValid(offerId);
        Optional<Offer> offer = catalog.offer(offerId).filter(o -> o.status().isPublic());
        if (offer.isEmpty()) {
            publisher.delete(offerPagePath(offerId));
            return PageChange.DELETED;
        }
        Offer o = offer.get();
        String html = pages.offer(o, refs.locations(), refs.organisations().get(o.organisationId()), clock.instant());
        publisher.put(offerPagePath(offerId), html.getBytes(StandardCharsets.UTF_8), HTML, HTML_CACHE);
        return PageChange.PUBLISHED;
    }

    /** The home page with the next {@value #HOME_SESSIONS} sessions. */
    public void rebuildHome() { rebuildHome(references()); }

    public void rebuildHome(References refs) {
        Instant now = clock.instant();
        String html = pages.home(catalog.upcoming(now, HOME_SESSIONS), refs.locations(), refs.organisations(), now);
        publisher.put("index.html", html.getBytes(StandardCharsets.UTF_8), HTML, HTML_CACHE);
    }

    /** The assets and the 404 page. */
    public int publishAssets() {
        for (Assets.Asset a : assets) publisher.put(a.path(), a.body(), a.contentType(), ASSET_CACHE);
        publisher.put("404.html", pages.notFound().getBytes(StandardCharsets.UTF_8), HTML, HTML_CACHE);
        return assets.size();
    }

    /**
     * Everything: assets, every offer of every organisation, the home page. An offer that fails
     * does not stop the others; the failures are thrown together at the end.
     *
     * @throws SiteBuildException when one or more offers could not be rebuilt (after all others were)
     */
    public Summary rebuildAll() {
        int assetCount = publishAssets();
        References refs = references();
        Set<String> published = new LinkedHashSet<>();
        Set<String> failed = new LinkedHashSet<>();
        RuntimeException firstFailure = null;
        List<Organisation> organisations = new ArrayList<>(refs.organisations().values());
        organisations.sort(Comparator.comparing(Organisation::id));
        for (Organisation org : organisations) {
            for (Offer offer : catalog.offersOf(org.id())) {
                try {
                    if (rebuildOffer(offer.id(), refs) == PageChange.PUBLISHED) published.add(offer.id());
                } catch (RuntimeException e) {
                    failed.add(offer.id());
                    if (firstFailure == null) firstFailure = e;
                    Log.error("offer page failed", Map.of("offerId", offer.id()), e);
                }
            }
        }
        rebuildHome(refs);
        Summary summary = new Summary(assetCount, Set.copyOf(published), Set.copyOf(failed));
        if (!failed.isEmpty())
            throw new SiteBuildException(failed.size() + " offer page(s) could not be rebuilt: " + String.join(", ", failed), firstFailure, summary);
        return summary;
    }

    /** Renders pages once without publishing, so templates and formatters are loaded before a SnapStart snapshot. */
    public void warmUp() {
        java.time.LocalDateTime start = java.time.LocalDateTime.of(2030, 1, 1, 10, 0);
        Offer sample = new Offer("voorbeeld", "voorbeeld", "Voorbeeld", "Voorbeeld", "Voorbeeld", null, null, List.of(), List.of(),
                null, null, null, null, null, null, null, List.of(new nl.ontwikkelplein.domain.Session("voorbeeld", start, start.plusHours(1),
                "voorbeeld", 10, 0, nl.ontwikkelplein.domain.Session.SessionStatus.SCHEDULED)));
        Instant before = start.atZone(nl.ontwikkelplein.domain.Session.ZONE).toInstant().minusSeconds(86_400);
        pages.offer(sample, Map.of(), null, before);
        pages.home(List.of(), Map.of(), Map.of(), before);
        pages.notFound();
    }

    /** A full rebuild that did not complete; {@link #summary()} says what did. */
    public static final class SiteBuildException extends RuntimeException {
        private final transient Summary summary;

        public SiteBuildException(String message, Throwable cause, Summary summary) {
            super(message, cause);
            this.summary = summary;
        }

        public Summary summary() { return summary; }
    }
}
