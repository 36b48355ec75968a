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
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.store.dynamodb.DynamoStores;

/**
 * The nightly import: every feed in IMPORT_FEEDS is fetched ({@link FeedFetcher}: https, public
 * addresses, one deadline, a size cap per format), read by the reader of its format and upserted.
 * One broken feed does not stop the others; the function fails (so the schedule retries) only when
 * a feed could not be fetched or read at all, after the others are done.
 */
public final class ImportHandler implements RequestHandler<Map<String, Object>, String> {
    private final List<FeedConfig> feeds;
    private final PartnerImport importer;
    private final FeedFetcher fetcher;
    private final Clock clock = Clock.systemUTC();

    /** Lambda's constructor: DynamoDB and the feeds from the function's environment. */
    public ImportHandler() {
        this(DynamoStores.fromEnvironment(System.getenv()), System.getenv());
    }

    /** The composition root, with any storage adapters, and the feeds of {@code IMPORT_FEEDS}. */
    public ImportHandler(Stores stores, Map<String, String> env) {
        this.feeds = FeedConfig.parse(env.get("IMPORT_FEEDS"));
        this.fetcher = new FeedFetcher(FeedFetcher.Policy.fromEnvironment(env));
        Catalog catalog = stores.catalog();
        this.importer = new PartnerImport(catalog, new OfferService(catalog, clock), clock, writers(env.get("IMPORT_WRITERS")));
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        List<String> summaries = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Set<String> confirmed = confirmedShrinks(event);
        for (FeedConfig feed : feeds) {
            try {
                PartnerImport.Report report = importFeed(feed, confirmed.contains(feed.sourceId()));
                summaries.add(report.summary());
                log(context, "import " + report.summary());
                // Problems are logged by line and field, never with what the feed says: it may hold personal data by mistake.
                for (PartnerImport.Problem p : report.rejected())
                    log(context, "import rejected source=" + feed.sourceId() + " line=" + p.line() + " " + withoutContent(p.message()));
            } catch (IOException e) {
                // The fetcher's messages name the host only: a feed's path or query may hold a partner's key.
                failures.add(feed.sourceId() + ": " + e.getMessage());
                log(context, "import failed source=" + feed.sourceId() + " " + e.getMessage());
            } catch (RuntimeException e) {
                // A reader's bug must not stop the other feeds; the class names it without the feed's text.
                failures.add(feed.sourceId() + ": " + e.getClass().getSimpleName());
                log(context, "import failed source=" + feed.sourceId() + " " + e.getClass().getName());
            }
        }
        if (!failures.isEmpty()) throw new IllegalStateException("feeds not fetched: " + String.join("; ", failures));
        return String.join("\n", summaries);
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
        Set<String> out = new java.util.HashSet<>();
        if (event != null && event.get("confirmShrink") instanceof List<?> ids)
            for (Object id : ids) if (id instanceof String s && nl.ontwikkelplein.domain.Ids.isValid(s)) out.add(s);
        return out;
    }

    PartnerImport.Report importFeed(FeedConfig feed, boolean shrinkConfirmed) throws IOException {
        FeedContent parsed = switch (feed.format()) {
            case CSV -> CsvFeed.parse(feed.sourceId(), fetcher.fetch(feed.url(), feed.format().maxBytes()));
            case ICAL -> IcalFeed.parse(feed.sourceId(), fetcher.fetch(feed.url(), feed.format().maxBytes()), clock.instant());
            case SCHEMA_ORG -> SchemaOrgFeed.parse(feed.sourceId(), fetcher.fetch(feed.url(), feed.format().maxBytes()), clock.instant());
            case OOAPI -> OoapiFeed.read(feed.sourceId(), feed.url(), fetcher.budget(OoapiFeed.MAX_BYTES)::fetch, clock.instant());
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
