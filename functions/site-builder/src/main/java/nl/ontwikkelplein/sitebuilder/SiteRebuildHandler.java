package nl.ontwikkelplein.sitebuilder;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.store.dynamodb.DynamoStores;

/**
 * Nightly: renders the whole site again, so past sessions leave the pages and the assets are
 * current. It writes every list and the first {@code SITE_INLINE_OFFER_PAGES} offer pages itself
 * and hands the others to SitePublishFunction in chunks ({@link OfferPageJobs}), as the stream's
 * site builder does with a change too big for it: at regional scale the pages are published side
 * by side in several environments instead of one invocation running into its time limit and
 * being retried whole.
 */
public final class SiteRebuildHandler implements RequestHandler<Map<String, Object>, String> {
    private final SiteBuilder builder;
    private final OfferPageJobs jobs;
    private final int inlineOfferPages;

    /** Lambda's constructor: DynamoDB, the bucket and its S3 client from the function's environment. */
    public SiteRebuildHandler() { this(DynamoStores.fromEnvironment(System.getenv()), System.getenv()); }

    /** The composition root, with any storage adapters (the local runtime passes SQLite ones). */
    public SiteRebuildHandler(Stores stores, Map<String, String> env) {
        this(SiteBuilder.fromEnvironment(stores.catalog(), env), LambdaOfferPageJobs.fromEnvironment(env), SiteBuilderHandler.inlineOfferPages(env));
    }

    /** Renders every page itself. */
    public SiteRebuildHandler(SiteBuilder builder) { this(builder, null, Integer.MAX_VALUE); }

    /** @param jobs where offer pages past {@code inlineOfferPages} go; null to render them all here */
    public SiteRebuildHandler(SiteBuilder builder, OfferPageJobs jobs, int inlineOfferPages) {
        this.builder = builder;
        this.jobs = jobs;
        this.inlineOfferPages = jobs == null ? Integer.MAX_VALUE : Math.max(1, inlineOfferPages);
        builder.warmUp();
    }

    /** @throws SiteBuilder.SiteBuildException when pages failed, so the schedule retries and the failure shows */
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        SiteBuilder.Applied applied = builder.rebuildAll(inlineOfferPages);
        SiteBuilder.Summary s = applied.summary();
        // Handed on only once the lists are written (a failed list throws above): the pages' lists are online.
        if (!applied.deferred().isEmpty()) jobs.send(applied.deferred(), applied.listedAt());
        Log.info("site rebuilt", Map.of("rendered", s.rendered(), "written", s.written(), "deleted", s.deleted(),
                "offersPublished", s.offersPublished().size(), "offerPagesHandedOn", applied.deferred().size()));
        return "rendered=" + s.rendered() + " written=" + s.written() + " deleted=" + s.deleted() + " offers=" + s.offersPublished().size()
                + (applied.deferred().isEmpty() ? "" : " handedOn=" + applied.deferred().size());
    }
}
