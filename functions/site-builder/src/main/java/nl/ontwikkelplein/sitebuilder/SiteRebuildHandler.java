package nl.ontwikkelplein.sitebuilder;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.store.dynamodb.DynamoStores;

/** Nightly: renders the whole site again, so past sessions leave the pages and the assets are current. */
public final class SiteRebuildHandler implements RequestHandler<Map<String, Object>, String> {
    private final SiteBuilder builder;

    /** Lambda's constructor: DynamoDB, the bucket and its S3 client from the function's environment. */
    public SiteRebuildHandler() { this(DynamoStores.fromEnvironment(System.getenv()), System.getenv()); }

    /** The composition root, with any storage adapters (the local runtime passes SQLite ones). */
    public SiteRebuildHandler(Stores stores, Map<String, String> env) { this(SiteBuilder.fromEnvironment(stores.catalog(), env)); }

    public SiteRebuildHandler(SiteBuilder builder) {
        this.builder = builder;
        builder.warmUp();
    }

    /** @throws SiteBuilder.SiteBuildException when offers failed, so the schedule retries and the failure shows */
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        SiteBuilder.Summary s = builder.rebuildAll();
        Log.info("site rebuilt", Map.of("rendered", s.rendered(), "written", s.written(), "deleted", s.deleted(),
                "offersPublished", s.offersPublished().size()));
        return "rendered=" + s.rendered() + " written=" + s.written() + " deleted=" + s.deleted() + " offers=" + s.offersPublished().size();
    }
}
