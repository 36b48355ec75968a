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
 * First the offers' own pages from point reads ({@link SiteBuilder#publishOfferPages}), then,
 * from one read of the whole catalog, the lists they are on and left.
 * The stream still renders the same change later; that is idempotent, and a page never goes back
 * to an earlier read ({@link SiteBuilder#READ_AT}).
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
        long t0 = System.nanoTime();
        SiteBuilder.Summary first = builder.publishOfferPages(ids);
        long t1 = System.nanoTime();
        fields.put("offerPagesWritten", first.written());
        fields.put("offerPagesMillis", (t1 - t0) / 1_000_000);
        SiteBuilder.Summary s = builder.apply(new SiteBuilder.Changes(ids, Set.of(), Set.of()));
        fields.put("rendered", s.rendered());
        fields.put("written", s.written());
        fields.put("deleted", s.deleted());
        fields.put("listsMillis", (System.nanoTime() - t1) / 1_000_000);
        Log.info("site publish", fields);
        return "offers=" + ids.size() + " written=" + (first.written() + s.written());
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
