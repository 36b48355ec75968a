package nl.ontwikkelplein.store;

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
 * enrolment (only if this person has none yet): the seat limit holds under any concurrency.
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
        TransactWriteItem seat = TransactWriteItem.builder().update(u -> u.tableName(catalogTable)
                .key(CatalogItems.key(CatalogItems.offerPk(e.offerId()), CatalogItems.sessionSk(e.sessionId())))
                .updateExpression("SET #taken = #taken + :one")
                .conditionExpression("attribute_exists(#pk) AND #status = :scheduled AND #taken < #seats")
                .expressionAttributeNames(Map.of("#pk", "pk", "#taken", "taken", "#seats", "seats", "#status", "status"))
                .expressionAttributeValues(Map.of(":one", Attr.n(1), ":scheduled", Attr.s(Session.SessionStatus.SCHEDULED.name())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
        TransactWriteItem record = TransactWriteItem.builder().put(p -> p.tableName(enrolmentsTable)
                .item(EnrolmentItems.enrolment(e))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", "pk"))).build();
        SeatOutcome[] refused = new SeatOutcome[1];
        try {
            Transactions.write(dynamo, List.of(seat, record), reasons -> refused[0] = refusal(reasons));
            return SeatOutcome.TAKEN;
        } catch (TransactionCanceledException ex) {
            if (refused[0] != null) return refused[0];
            throw ex;
        }
    }

    private static SeatOutcome refusal(List<CancellationReason> reasons) {
        if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) return SeatOutcome.ALREADY_ENROLLED;
        Map<String, AttributeValue> old = reasons.isEmpty() ? null : reasons.get(0).item();
        if (old == null || old.isEmpty()) return SeatOutcome.SESSION_GONE;
        if (!Session.SessionStatus.SCHEDULED.name().equals(Attr.str(old, "status"))) return SeatOutcome.SESSION_GONE;
        if (old.get("seats") == null) return SeatOutcome.SESSION_GONE; // became walk-in meanwhile
        return SeatOutcome.FULL;
    }
}
