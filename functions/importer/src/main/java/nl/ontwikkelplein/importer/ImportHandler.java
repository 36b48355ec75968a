package nl.ontwikkelplein.importer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.PartnerImport;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.FeedRun;
import nl.ontwikkelplein.domain.PartnerFeed;
import nl.ontwikkelplein.domain.PartnerFeeds;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.store.dynamodb.DynamoStores;

/**
 * The nightly import: the feeds the regional admin keeps in the workspace ({@link PartnerFeeds})
 * and those in IMPORT_FEEDS (local runs and tests; a stored feed with the same id wins) are
 * fetched ({@link FeedFetcher}: https, public addresses, one deadline, a size cap per format), read
 * by the reader of their format and upserted; every run leaves a {@link FeedRun} for the feed's
 * editors. The schedule runs the feeds that are due (nightly ones every night, weekly ones in the
 * night to Monday); an invoke with {@code {"feeds": [id, …]}} runs those now, whatever their
 * schedule, {@code {"confirmShrink": [id, …]}} runs those with a large shrink allowed, and
 * {@code {"removeFeeds": [id, …]}} ends those stored feeds: their offers are withdrawn as if the
 * feed listed none (staff's own stay), then the feed and its reports are forgotten.
 * One broken feed does not stop the others; the function fails (so the schedule retries) only when
 * a feed could not be fetched or read at all, after the others are done.
 */
public final class ImportHandler implements RequestHandler<Map<String, Object>, String> {
    static final java.time.ZoneId REGION = java.time.ZoneId.of("Europe/Amsterdam");

    private final List<FeedConfig> configured;
    private final PartnerFeeds stored;
    private final PartnerImport importer;
    private final FeedFetcher fetcher;
    private final Clock clock;

    /** Lambda's constructor: DynamoDB and the feeds from the function's environment. */
    public ImportHandler() {
        this(DynamoStores.fromEnvironment(System.getenv()), System.getenv());
    }

    /** The composition root, with any storage adapters, and the feeds of {@code IMPORT_FEEDS}. */
    public ImportHandler(Stores stores, Map<String, String> env) {
        this(stores, env, Clock.systemUTC());
    }

    ImportHandler(Stores stores, Map<String, String> env, Clock clock) {
        this.clock = clock;
        this.configured = FeedConfig.parse(env.get("IMPORT_FEEDS"));
        this.stored = stores.feeds();
        this.fetcher = new FeedFetcher(FeedFetcher.Policy.fromEnvironment(env));
        Catalog catalog = stores.catalog();
        this.importer = new PartnerImport(catalog, new OfferService(catalog, clock), clock, writers(env.get("IMPORT_WRITERS")));
    }

