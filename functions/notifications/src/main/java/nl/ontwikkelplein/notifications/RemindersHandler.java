package nl.ontwikkelplein.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.util.Map;
import nl.ontwikkelplein.domain.Notifications;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.store.dynamodb.DynamoStores;

/**
 * Every morning: a reminder into the outbox for everyone with a seat on a date tomorrow. The
 * enrolment stream sends them. Running twice the same day adds nothing (idempotency keys).
 */
public final class RemindersHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final Notifications notifications;

    public RemindersHandler() { this(DynamoStores.fromEnvironment(System.getenv()), System.getenv()); }

    public RemindersHandler(Stores stores, Map<String, String> env) {
        this.notifications = new Notifications(stores.catalog(), stores.participants(), stores.outbox(), Clock.systemUTC());
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        int added = notifications.reminders();
        System.out.println("{\"level\":\"INFO\",\"message\":\"reminders\",\"added\":" + added + "}");
        return Map.of("reminders", added);
    }
}
