package nl.ontwikkelplein.sitebuilder;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.store.dynamodb.DynamoStores;

/**
 * Fed by the catalog table's stream: re-renders the pages that a batch of changes touches.
 * With ReportBatchItemFailures, a failed step answers with the sequence number of its first
 * record and stops; Lambda retries the batch from that record.
 *
 * <p>A batch renders at most {@code SITE_INLINE_OFFER_PAGES} offer pages itself (default
 * {@value #DEFAULT_INLINE_OFFER_PAGES}): a change to a branch or an organisation with more offers
 * writes its lists and hands the other offer pages to SitePublishFunction in chunks
 * ({@link OfferPageJobs}), which run side by side, instead of running into this function's time
 * limit and being retried as a whole.
 */
public final class SiteBuilderHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** About 10 s of pages in AWS (HEAD, render, PUT), well inside the 60 s limit next to the lists. */
    static final int DEFAULT_INLINE_OFFER_PAGES = 1000;

    private final SiteBuilder builder;
    private final OfferPageJobs jobs;
    private final int inlineOfferPages;

    /** Lambda's constructor: DynamoDB, the bucket and its S3 client from the function's environment. */
    public SiteBuilderHandler() { this(DynamoStores.fromEnvironment(System.getenv()), System.getenv()); }

    /** The composition root, with any storage adapters (the local runtime passes SQLite ones). */
    public SiteBuilderHandler(Stores stores, Map<String, String> env) {
        this(SiteBuilder.fromEnvironment(stores.catalog(), env), LambdaOfferPageJobs.fromEnvironment(env), inlineOfferPages(env));
    }

    /** Renders every page itself. */
    public SiteBuilderHandler(SiteBuilder builder) { this(builder, null, Integer.MAX_VALUE); }

    /** @param jobs where offer pages past {@code inlineOfferPages} go; null to render them all here */
    public SiteBuilderHandler(SiteBuilder builder, OfferPageJobs jobs, int inlineOfferPages) {
        this.builder = builder;
        this.jobs = jobs;
        this.inlineOfferPages = jobs == null ? Integer.MAX_VALUE : Math.max(1, inlineOfferPages);
        builder.warmUp(); // during init, so a SnapStart snapshot holds loaded templates
    }

    static int inlineOfferPages(Map<String, String> env) {
        try {
            return Integer.parseInt(env.getOrDefault("SITE_INLINE_OFFER_PAGES", "").strip());
        } catch (NumberFormatException e) {
            return DEFAULT_INLINE_OFFER_PAGES;
        }
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        ChangePlan plan = ChangePlan.of(changes(event));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("offersChanged", plan.changes().offerIds().size());
        fields.put("locationsChanged", plan.changes().locationIds().size());
        fields.put("organisationsChanged", plan.changes().organisationIds().size());
        fields.put("ignoredRecords", plan.ignored());
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        if (plan.anything()) {
            try {
                SiteBuilder.Applied applied = builder.apply(plan.changes(), inlineOfferPages);
                SiteBuilder.Summary s = applied.summary();
                fields.put("rendered", s.rendered());
                fields.put("written", s.written());
                fields.put("deleted", s.deleted());
                if (!applied.deferred().isEmpty()) {
                    jobs.send(applied.deferred(), applied.listedAt()); // fails the batch when it cannot: the retry hands them on again
                    fields.put("offerPagesHandedOn", applied.deferred().size());
                }
            } catch (RuntimeException e) {
                fields.put("sequenceNumber", plan.firstChange());
                Log.error("site build batch failed; Lambda retries from its first change", fields, e);
                failures.add(new StreamsEventResponse.BatchItemFailure(plan.firstChange()));
                return new StreamsEventResponse(failures);
            }
        }
        Log.info("site build batch", fields);
        return new StreamsEventResponse(failures);
    }

    /** The sequence number and partition key of each record, in order. */
    public static List<ChangePlan.Change> changes(DynamodbEvent event) {
        List<ChangePlan.Change> out = new ArrayList<>();
        if (event == null || event.getRecords() == null) return out;
        for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
            if (r == null || r.getDynamodb() == null) continue;
            Map<String, AttributeValue> keys = r.getDynamodb().getKeys();
            AttributeValue pk = keys == null ? null : keys.get("pk");
            out.add(new ChangePlan.Change(r.getDynamodb().getSequenceNumber(), pk == null ? null : pk.getS()));
        }
        return out;
    }
}
