package nl.ontwikkelplein.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.MessageSender;
import nl.ontwikkelplein.domain.Notifications;
import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.domain.Waitlists;
import nl.ontwikkelplein.messaging.SesMailer;
import nl.ontwikkelplein.messaging.SnsTexts;
import nl.ontwikkelplein.store.dynamodb.DynamoStores;
import nl.ontwikkelplein.web.MessageTexts;

/**
 * Fed by the enrolment table's stream, in order:
 * <ul>
 *   <li>a change of an enrolment ({@code ENROL#} items): free seats go to the people waiting
 *       longest ({@link Waitlists#fill}), and the change makes its message (joined, waiting,
 *       promoted, cancelled) in the outbox;</li>
 *   <li>a message in the outbox ({@code MSG#} items): sent once, by email or SMS, or put on the
 *       staff's call list.</li>
 * </ul>
 * Everything here is safe to repeat: promotions and claims are conditional, messages have
 * idempotency keys, so a record delivered twice changes nothing twice. Only ids and counts are
 * logged, never a name, address or number.
 */
public final class EnrolmentEventsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final Waitlists waitlists;
    private final Notifications notifications;
    private final MessageSender sender;

    /** Lambda's constructor: DynamoDB, SES and SNS from the function's environment. */
    public EnrolmentEventsHandler() { this(DynamoStores.fromEnvironment(System.getenv()), System.getenv()); }

    /** The composition root, with any storage adapters (the local runtime passes SQLite ones). */
    public EnrolmentEventsHandler(Stores stores, Map<String, String> env) {
        Clock clock = Clock.systemUTC();
        this.waitlists = new Waitlists(stores.catalog(), stores.participants(), clock);
        this.notifications = new Notifications(stores.catalog(), stores.participants(), stores.outbox(), clock);
        this.sender = new MessageSender(stores.outbox(), stores.participants(), stores.catalog(), SesMailer.fromEnvironment(env),
                SnsTexts.fromEnvironment(env), new MessageTexts(), origin(env), clock);
    }

    /** Where links in messages start: PUBLIC_ORIGIN, else the CloudFront domain, else site-relative (locally). */
    static String origin(Map<String, String> env) {
        String origin = env.getOrDefault("PUBLIC_ORIGIN", "").strip();
        if (!origin.isEmpty()) return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        String domain = env.getOrDefault("SITE_DOMAIN", "").strip();
        return domain.isEmpty() ? "" : "https://" + domain;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        int promoted = 0, made = 0, sent = 0, retried = 0;
        Set<String> filled = new HashSet<>();
        if (event == null || event.getRecords() == null) return new StreamsEventResponse(List.of());
        for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
            if (r == null || r.getDynamodb() == null || r.getDynamodb().getKeys() == null) continue;
            String pk = s(r.getDynamodb().getKeys().get("pk")), sk = s(r.getDynamodb().getKeys().get("sk"));
            if (pk == null || sk == null) continue;
            try {
                if (sk.startsWith("ENROL#")) {
                    Scope scope = Scope.of(pk);
                    if (scope == null) continue;
                    if (filled.add(pk)) promoted += waitlists.fill(scope.offerId(), scope.sessionId()).size();
                    if (notice(scope, sk.substring("ENROL#".length()), r)) made++;
                } else if (sk.startsWith("MSG#") && pk.startsWith("MSGS#") && !"REMOVE".equals(r.getEventName())) {
                    MessageSender.Outcome outcome = sender.send(pk.substring("MSGS#".length()), sk.substring("MSG#".length()));
                    if (outcome == MessageSender.Outcome.SENT || outcome == MessageSender.Outcome.CALL) sent++;
                    if (outcome == MessageSender.Outcome.RETRY) {
                        retried++;
                        pause(retried); // the PENDING change comes back on the stream: a moment later, not at once
                    }
                }
            } catch (RuntimeException e) {
                System.err.println("{\"level\":\"ERROR\",\"message\":\"enrolment event failed; Lambda retries from its record\",\"sequenceNumber\":\""
                        + r.getDynamodb().getSequenceNumber() + "\",\"error\":\"" + e.getClass().getName() + "\"}");
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(r.getDynamodb().getSequenceNumber())));
            }
        }
        System.out.println("{\"level\":\"INFO\",\"message\":\"enrolment events\",\"records\":" + event.getRecords().size() + ",\"promoted\":" + promoted
                + ",\"messagesMade\":" + made + ",\"messagesHandled\":" + sent + ",\"retries\":" + retried + "}");
        return new StreamsEventResponse(List.of());
    }

    /** The message a change of an enrolment makes, from the record's old and new image. */
    private boolean notice(Scope scope, String personKey, DynamodbEvent.DynamodbStreamRecord r) {
        Map<String, AttributeValue> after = r.getDynamodb().getNewImage(), before = r.getDynamodb().getOldImage();
        Enrolment.EnrolmentStatus now = status(after), was = status(before);
        if (now == null || now == was || after.get("createdAt") == null) return false;
        AttributeValue ticket = after.get("ticket");
        return notifications.afterChange(scope.offerId(), scope.sessionId(), personKey, was, now, Instant.parse(s(after.get("createdAt"))),
                ticket == null || ticket.getN() == null ? 0 : Long.parseLong(ticket.getN()));
    }

    private static Enrolment.EnrolmentStatus status(Map<String, AttributeValue> image) {
        if (image == null || image.get("status") == null || image.get("status").getS() == null) return null;
        try {
            return Enrolment.EnrolmentStatus.valueOf(image.get("status").getS());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String s(AttributeValue v) { return v == null ? null : v.getS(); }

    private static void pause(int retries) {
        try {
            Thread.sleep(Math.min(2000, 250L * retries));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A date or course: SESSION#{offerId}#{sessionId} or COURSE#{offerId}; ids never hold '#'. */
    record Scope(String offerId, String sessionId) {
        static Scope of(String pk) {
            String[] parts = pk.split("#", -1);
            if (parts.length == 3 && parts[0].equals("SESSION")) return new Scope(parts[1], parts[2]);
            if (parts.length == 2 && parts[0].equals("COURSE")) return new Scope(parts[1], null);
            return null;
        }
    }
}
