package nl.ontwikkelplein.store.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.SeatOutcome;
import nl.ontwikkelplein.domain.SeatResult;
import nl.ontwikkelplein.domain.Session;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One transaction takes the seat on the session item (only while seats are left), checks that
 * nobody waits (the scope's WAITLIST item), and writes the enrolment (only if this person has no
 * active one) with its private link's pointer: the seat limit holds under any concurrency. A
 * course enrolment takes a seat in every lesson in the same transaction (at most 60 lessons plus
 * four: within DynamoDB's 100 actions).
 *
 * <p>When that is refused as full, the person joins the waitlist: a ticket from the WAITLIST
 * item's counter (one UpdateItem; a ticket lost to a refusal leaves a harmless gap), then one
 * transaction that counts them in while the queue has room. A seat that came free between the
 * two is given by the promotion that the enrolment stream runs ({@code Waitlists.fill}).
 */
public final class DynamoSeats implements nl.ontwikkelplein.domain.Seats {
    private static final String FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final String catalogTable;
    private final String enrolmentsTable;

    public DynamoSeats(DynamoDbClient dynamo, String catalogTable, String enrolmentsTable) {
        this.dynamo = dynamo;
        this.catalogTable = catalogTable;
        this.enrolmentsTable = enrolmentsTable;
    }

    @Override
    public SeatResult enrol(Enrolment e, nl.ontwikkelplein.domain.EnrolmentPolicy policy) {
        return take(e, List.of(e.sessionId()), null, policy);
    }

    @Override
    public SeatResult enrolAll(Enrolment e, List<String> sessionIds, Instant offerUpdatedAt, nl.ontwikkelplein.domain.EnrolmentPolicy policy) {
        return take(e, sessionIds, offerCheck(e.offerId(), offerUpdatedAt), policy);
    }

    private SeatResult take(Enrolment e, List<String> sessionIds, TransactWriteItem offerCheck, nl.ontwikkelplein.domain.EnrolmentPolicy policy) {
        Integer waitlistLimit = policy.waitlistLimit();
        if (policy.requestsWithoutSeat()) return SeatResult.of(request(e.withStatus(Enrolment.EnrolmentStatus.REQUESTED).withTicket(Enrolment.NO_SEAT),
                sessionIds, offerCheck));
        boolean request = policy.intake();
        SeatOutcome seat = seat(e.withStatus(request ? Enrolment.EnrolmentStatus.REQUESTED : Enrolment.EnrolmentStatus.CONFIRMED).withTicket(0),
                sessionIds, offerCheck);
        if (seat == SeatOutcome.TAKEN && request) return SeatResult.of(SeatOutcome.REQUESTED);
        if (seat != SeatOutcome.FULL) return SeatResult.of(seat);
        if (waitlistLimit != null && waitlistLimit == 0) return SeatResult.of(SeatOutcome.FULL);
        return queue(e, sessionIds, offerCheck, waitlistLimit);
    }

    /** The seat transaction; FULL also when people are waiting. */
    private SeatOutcome seat(Enrolment e, List<String> sessionIds, TransactWriteItem offerCheck) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (String sessionId : sessionIds) writes.add(takeSeat(e.offerId(), sessionId));
        writes.add(putEnrolment(e));
        if (e.manageHash() != null) writes.add(putPointer(e));
        writes.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(enrolmentsTable).key(EnrolmentItems.waitlistKey(e.scopeKey()))
                .conditionExpression("attribute_not_exists(#pk) OR #waiting = :zero")
                .expressionAttributeNames(Map.of("#pk", "pk", "#waiting", "waiting"))
                .expressionAttributeValues(Map.of(":zero", Attr.n(0)))).build());
        if (offerCheck != null) writes.add(offerCheck);
        int n = sessionIds.size(), pointer = e.manageHash() == null ? -1 : n + 1, queue = e.manageHash() == null ? n + 1 : n + 2;
        SeatOutcome[] refused = new SeatOutcome[1];
        try {
            Transactions.write(dynamo, writes, reasons -> refused[0] = seatRefusal(reasons, n, pointer, queue, offerCheck != null ? queue + 1 : -1));
            return SeatOutcome.TAKEN;
        } catch (TransactionCanceledException ex) {
            if (refused[0] != null) return refused[0];
            throw ex;
        }
    }

    private SeatResult queue(Enrolment e, List<String> sessionIds, TransactWriteItem offerCheck, Integer waitlistLimit) {
        long ticket = Long.parseLong(dynamo.updateItem(u -> u.tableName(enrolmentsTable).key(EnrolmentItems.waitlistKey(e.scopeKey()))
                .updateExpression("ADD #tickets :one SET #expiresAt = :expires")
                .expressionAttributeNames(Map.of("#tickets", "tickets", "#expiresAt", "expiresAt"))
                .expressionAttributeValues(Map.of(":one", Attr.n(1), ":expires", Attr.n(e.expiresAt().getEpochSecond())))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes().get("tickets").n());
        Enrolment waiting = e.withStatus(Enrolment.EnrolmentStatus.WAITLISTED).withTicket(ticket);

        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", Attr.n(1), ":zero", Attr.n(0)));
        String condition = null;
        if (waitlistLimit != null) {
            condition = "attribute_not_exists(#waiting) OR #waiting < :limit";
            values.put(":limit", Attr.n(waitlistLimit));
        }
        String cond = condition;
        writes.add(TransactWriteItem.builder().update(u -> {
            u.tableName(enrolmentsTable).key(EnrolmentItems.waitlistKey(e.scopeKey()))
                    .updateExpression("SET #waiting = if_not_exists(#waiting, :zero) + :one")
                    .expressionAttributeNames(Map.of("#waiting", "waiting")).expressionAttributeValues(values);
            if (cond != null) u.conditionExpression(cond);
        }).build());
        writes.add(putEnrolment(waiting));
        if (waiting.manageHash() != null) writes.add(putPointer(waiting));
        int sessionsFrom = writes.size();
        for (String sessionId : sessionIds) writes.add(takesEnrolments(e.offerId(), sessionId));
        if (offerCheck != null) writes.add(offerCheck);
        int offerAt = offerCheck == null ? -1 : writes.size() - 1;
        SeatOutcome[] refused = new SeatOutcome[1];
        try {
            Transactions.write(dynamo, writes, reasons -> {
                if (failed(reasons, offerAt)) refused[0] = SeatOutcome.OFFER_CHANGED;
                else if (failed(reasons, 1)) refused[0] = SeatOutcome.ALREADY_ENROLLED;
                else if (reasons.size() > sessionsFrom && reasons.subList(sessionsFrom, Math.min(reasons.size(), sessionsFrom + sessionIds.size()))
                        .stream().anyMatch(r -> FAILED.equals(r.code()))) refused[0] = SeatOutcome.SESSION_GONE;
                else refused[0] = SeatOutcome.FULL; // the queue is at its maximum
            });
        } catch (TransactionCanceledException ex) {
            if (refused[0] != null) return SeatResult.of(refused[0]);
            throw ex;
        }
        return new SeatResult(SeatOutcome.WAITLISTED, DynamoParticipants.position(dynamo, enrolmentsTable, waiting));
    }

    /** A request without a seat: the enrolment and its link, while every session is scheduled and takes enrolments. */
    private SeatOutcome request(Enrolment e, List<String> sessionIds, TransactWriteItem offerCheck) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(putEnrolment(e));
        if (e.manageHash() != null) writes.add(putPointer(e));
        int sessionsFrom = writes.size();
        for (String sessionId : sessionIds) writes.add(takesEnrolments(e.offerId(), sessionId));
        if (offerCheck != null) writes.add(offerCheck);
        int offerAt = offerCheck == null ? -1 : writes.size() - 1;
        SeatOutcome[] refused = new SeatOutcome[1];
        try {
            Transactions.write(dynamo, writes, reasons -> refused[0] = failed(reasons, offerAt) ? SeatOutcome.OFFER_CHANGED
                    : failed(reasons, 0) ? SeatOutcome.ALREADY_ENROLLED : SeatOutcome.SESSION_GONE);
            return SeatOutcome.REQUESTED;
        } catch (TransactionCanceledException ex) {
            if (refused[0] != null) return refused[0];
            throw ex;
        }
    }

    private TransactWriteItem putEnrolment(Enrolment e) {
        return TransactWriteItem.builder().put(p -> p.tableName(enrolmentsTable)
                .item(EnrolmentItems.enrolment(e))
                // A cancelled enrolment of the same person may be replaced: they enrol again.
                .conditionExpression("attribute_not_exists(#pk) OR #status = :cancelled")
                .expressionAttributeNames(Map.of("#pk", "pk", "#status", "status"))
                .expressionAttributeValues(Map.of(":cancelled", Attr.s(Enrolment.EnrolmentStatus.CANCELLED.name())))).build();
    }

    private TransactWriteItem putPointer(Enrolment e) {
        return TransactWriteItem.builder().put(p -> p.tableName(enrolmentsTable).item(EnrolmentItems.pointer(e))
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", "pk"))).build();
    }

    /** The session is scheduled and takes enrolments (has seats): for a place that takes no seat. */
    private TransactWriteItem takesEnrolments(String offerId, String sessionId) {
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName(catalogTable)
                .key(CatalogItems.key(CatalogItems.offerPk(offerId), CatalogItems.sessionSk(sessionId)))
                .conditionExpression("attribute_exists(#pk) AND #status = :scheduled AND attribute_exists(#seats)")
                .expressionAttributeNames(Map.of("#pk", "pk", "#status", "status", "#seats", "seats"))
                .expressionAttributeValues(Map.of(":scheduled", Attr.s(Session.SessionStatus.SCHEDULED.name())))).build();
    }

    private TransactWriteItem takeSeat(String offerId, String sessionId) {
        return takeSeat(catalogTable, offerId, sessionId);
    }

    /** Takes one seat, only while the session is scheduled and has seats left (the old item tells full from gone). */
    static TransactWriteItem takeSeat(String catalogTable, String offerId, String sessionId) {
        return TransactWriteItem.builder().update(u -> u.tableName(catalogTable)
                .key(CatalogItems.key(CatalogItems.offerPk(offerId), CatalogItems.sessionSk(sessionId)))
                .updateExpression("SET #taken = #taken + :one")
                .conditionExpression("attribute_exists(#pk) AND #status = :scheduled AND #taken < #seats")
                .expressionAttributeNames(Map.of("#pk", "pk", "#taken", "taken", "#seats", "seats", "#status", "status"))
                .expressionAttributeValues(Map.of(":one", Attr.n(1), ":scheduled", Attr.s(Session.SessionStatus.SCHEDULED.name())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
    }

    /**
     * The offer is still as read: an editor's change in between (a lesson added, moved or called
     * off) changes {@code updatedAt}, and then these session ids may no longer be all its lessons.
     */
    static TransactWriteItem offerCheck(String catalogTable, String offerId, Instant updatedAt) {
        return TransactWriteItem.builder().conditionCheck(c -> {
            c.tableName(catalogTable).key(CatalogItems.key(CatalogItems.offerPk(offerId), "OFFER"));
            if (updatedAt == null) c.conditionExpression("attribute_not_exists(updatedAt)");
            else c.conditionExpression("updatedAt = :read").expressionAttributeValues(Map.of(":read", Attr.s(updatedAt.toString())));
        }).build();
    }

    private TransactWriteItem offerCheck(String offerId, Instant updatedAt) {
        return offerCheck(catalogTable, offerId, updatedAt);
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return index >= 0 && reasons.size() > index && FAILED.equals(reasons.get(index).code());
    }

    /** Reasons come in request order: the sessions, the enrolment, its pointer, the queue check, then the offer check (if any). */
    private static SeatOutcome seatRefusal(List<CancellationReason> reasons, int sessions, int pointer, int queue, int offer) {
        if (failed(reasons, offer)) return SeatOutcome.OFFER_CHANGED;
        if (failed(reasons, sessions)) return SeatOutcome.ALREADY_ENROLLED;
        if (failed(reasons, pointer)) throw new IllegalStateException("a private link's hash is already in use");
        for (int i = 0; i < Math.min(sessions, reasons.size()); i++) {
            if (!FAILED.equals(reasons.get(i).code())) continue;
            Map<String, AttributeValue> old = reasons.get(i).item();
            if (old == null || old.isEmpty()) return SeatOutcome.SESSION_GONE;
            if (!Session.SessionStatus.SCHEDULED.name().equals(Attr.str(old, "status"))) return SeatOutcome.SESSION_GONE;
            if (old.get("seats") == null) return SeatOutcome.SESSION_GONE; // became walk-in meanwhile
            return SeatOutcome.FULL;
        }
        return SeatOutcome.FULL; // people are waiting (the queue check), or a session was full
    }
}
