package nl.ontwikkelplein.store.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.SeatOutcome;
import nl.ontwikkelplein.domain.Session;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One transaction takes the seat on the session item (only while seats are left) and writes the
 * enrolment (only if this person has none yet): the seat limit holds under any concurrency. A
 * course enrolment takes a seat in every lesson in the same transaction (at most 60 lessons plus
 * the enrolment: within DynamoDB's 100 actions).
 */
public final class DynamoSeats implements nl.ontwikkelplein.domain.Seats {
    private final DynamoDbClient dynamo;
    private final String catalogTable;
    private final String enrolmentsTable;

    public DynamoSeats(DynamoDbClient dynamo, String catalogTable, String enrolmentsTable) {
        this.dynamo = dynamo;
        this.catalogTable = catalogTable;
        this.enrolmentsTable = enrolmentsTable;
    }

    @Override
    public SeatOutcome take(Enrolment e) {
        return write(e, List.of(e.sessionId()), null);
    }

    @Override
    public SeatOutcome takeAll(Enrolment e, List<String> sessionIds, Instant offerUpdatedAt) {
        return write(e, sessionIds, offerCheck(e.offerId(), offerUpdatedAt));
    }

    /** @param offerCheck a condition on the offer item, checked last; null for none */
    private SeatOutcome write(Enrolment e, List<String> sessionIds, TransactWriteItem offerCheck) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (String sessionId : sessionIds) writes.add(seat(e.offerId(), sessionId));
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(enrolmentsTable)
                .item(EnrolmentItems.enrolment(e))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", "pk"))).build());
        if (offerCheck != null) writes.add(offerCheck);
        SeatOutcome[] refused = new SeatOutcome[1];
        try {
            Transactions.write(dynamo, writes, reasons -> refused[0] = refusal(reasons, sessionIds.size()));
            return SeatOutcome.TAKEN;
        } catch (TransactionCanceledException ex) {
            if (refused[0] != null) return refused[0];
            throw ex;
        }
    }

    /** Takes one seat, only while the session is scheduled and has seats left. */
    private TransactWriteItem seat(String offerId, String sessionId) {
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
    private TransactWriteItem offerCheck(String offerId, Instant updatedAt) {
        return TransactWriteItem.builder().conditionCheck(c -> {
            c.tableName(catalogTable).key(CatalogItems.key(CatalogItems.offerPk(offerId), "OFFER"));
            if (updatedAt == null) c.conditionExpression("attribute_not_exists(updatedAt)");
            else c.conditionExpression("updatedAt = :read").expressionAttributeValues(Map.of(":read", Attr.s(updatedAt.toString())));
        }).build();
    }

    /** Reasons come in request order: the sessions, the enrolment, then the offer check (if any). */
    private static SeatOutcome refusal(List<CancellationReason> reasons, int sessions) {
        if (reasons.size() > sessions + 1 && "ConditionalCheckFailed".equals(reasons.get(sessions + 1).code())) return SeatOutcome.OFFER_CHANGED;
        if (reasons.size() > sessions && "ConditionalCheckFailed".equals(reasons.get(sessions).code())) return SeatOutcome.ALREADY_ENROLLED;
        for (int i = 0; i < Math.min(sessions, reasons.size()); i++) {
            if (!"ConditionalCheckFailed".equals(reasons.get(i).code())) continue;
            Map<String, AttributeValue> old = reasons.get(i).item();
            if (old == null || old.isEmpty()) return SeatOutcome.SESSION_GONE;
            if (!Session.SessionStatus.SCHEDULED.name().equals(Attr.str(old, "status"))) return SeatOutcome.SESSION_GONE;
            if (old.get("seats") == null) return SeatOutcome.SESSION_GONE; // became walk-in meanwhile
            return SeatOutcome.FULL;
        }
        return SeatOutcome.FULL;
    }
}
