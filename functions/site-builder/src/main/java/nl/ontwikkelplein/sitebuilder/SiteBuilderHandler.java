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
import java.util.Set;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.store.dynamodb.DynamoStores;

/**
 * Fed by the catalog table's stream: re-renders the pages that a batch of changes touches.
 * With ReportBatchItemFailures, a failed step answers with the sequence number of its first
 * record and stops; Lambda retries the batch from that record.
 */
public final class SiteBuilderHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final SiteBuilder builder;

    /** Lambda's constructor: DynamoDB, the bucket and its S3 client from the function's environment. */
    public SiteBuilderHandler() { this(DynamoStores.fromEnvironment(System.getenv()), System.getenv()); }

    /** The composition root, with any storage adapters (the local runtime passes SQLite ones). */
    public SiteBuilderHandler(Stores stores, Map<String, String> env) { this(SiteBuilder.fromEnvironment(stores.catalog(), env)); }

    public SiteBuilderHandler(SiteBuilder builder) {
        this.builder = builder;
        builder.warmUp(); // during init, so a SnapStart snapshot holds loaded templates
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        ChangePlan plan = ChangePlan.of(changes(event));
        int published = 0, deleted = 0;
        boolean homeDone = false;
        SiteBuilder.References refs = null;
        Set<String> coveredByAll = Set.of();
        for (ChangePlan.Step step : plan.steps()) {
            try {
                if (step.kind() == ChangePlan.Kind.ALL) {
                    SiteBuilder.Summary summary = builder.rebuildAll();
                    coveredByAll = summary.offersPublished();
                    published += summary.offersPublished().size();
                    homeDone = true;
                    refs = null; // names or addresses changed: read them again for what follows
                } else if (!coveredByAll.contains(step.offerId())) {
                    if (refs == null) refs = builder.references();
                    if (builder.rebuildOffer(step.offerId(), refs) == SiteBuilder.PageChange.PUBLISHED) published++;
                    else deleted++;
                }
            } catch (RuntimeException e) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("step", step.kind().name());
                if (step.offerId() != null) fields.put("offerId", step.offerId());
                fields.put("sequenceNumber", step.sequenceNumber());
                Log.error("site build step failed; Lambda retries from its record", fields, e);
                return done(plan, published, deleted, homeDone, step.sequenceNumber());
            }
        }
        if (plan.home() && !homeDone) {
            try {
                if (refs == null) refs = builder.references();
                builder.rebuildHome(refs);
                homeDone = true;
            } catch (RuntimeException e) {
                Log.error("home page failed; Lambda retries from the first change", Map.of("sequenceNumber", plan.firstChange()), e);
                return done(plan, published, deleted, false, plan.firstChange());
            }
        }
        return done(plan, published, deleted, homeDone, null);
    }

    private static StreamsEventResponse done(ChangePlan plan, int published, int deleted, boolean home, String failedAt) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("steps", plan.steps().size());
        fields.put("rebuildAll", plan.rebuildAll());
        fields.put("offersPublished", published);
        fields.put("offersDeleted", deleted);
        fields.put("home", home);
        fields.put("ignoredRecords", plan.ignored());
        fields.put("failed", failedAt != null);
        Log.info("site build batch", fields);
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        if (failedAt != null) failures.add(new StreamsEventResponse.BatchItemFailure(failedAt));
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
