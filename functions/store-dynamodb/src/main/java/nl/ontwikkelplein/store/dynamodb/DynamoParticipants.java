package nl.ontwikkelplein.store.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ontwikkelplein.domain.Attendance;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.ManagedEnrolment;
import nl.ontwikkelplein.domain.Participant;
import nl.ontwikkelplein.domain.Participants;
import nl.ontwikkelplein.domain.Session;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Participant lists and waitlists (a consistent Query of the enrolment's partition), attendance
 * (one attribute {@code att#{sessionId}} per date, so marking one date is one SET), and the
 * changes as single transactions, each conditional on the status that was read: cancellation
 * (status CANCELLED with the seats {@code taken - 1} or the queue {@code waiting - 1}), erasure,
 * and promotion (status CONFIRMED with {@code waiting - 1} and {@code taken + 1} while a seat is
 * free). A change that meets another one reads again.
 */
public final class DynamoParticipants implements Participants {
    static final String ATTENDANCE_PREFIX = "att#";
    /** Reads again after a concurrent change of the same enrolment. */
    private static final int ATTEMPTS = 4;
    private static final String FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final String catalogTable;
    private final String enrolmentsTable;

    public DynamoParticipants(DynamoDbClient dynamo, String catalogTable, String enrolmentsTable) {
        this.dynamo = dynamo;
        this.catalogTable = catalogTable;
        this.enrolmentsTable = enrolmentsTable;
    }

    private List<Map<String, AttributeValue>> partition(String scopePk) {
        return Queries.all(dynamo, QueryRequest.builder().tableName(enrolmentsTable).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :enrol)")
                .expressionAttributeValues(Map.of(":pk", Attr.s(scopePk), ":enrol", Attr.s(EnrolmentItems.ENROL))).build(), 0);
    }

    @Override
    public List<Participant> of(String offerId, String sessionId) {
        List<Participant> out = new ArrayList<>();
        Instant now = Instant.now();
        for (Map<String, AttributeValue> i : partition(EnrolmentItems.pk(offerId, sessionId))) {
            Enrolment e = EnrolmentItems.toEnrolment(i);
            // TTL deletes late: past their retention, people are no longer listed.
            if (!e.expiresAt().isAfter(now)) continue;
            Map<String, Attendance> attendance = new LinkedHashMap<>();
            i.forEach((name, value) -> {
                if (name.startsWith(ATTENDANCE_PREFIX) && value.s() != null)
                    attendance.put(name.substring(ATTENDANCE_PREFIX.length()), Attendance.valueOf(value.s()));
            });
            out.add(new Participant(e, attendance));
        }
        out.sort(Comparator.comparing((Participant p) -> p.enrolment().createdAt()).thenComparing(p -> p.enrolment().personKey()));
        return out;
    }

    @Override
    public List<Participant> referredBy(String referrerId, int limit) {
        List<Participant> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : Queries.all(dynamo, Queries.index(enrolmentsTable, "REFERRER#" + referrerId).scanIndexForward(false).build(), limit)) {
            Enrolment e = EnrolmentItems.toEnrolment(i);
            if (!e.expiresAt().isAfter(Instant.now())) continue;
            Map<String, Attendance> attendance = new LinkedHashMap<>();
            i.forEach((name, value) -> {
                if (name.startsWith(ATTENDANCE_PREFIX) && value.s() != null)
                    attendance.put(name.substring(ATTENDANCE_PREFIX.length()), Attendance.valueOf(value.s()));
            });
            out.add(new Participant(e, attendance));
        }
        return out;
    }

    @Override
    public Optional<Enrolment> find(String offerId, String sessionId, String personKey) {
        return get(EnrolmentItems.key(offerId, sessionId, personKey)).map(EnrolmentItems::toEnrolment);
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(enrolmentsTable).consistentRead(true).key(key)).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        Long expires = Attr.num(item, "expiresAt");
        if (expires != null && expires <= Instant.now().getEpochSecond()) return Optional.empty(); // TTL deletes late
        return Optional.of(item);
    }

    @Override
    public boolean setAttendance(String offerId, String sessionId, String personKey, String attendedSessionId, Attendance attendance) {
        try {
            dynamo.updateItem(b -> b.tableName(enrolmentsTable).key(EnrolmentItems.key(offerId, sessionId, personKey))
                    .updateExpression("SET #att = :value").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#att", ATTENDANCE_PREFIX + attendedSessionId))
                    .expressionAttributeValues(Map.of(":value", Attr.s(attendance.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<ManagedEnrolment> byManageHash(String manageHash) {
        Map<String, AttributeValue> pointer = get(EnrolmentItems.manageKey(manageHash)).orElse(null);
        if (pointer == null) return Optional.empty();
        if (EnrolmentItems.isPhantom(pointer))
            return get(EnrolmentItems.phantomKey(Attr.str(pointer, "scopePk"), manageHash)).map(EnrolmentItems::toPhantom);
        return get(CatalogItems.key(Attr.str(pointer, "scopePk"), EnrolmentItems.ENROL + Attr.str(pointer, "personKey")))
                .map(EnrolmentItems::toEnrolment)
                // Enrolled again after a cancellation: the old links no longer open the new enrolment.
                .filter(e -> manageHash.equals(e.manageHash()) || e.createdAt().toString().equals(Attr.str(pointer, "generation")))
                .map(e -> new ManagedEnrolment(e, 0, false));
    }

    @Override
    public void addLink(Enrolment e, String manageHash) {
        dynamo.putItem(b -> b.tableName(enrolmentsTable).item(EnrolmentItems.link(e, manageHash)).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public int position(Enrolment e) {
        if (e.status() != Enrolment.EnrolmentStatus.WAITLISTED) return 0;
        return position(dynamo, enrolmentsTable, e);
    }

    /** People waiting with this ticket or an earlier one: a count of the partition, nothing returned. */
    static int position(DynamoDbClient dynamo, String table, Enrolment e) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var response = dynamo.query(b -> b.tableName(table).consistentRead(true).select(Select.COUNT)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :enrol)")
                    .filterExpression("#status = :waiting AND ticket <= :ticket")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(e.scopeKey()), ":enrol", Attr.s(EnrolmentItems.ENROL),
                            ":waiting", Attr.s(Enrolment.EnrolmentStatus.WAITLISTED.name()), ":ticket", Attr.n(e.ticket())))
                    .exclusiveStartKey(from));
            count += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    @Override
    public List<Enrolment> waiting(String offerId, String sessionId, int limit) {
        List<Enrolment> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : partition(EnrolmentItems.pk(offerId, sessionId))) {
            Enrolment e = EnrolmentItems.toEnrolment(i);
            if (e.status() == Enrolment.EnrolmentStatus.WAITLISTED && e.expiresAt().isAfter(Instant.now())) out.add(e);
        }
        out.sort(Comparator.comparingLong(Enrolment::ticket));
        return out.size() > limit ? List.copyOf(out.subList(0, Math.max(0, limit))) : out;
    }

    @Override
    public Optional<Enrolment.EnrolmentStatus> cancel(String offerId, String sessionId, String personKey, List<String> seatSessionIds, Instant now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Enrolment e = find(offerId, sessionId, personKey).orElse(null);
            if (e == null || !e.status().isActive()) return Optional.empty();
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(enrolmentsTable).key(EnrolmentItems.key(offerId, sessionId, personKey))
                    .updateExpression("SET #status = :cancelled").conditionExpression("#status = :was")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":cancelled", Attr.s(Enrolment.EnrolmentStatus.CANCELLED.name()), ":was", Attr.s(e.status().name()))))
                    .build());
            writes.addAll(giveBack(e, seatSessionIds));
            if (write(writes)) return Optional.of(e.status());
        }
        throw new IllegalStateException("the enrolment kept changing while it was being cancelled");
    }

    @Override
    public boolean erase(String offerId, String sessionId, String personKey, List<String> seatSessionIds) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Enrolment e = find(offerId, sessionId, personKey).orElse(null);
            if (e == null) return false;
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(enrolmentsTable).key(EnrolmentItems.key(offerId, sessionId, personKey))
                    .conditionExpression("#status = :was").expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":was", Attr.s(e.status().name())))).build());
            if (e.manageHash() != null)
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(enrolmentsTable).key(EnrolmentItems.manageKey(e.manageHash()))).build());
            if (e.status().isActive()) writes.addAll(giveBack(e, seatSessionIds));
            if (write(writes)) return true;
        }
        throw new IllegalStateException("the enrolment kept changing while it was being erased");
    }

    /** A confirmed enrolment's seats, or a waiting one's place in the queue. */
    private List<TransactWriteItem> giveBack(Enrolment e, List<String> seatSessionIds) {
        List<TransactWriteItem> writes = new ArrayList<>();
        if (e.status() == Enrolment.EnrolmentStatus.WAITLISTED) {
            writes.add(counter(EnrolmentItems.waitlistKey(e.scopeKey()), "waiting", -1));
        } else if (e.holdsSeat()) {
            for (String seat : seatSessionIds)
                writes.add(counter(CatalogItems.key(CatalogItems.offerPk(e.offerId()), CatalogItems.sessionSk(seat)), "taken", -1));
        }
        return writes;
    }

    /** {@code name - 1} while above zero. */
    private TransactWriteItem counter(Map<String, AttributeValue> key, String name, int step) {
        String table = key.get("pk").s().startsWith("OFFER#") ? catalogTable : enrolmentsTable;
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key)
                .updateExpression("SET #c = #c - :one").conditionExpression("#c > :zero")
                .expressionAttributeNames(Map.of("#c", name))
                .expressionAttributeValues(Map.of(":one", Attr.n(-step), ":zero", Attr.n(0)))).build();
    }

    /** @return false when the first action's condition failed (the enrolment changed meanwhile) */
    private boolean write(List<TransactWriteItem> writes) {
        boolean[] changed = {false};
        try {
            Transactions.write(dynamo, writes, reasons -> changed[0] = !reasons.isEmpty() && FAILED.equals(reasons.get(0).code()));
            return true;
        } catch (TransactionCanceledException ex) {
            if (changed[0]) return false;
            throw ex;
        }
    }

    @Override
    public Promotion accept(String offerId, String sessionId, String personKey, List<String> seatSessionIds, Instant now) {
        Enrolment e = find(offerId, sessionId, personKey).orElse(null);
        if (e == null || e.status() != Enrolment.EnrolmentStatus.REQUESTED) return Promotion.NOT_WAITING;
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(enrolmentsTable).key(EnrolmentItems.key(offerId, sessionId, personKey))
                .updateExpression("SET #status = :confirmed, ticket = :zero").conditionExpression("#status = :requested AND ticket = :ticket")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":confirmed", Attr.s(Enrolment.EnrolmentStatus.CONFIRMED.name()), ":zero", Attr.n(0),
                        ":requested", Attr.s(Enrolment.EnrolmentStatus.REQUESTED.name()), ":ticket", Attr.n(e.ticket())))).build());
        if (!e.holdsSeat()) for (String seat : seatSessionIds) writes.add(DynamoSeats.takeSeat(catalogTable, offerId, seat));
        return promotion(writes);
    }

    @Override
    public Promotion promote(Enrolment waiting, List<String> seatSessionIds, Instant offerUpdatedAt, Enrolment.EnrolmentStatus to, Instant now) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(enrolmentsTable)
                .key(EnrolmentItems.key(waiting.offerId(), waiting.sessionId(), waiting.personKey()))
                .updateExpression("SET #status = :to, ticket = :zero").conditionExpression("#status = :waiting")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":to", Attr.s(to.name()), ":zero", Attr.n(0),
                        ":waiting", Attr.s(Enrolment.EnrolmentStatus.WAITLISTED.name())))).build());
        writes.add(counter(EnrolmentItems.waitlistKey(waiting.scopeKey()), "waiting", -1));
        for (String seat : seatSessionIds) writes.add(DynamoSeats.takeSeat(catalogTable, waiting.offerId(), seat));
        if (offerUpdatedAt != null) writes.add(DynamoSeats.offerCheck(catalogTable, waiting.offerId(), offerUpdatedAt));
        return promotion(writes);
    }

    /** One promoting transaction; its first action is the enrolment's status change: failing there, it changed meanwhile. */
    private Promotion promotion(List<TransactWriteItem> writes) {
        Promotion[] refused = new Promotion[1];
        try {
            Transactions.write(dynamo, writes, reasons -> refused[0] = !reasons.isEmpty() && FAILED.equals(reasons.get(0).code())
                    ? Promotion.NOT_WAITING : Promotion.NO_SEAT);
            return Promotion.PROMOTED;
        } catch (TransactionCanceledException ex) {
            if (refused[0] != null) return refused[0];
            throw ex;
        }
    }

    @Override
    public int moveExpiry(String offerId, String sessionId, Instant expiresAt) {
        int enrolments = 0;
        for (Map<String, AttributeValue> i : Queries.all(dynamo, QueryRequest.builder().tableName(enrolmentsTable).consistentRead(true)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", Attr.s(EnrolmentItems.pk(offerId, sessionId))))
                .projectionExpression("pk, sk").build(), 0)) {
            try {
                dynamo.updateItem(b -> b.tableName(enrolmentsTable).key(CatalogItems.key(Attr.str(i, "pk"), Attr.str(i, "sk")))
                        .updateExpression("SET expiresAt = :expires").conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":expires", Attr.n(expiresAt.getEpochSecond()))));
                if (Attr.str(i, "sk").startsWith(EnrolmentItems.ENROL)) enrolments++;
            } catch (ConditionalCheckFailedException gone) {
                // erased meanwhile: nothing left to keep
            }
        }
        return enrolments;
    }

    @Override
    public void savePhantom(ManagedEnrolment phantom) {
        Enrolment e = phantom.enrolment();
        Transactions.write(dynamo, List.of(
                TransactWriteItem.builder().put(p -> p.tableName(enrolmentsTable).item(EnrolmentItems.phantom(phantom))
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(enrolmentsTable).item(EnrolmentItems.phantomPointer(e))
                        .conditionExpression("attribute_not_exists(pk)")).build()),
                reasons -> { throw new IllegalStateException("a private link's hash is already in use"); });
    }

    /** The partition of a stand-in, from its link's pointer; null when there is none. */
    private String phantomScope(String manageHash) {
        Map<String, AttributeValue> pointer = get(EnrolmentItems.manageKey(manageHash)).orElse(null);
        return pointer == null || !EnrolmentItems.isPhantom(pointer) ? null : Attr.str(pointer, "scopePk");
    }

    @Override
    public boolean cancelPhantom(String manageHash) {
        String scope = phantomScope(manageHash);
        if (scope == null) return false;
        try {
            dynamo.updateItem(b -> b.tableName(enrolmentsTable).key(EnrolmentItems.phantomKey(scope, manageHash))
                    .updateExpression("SET #status = :cancelled")
                    .conditionExpression("attribute_exists(pk) AND #status <> :cancelled")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":cancelled", Attr.s(Enrolment.EnrolmentStatus.CANCELLED.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean erasePhantom(String manageHash) {
        String scope = phantomScope(manageHash);
        if (scope == null) return false;
        dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().delete(d -> d.tableName(enrolmentsTable).key(EnrolmentItems.phantomKey(scope, manageHash))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(enrolmentsTable).key(EnrolmentItems.manageKey(manageHash))).build()));
        return true;
    }
}
