package nl.ontwikkelplein.store.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Attendance;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.Participant;
import nl.ontwikkelplein.domain.Participants;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Participant lists (Query on the enrolment's partition), removal (one transaction: Delete the
 * enrolment if it exists, Update each seat session {@code taken - 1} while above zero) and
 * attendance (one attribute {@code att#{sessionId}} per date, so marking one date is one SET).
 */
public final class DynamoParticipants implements Participants {
    static final String ATTENDANCE_PREFIX = "att#";

    private final DynamoDbClient dynamo;
    private final String catalogTable;
    private final String enrolmentsTable;

    public DynamoParticipants(DynamoDbClient dynamo, String catalogTable, String enrolmentsTable) {
        this.dynamo = dynamo;
        this.catalogTable = catalogTable;
        this.enrolmentsTable = enrolmentsTable;
    }

    private static String pk(String offerId, String sessionId) {
        return sessionId == null ? EnrolmentItems.coursePk(offerId) : EnrolmentItems.sessionPk(offerId, sessionId);
    }

    @Override
    public List<Participant> of(String offerId, String sessionId) {
        List<Participant> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : Queries.all(dynamo, QueryRequest.builder().tableName(enrolmentsTable).consistentRead(true)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", Attr.s(pk(offerId, sessionId)))).build(), 0)) {
            String sk = Attr.str(i, "sk");
            Enrolment e = new Enrolment(Attr.str(i, "offerId"), Attr.str(i, "sessionId"), sk.substring("ENROL#".length()), Attr.str(i, "name"),
                    Attr.str(i, "phone"), Enrolment.EnrolmentStatus.valueOf(Attr.str(i, "status")), Instant.parse(Attr.str(i, "createdAt")),
                    Instant.ofEpochSecond(Attr.num(i, "expiresAt")));
            // TTL deletes late: past their retention, people are no longer listed.
            if (!e.expiresAt().isAfter(Instant.now())) continue;
            Map<String, Attendance> attendance = new LinkedHashMap<>();
            i.forEach((name, value) -> {
                if (name.startsWith(ATTENDANCE_PREFIX) && value.s() != null)
                    attendance.put(name.substring(ATTENDANCE_PREFIX.length()), Attendance.valueOf(value.s()));
            });
            out.add(new Participant(e, attendance));
        }
        out.sort(java.util.Comparator.comparing((Participant p) -> p.enrolment().createdAt()).thenComparing(p -> p.enrolment().personKey()));
        return out;
    }

    @Override
    public boolean remove(String offerId, String sessionId, String personKey, List<String> seatSessionIds) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().delete(d -> d.tableName(enrolmentsTable)
                .key(CatalogItems.key(pk(offerId, sessionId), "ENROL#" + personKey)).conditionExpression("attribute_exists(pk)")).build());
        for (String seat : seatSessionIds) {
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(catalogTable)
                    .key(CatalogItems.key(CatalogItems.offerPk(offerId), CatalogItems.sessionSk(seat)))
                    .updateExpression("SET #taken = #taken - :one").conditionExpression("#taken > :zero")
                    .expressionAttributeNames(Map.of("#taken", "taken"))
                    .expressionAttributeValues(Map.of(":one", Attr.n(1), ":zero", Attr.n(0)))).build());
        }
        boolean[] gone = {false};
        try {
            Transactions.write(dynamo, writes, reasons -> {
                if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                    gone[0] = true;
                    throw ConflictException.of(ConflictException.Reason.OFFER_GONE);
                }
                throw ConflictException.of(ConflictException.Reason.CHANGED_MEANWHILE);
            });
        } catch (ConflictException e) {
            if (gone[0]) return false;
            throw e;
        }
        return true;
    }

    @Override
    public boolean setAttendance(String offerId, String sessionId, String personKey, String attendedSessionId, Attendance attendance) {
        try {
            dynamo.updateItem(b -> b.tableName(enrolmentsTable).key(CatalogItems.key(pk(offerId, sessionId), "ENROL#" + personKey))
                    .updateExpression("SET #att = :value").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#att", ATTENDANCE_PREFIX + attendedSessionId))
                    .expressionAttributeValues(Map.of(":value", Attr.s(attendance.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
