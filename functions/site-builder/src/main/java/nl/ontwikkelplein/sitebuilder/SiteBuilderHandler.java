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
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("offersChanged", plan.changes().offerIds().size());
        fields.put("locationsChanged", plan.changes().locationIds().size());
        fields.put("organisationsChanged", plan.changes().organisationIds().size());
        fields.put("ignoredRecords", plan.ignored());
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        if (plan.anything()) {
            try {
                SiteBuilder.Summary s = builder.apply(plan.changes());
                fields.put("rendered", s.rendered());
                fields.put("written", s.written());
                fields.put("deleted", s.deleted());
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
