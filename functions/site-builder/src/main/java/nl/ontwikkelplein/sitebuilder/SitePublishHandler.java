package nl.ontwikkelplein.sitebuilder;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ontwikkelplein.domain.Ids;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.store.dynamodb.DynamoStores;

/**
 * Publishes the pages of offers an editor just changed, at once: invoked asynchronously by the
 * workspace after a save ({@code {"offerIds": ["…"]}}), so an editor's change does not wait
 * behind the catalog stream (an import of thousands of offers is a backlog of minutes there).
 * The offers' own pages, from point reads ({@link SiteBuilder#publishOfferPages}): tens of
 * milliseconds at any catalog size. The lists they are on follow through the stream, which renders
 * the same change from one read of the whole catalog anyway: doing that here too cost seconds per
 * save at 10,000 offers (and as many reads of the catalog as saves), and a burst of saves queued
 * behind it. Only an offer that left the public site (deleted, back to draft) has its lists
 * rendered here as well, so it is gone from them as soon as its page is (and the page is removed
 * only together with the lists that name it).
 * The stream's later render is idempotent, and a page never goes back to an earlier read
 * ({@link SiteBuilder#READ_AT}).
 *
 * <p>The site builder sends it the offer pages of a change too big for one of its invocations
 * ({@code {"offerIds": […], "lists": {"id": "<listing>"}, "listedAt": <epoch ms>}},
 * {@link LambdaOfferPageJobs}), and so does the nightly rebuild: their lists are written already,
 * and each page is published with the lists it is on now.
 */
public final class SitePublishHandler implements RequestHandler<Map<String, Object>, String> {
    /** More than an editor's save ever names; the rest of an oversized event is left to the stream. */
    static final int MAX_OFFERS = 50;

    private final SiteBuilder builder;

    /** Lambda's constructor: DynamoDB, the bucket and its S3 client from the function's environment. */
    public SitePublishHandler() { this(DynamoStores.fromEnvironment(System.getenv()), System.getenv()); }

    /** The composition root, with any storage adapters (the local runtime passes SQLite ones). */
    public SitePublishHandler(Stores stores, Map<String, String> env) { this(SiteBuilder.fromEnvironment(stores.catalog(), env)); }

    public SitePublishHandler(SiteBuilder builder) {
        this.builder = builder;
        builder.warmUp();
    }

    /** @throws SiteBuilder.SiteBuildException when pages failed, so Lambda's asynchronous retries try again */
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        Set<String> ids = offerIds(event);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("offersAsked", ids.size());
        if (ids.isEmpty()) {
            Log.info("site publish: nothing asked", fields);
            return "offers=0";
        }
        Map<String, String> given = lists(event, ids);
        if (!given.isEmpty()) fields.put("withLists", given.size());
        long t0 = System.nanoTime();
        SiteBuilder.Summary pages = builder.publishOfferPages(ids, given, given.isEmpty() ? 0 : listedAt(event));
        long t1 = System.nanoTime();
        fields.put("offerPagesWritten", pages.written());
        fields.put("offerPagesMillis", (t1 - t0) / 1_000_000);
        Set<String> left = new LinkedHashSet<>(ids);
        left.removeAll(pages.offersPublished());
        int written = pages.written(), deleted = 0;
        if (!left.isEmpty()) {
            SiteBuilder.Summary lists = builder.apply(new SiteBuilder.Changes(left, Set.of(), Set.of()));
            written += lists.written();
            deleted = lists.deleted();
            fields.put("offersLeft", left.size());
            fields.put("listsWritten", lists.written());
            fields.put("deleted", deleted);
            fields.put("listsMillis", (System.nanoTime() - t1) / 1_000_000);
        }
        Log.info("site publish", fields);
        return "offers=" + ids.size() + " written=" + written + (deleted > 0 ? " deleted=" + deleted : "");
    }

    /** A listing as the site builder writes it: folders, front-coded; anything else is ignored. */
    private static final java.util.regex.Pattern LISTING = java.util.regex.Pattern.compile("[a-z0-9/*: -]{0," + Listings.MAX_LENGTH + "}");

    /** The lists given for the asked offers (only from the site builder); malformed ones are left out. */
    static Map<String, String> lists(Map<String, Object> event, Set<String> ids) {
        Map<String, String> out = new LinkedHashMap<>();
        Object raw = event == null ? null : event.get("lists");
        if (!(raw instanceof Map<?, ?> map)) return out;
        for (String id : ids) {
            if (map.get(id) instanceof String listing && LISTING.matcher(listing).matches()) out.put(id, listing);
        }
        return out;
    }

    /** When the given lists were read (epoch ms), or 0 when the event does not say or says nonsense. */
    static long listedAt(Map<String, Object> event) {
        Object raw = event == null ? null : event.get("listedAt");
        return raw instanceof Number n && n.longValue() > 0 && n.doubleValue() == n.longValue() ? n.longValue() : 0;
    }

    /** The valid offer ids of the event, at most {@link #MAX_OFFERS}; anything else is ignored (never a key outside aanbod/). */
    static Set<String> offerIds(Map<String, Object> event) {
        Set<String> out = new LinkedHashSet<>();
        Object raw = event == null ? null : event.get("offerIds");
        if (!(raw instanceof List<?> list)) return out;
        for (Object o : new ArrayList<>(list)) {
            if (out.size() >= MAX_OFFERS) break;
            if (o instanceof String id && Ids.isValid(id)) out.add(id);
        }
        return out;
    }
}
