package nl.ontwikkelplein.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.domain.Waitlists;
import nl.ontwikkelplein.store.dynamodb.DynamoStores;

/**
 * Fed by the enrolment table's stream: after any change to the enrolments of a date or course
 * (a cancellation, an erasure, someone joining the waitlist while a seat came free), gives free
 * seats to the people waiting longest. Promotions are conditional transactions, so a record
 * delivered twice, or two batches at once, promote nobody twice. The records carry only keys
 * here; nothing personal is read from them or logged.
 */
public final class WaitlistHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final Waitlists waitlists;

    /** Lambda's constructor: DynamoDB from the function's environment. */
    public WaitlistHandler() { this(DynamoStores.fromEnvironment(System.getenv()), System.getenv()); }

    /** The composition root, with any storage adapters (the local runtime passes SQLite ones). */
    public WaitlistHandler(Stores stores, Map<String, String> env) {
        this(new Waitlists(stores.catalog(), stores.participants(), Clock.systemUTC()));
    }

    WaitlistHandler(Waitlists waitlists) { this.waitlists = waitlists; }

    /** A date or course whose enrolments changed, and the first record that named it. */
    record Scope(String offerId, String sessionId, String sequenceNumber) {}

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        int promoted = 0;
        List<Scope> scopes = scopes(event);
        for (Scope scope : scopes) {
            try {
                promoted += waitlists.fill(scope.offerId(), scope.sessionId()).size();
            } catch (RuntimeException e) {
                System.err.println("{\"level\":\"ERROR\",\"message\":\"waitlist fill failed; Lambda retries from its record\",\"offerId\":\""
                        + scope.offerId() + "\",\"error\":\"" + e.getClass().getName() + "\"}");
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(scope.sequenceNumber())));
            }
        }
        System.out.println("{\"level\":\"INFO\",\"message\":\"waitlist batch\",\"scopes\":" + scopes.size() + ",\"promoted\":" + promoted + "}");
        return new StreamsEventResponse(List.of());
    }

    /** Each date or course once, in the order of its first record; other items (links, queues) are left out. */
    static List<Scope> scopes(DynamodbEvent event) {
        Map<String, Scope> out = new LinkedHashMap<>();
        if (event == null || event.getRecords() == null) return new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
            if (r == null || r.getDynamodb() == null || r.getDynamodb().getKeys() == null) continue;
            AttributeValue pk = r.getDynamodb().getKeys().get("pk");
            AttributeValue sk = r.getDynamodb().getKeys().get("sk");
            if (pk == null || pk.getS() == null || sk == null || sk.getS() == null || !sk.getS().startsWith("ENROL#")) continue;
            Scope scope = scope(pk.getS(), r.getDynamodb().getSequenceNumber());
            if (scope != null) out.putIfAbsent(scope.offerId() + "#" + scope.sessionId(), scope);
        }
        return new ArrayList<>(out.values());
    }

    /** SESSION#{offerId}#{sessionId} or COURSE#{offerId}; ids never hold '#'. */
    static Scope scope(String pk, String sequenceNumber) {
        String[] parts = pk.split("#", -1);
        if (parts.length == 3 && parts[0].equals("SESSION")) return new Scope(parts[1], parts[2], sequenceNumber);
        if (parts.length == 2 && parts[0].equals("COURSE")) return new Scope(parts[1], null, sequenceNumber);
        return null;
    }
}
