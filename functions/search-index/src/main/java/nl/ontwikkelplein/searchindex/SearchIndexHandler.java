package nl.ontwikkelplein.searchindex;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.sitebuilder.ChangePlan;
import nl.ontwikkelplein.sitebuilder.Log;
import nl.ontwikkelplein.sitebuilder.S3SitePublisher;
import nl.ontwikkelplein.store.dynamodb.DynamoStores;

/**
 * Rebuilds the finder's search index. Fed by the catalog stream with a batching window (template:
 * SearchIndexFunction), so a burst of changes, such as an import, is one rebuild rather than one
 * per save; and nightly, so dates that passed leave the index. A stream batch without offer,
 * place or organisation records changes nothing here. A failure throws: Lambda retries the batch
 * (and at worst the next change or the night rebuilds it whole anyway).
 */
public final class SearchIndexHandler implements RequestHandler<Map<String, Object>, String> {
    /** Pagefind indexes 10,000 offers in seconds; more than this means it hangs. */
    static final long PAGEFIND_TIMEOUT_MILLIS = 240_000;

    /**
     * ApproximateCreationDateTime is rounded down to the second, and the table's clock is not this
     * function's: a read counts as later than a record only two seconds after the record's second.
     */
    static final long RECORD_TIME_MARGIN_MILLIS = 2_000;

    private final SearchIndex index;

    /** Lambda's constructor: DynamoDB, the bucket and its S3 client from the function's environment. */
    public SearchIndexHandler() { this(DynamoStores.fromEnvironment(System.getenv()), System.getenv()); }

    /** The composition root, with any storage adapters (the local runtime passes SQLite ones). */
    public SearchIndexHandler(Stores stores, Map<String, String> env) {
        this(new SearchIndex(stores.catalog(), new S3SitePublisher(S3SitePublisher.createClient(env), bucket(env)),
                Pagefind.fromClasspath(PAGEFIND_TIMEOUT_MILLIS), Clock.systemUTC()));
    }

    public SearchIndexHandler(SearchIndex index) { this.index = index; }

    private static String bucket(Map<String, String> env) {
        String bucket = env.get("SITE_BUCKET");
        if (bucket == null || bucket.isBlank()) throw new IllegalStateException("Environment variable SITE_BUCKET is not set");
        return bucket;
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (event != null && event.get("Records") instanceof List<?> records) {
            ChangePlan plan = ChangePlan.of(changes(records));
            fields.put("records", records.size());
            if (!plan.anything()) {
                Log.info("search index: nothing to do", fields);
                return "skipped";
            }
            // During a burst (an import) the stream lags behind the table: a rebuild reads the whole
            // catalog, so batches whose records were all written before that read are in it already.
            long newest = newestRecordMillis(records);
            long online = index.onlineReadAt();
            if (newest > 0 && online >= newest + RECORD_TIME_MARGIN_MILLIS) {
                fields.put("alreadyIndexed", true);
                Log.info("search index: these changes are in the index already", fields);
                return "skipped";
            }
        }
        SearchIndex.Summary s = index.run();
        fields.put("indexed", s.records());
        fields.put("files", s.files());
        fields.put("written", s.written());
        fields.put("deleted", s.deleted());
        fields.put("skipped", s.skipped());
        Log.info("search index", fields);
        return "indexed=" + s.records() + " written=" + s.written() + " deleted=" + s.deleted();
    }

    /** The partition key of each stream record (in a DynamoDB event as plain JSON: Records[].dynamodb.Keys.pk.S). */
    static List<ChangePlan.Change> changes(List<?> records) {
        List<ChangePlan.Change> out = new ArrayList<>();
        for (Object r : records) {
            Object pk = path(r, "dynamodb", "Keys", "pk", "S");
            Object seq = path(r, "dynamodb", "SequenceNumber");
            out.add(new ChangePlan.Change(seq instanceof String s ? s : null, pk instanceof String s ? s : null));
        }
        return out;
    }

    /** The latest ApproximateCreationDateTime (epoch seconds in the event) of the records, in ms; 0 if a record has none (then nothing is skipped). */
    static long newestRecordMillis(List<?> records) {
        long newest = 0;
        for (Object r : records) {
            if (!(path(r, "dynamodb", "ApproximateCreationDateTime") instanceof Number at)) return 0;
            newest = Math.max(newest, (long) (at.doubleValue() * 1000));
        }
        return newest;
    }

    private static Object path(Object node, String... keys) {
        for (String k : keys) {
            if (!(node instanceof Map<?, ?> map)) return null;
            node = map.get(k);
        }
        return node;
    }
}