    /** A feed to run, and whether its schedule makes it due tonight. */
    private record Planned(FeedConfig config, PartnerFeed.Schedule schedule, Categories categories) {}

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        List<String> summaries = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Set<String> confirmed = confirmedShrinks(event);
        Set<String> named = ids(event, "feeds");
        Set<String> removing = ids(event, "removeFeeds");
        boolean onDemand = !named.isEmpty() || !confirmed.isEmpty() || !removing.isEmpty();
        Map<String, Planned> feeds = new java.util.LinkedHashMap<>();
        for (FeedConfig f : configured) feeds.put(f.sourceId(), new Planned(f, PartnerFeed.Schedule.NIGHTLY, Categories.DEFAULT));
        List<PartnerFeed> kept;
        try {
            kept = stored.all();
        } catch (RuntimeException e) {
            // The configured feeds still run; the function fails afterwards, so the schedule retries.
            kept = List.of();
            failures.add("the stored feeds could not be read: " + e.getClass().getSimpleName());
            log(context, "import failed the stored feeds could not be read " + e.getClass().getName());
        }
        for (PartnerFeed f : kept) {
            if (removing.remove(f.id())) {
                end(context, f, summaries, failures);
                continue;
            }
            FeedConfig config = FeedConfig.of(f);
            if (config == null) {
                failures.add(f.id() + ": its URL or format cannot be used");
                log(context, "import failed source=" + f.id() + " its URL or format cannot be used");
                continue;
            }
            feeds.put(f.id(), new Planned(config, f.schedule(), Categories.of(f)));
        }
        for (String id : removing) { // not stored (any more): a repeated ask, or an id from the template only
            summaries.add("source=" + id + " not found");
            log(context, "import source=" + id + " not found");
        }
        for (String id : named) {
            if (!feeds.containsKey(id)) {
                summaries.add("source=" + id + " not found");
                log(context, "import source=" + id + " not found");
            }
        }
        for (Planned planned : feeds.values()) {
            FeedConfig feed = planned.config();
            boolean due = onDemand ? named.contains(feed.sourceId()) || confirmed.contains(feed.sourceId()) : dueTonight(planned.schedule());
            if (!due) continue;
            java.time.Instant started = clock.instant();
            try {
                PartnerImport.Report report = importFeed(feed, confirmed.contains(feed.sourceId()), planned.categories());
                record(context, FeedRun.of(feed.sourceId(), started, clock.instant(), report));
                summaries.add(report.summary());
                log(context, "import " + report.summary());
                // Problems are logged by line and field, never with what the feed says: it may hold personal data by mistake.
                for (PartnerImport.Problem p : report.rejected())
                    log(context, "import rejected source=" + feed.sourceId() + " line=" + p.line() + " " + withoutContent(p.message()));
            } catch (IOException e) {
                // The fetcher's messages name the host only: a feed's path or query may hold a partner's key.
                failures.add(feed.sourceId() + ": " + e.getMessage());
                record(context, FeedRun.failed(feed.sourceId(), started, clock.instant(), e.getMessage()));
                log(context, "import failed source=" + feed.sourceId() + " " + e.getMessage());
            } catch (RuntimeException e) {
                // A reader's bug must not stop the other feeds; the class names it without the feed's text.
                failures.add(feed.sourceId() + ": " + e.getClass().getSimpleName());
                record(context, FeedRun.failed(feed.sourceId(), started, clock.instant(), "De import kon deze feed niet verwerken (interne fout " + e.getClass().getSimpleName() + "). Meld het aan de beheerder."));
                log(context, "import failed source=" + feed.sourceId() + " " + e.getClass().getName());
            }
        }
        if (!failures.isEmpty()) throw new IllegalStateException("feeds not fetched: " + String.join("; ", failures));
        return String.join("\n", summaries);
    }

    /**
     * Withdraws a stored feed's offers (the shrink confirmed: the admin asked for this), then forgets
     * the feed. An offer that could not be withdrawn keeps the feed, with the run's report saying why,
     * and fails the invoke so Lambda asks again.
     */
    private void end(Context context, PartnerFeed feed, List<String> summaries, List<String> failures) {
        java.time.Instant started = clock.instant();
        try {
            PartnerImport.Report report = importer.run(feed.id(), feed.organisationId(), List.of(), List.of(), List.of(), true);
            if (!report.rejected().isEmpty()) {
                record(context, FeedRun.of(feed.id(), started, clock.instant(), report));
                failures.add(feed.id() + ": " + report.rejected().size() + " offers could not be withdrawn");
                log(context, "import remove incomplete " + report.summary());
                return;
            }
            stored.remove(feed.id());
            summaries.add(report.summary() + " feedRemoved=true");
            log(context, "import feed removed " + report.summary());
        } catch (RuntimeException e) {
            failures.add(feed.id() + ": " + e.getClass().getSimpleName());
            log(context, "import remove failed source=" + feed.id() + " " + e.getClass().getName());
        }
    }

    /** Nightly feeds every night; weekly ones in the night to Monday (the region's time); paused ones only when asked. */
    boolean dueTonight(PartnerFeed.Schedule schedule) { return due(schedule, clock.instant()); }

    static boolean due(PartnerFeed.Schedule schedule, java.time.Instant at) {
        return switch (schedule) {
            case NIGHTLY -> true;
            case WEEKLY -> at.atZone(REGION).getDayOfWeek() == java.time.DayOfWeek.MONDAY;
            case PAUSED -> false;
        };
    }

    /** A run's report is for the editors to read; failing to store it must not fail the import it describes. */
    private void record(Context context, FeedRun run) {
        try {
            stored.recordRun(run);
        } catch (RuntimeException e) {
            log(context, "import report not stored source=" + run.feedId() + " " + e.getClass().getName());
        }
    }

    /** Valid ids in a list the invoke names ({@code {"feeds": [...]}}); anything else in it is ignored. */
    static Set<String> ids(Map<String, Object> event, String key) {
        Set<String> out = new java.util.LinkedHashSet<>();
        if (event != null && event.get(key) instanceof List<?> ids)
            for (Object id : ids) if (id instanceof String s && nl.ontwikkelplein.domain.Ids.isValid(s)) out.add(s);
        return out;
    }

    /** IMPORT_WRITERS: how many offers are written at the same time (1 when unset). */
    static int writers(String value) {
        if (value == null || value.isBlank()) return 1;
        try {
            return Math.max(1, Math.min(64, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("IMPORT_WRITERS must be a number from 1 to 64: " + value.strip());
        }
    }

    /**
     * The feeds an admin confirmed may withdraw more than half their offers this run: an invoke with
     * {@code {"confirmShrink": ["sourceId", …]}} (only principals allowed to invoke the function can).
     */
    static Set<String> confirmedShrinks(Map<String, Object> event) {
        return ids(event, "confirmShrink");
    }

    PartnerImport.Report importFeed(FeedConfig feed, boolean shrinkConfirmed, Categories categories) throws IOException {
        FeedContent parsed = switch (feed.format()) {
            case CSV -> CsvFeed.parse(feed.sourceId(), fetcher.fetch(feed.url(), feed.format().maxBytes()), categories);
            case ICAL -> IcalFeed.parse(feed.sourceId(), fetcher.fetch(feed.url(), feed.format().maxBytes()), clock.instant(), categories);
            case SCHEMA_ORG -> SchemaOrgFeed.parse(feed.sourceId(), fetcher.fetch(feed.url(), feed.format().maxBytes()), clock.instant(), categories);
            case OOAPI -> OoapiFeed.read(feed.sourceId(), feed.url(), fetcher.budget(OoapiFeed.MAX_BYTES)::fetch, clock.instant(), categories);
        };
        return importer.run(feed.sourceId(), feed.organisationId(), parsed.locations(), parsed.offers(), parsed.problems(), shrinkConfirmed);
    }

    /** A validation problem ("languages: Deze taal kennen we niet: …") as its field only; a reader's own reasons carry no content. */
    static String withoutContent(String message) {
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("^([A-Za-z]+(?:\\[[0-9]+\\])?(?:\\.[A-Za-z]+)?): ").matcher(message);
        return field.find() ? field.group(1) + " is not valid" : message;
    }

    private static void log(Context context, String line) {
        if (context != null && context.getLogger() != null) context.getLogger().log(line + "\n");
        else System.out.println(line);
    }
}
