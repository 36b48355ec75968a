package nl.ontwikkelplein.store.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.Message;
import nl.ontwikkelplein.domain.Outbox;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The outbox as items of the EnrolmentsTable, {@code MSGS#{organisationId}} / {@code MSG#{key}}:
 * a conditional Put (the key is the idempotency key), a conditional claim PENDING → SENDING, and
 * one partition per organisation for the staff's call list. The table's stream feeds the sender;
 * TTL deletes a message with its enrolment.
 */
public final class DynamoOutbox implements Outbox {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOutbox(DynamoDbClient dynamo, String enrolmentsTable) {
        this.dynamo = dynamo;
        this.table = enrolmentsTable;
    }

    static Map<String, AttributeValue> key(String organisationId, String key) {
        return CatalogItems.key("MSGS#" + organisationId, "MSG#" + key);
    }

    static Map<String, AttributeValue> item(Message m) {
        return new Attr.Item().put("pk", "MSGS#" + m.organisationId()).put("sk", "MSG#" + m.key()).put("type", "MESSAGE")
                .put("organisationId", m.organisationId()).put("key", m.key()).put("kind", m.kind().name()).put("offerId", m.offerId())
                .put("sessionId", m.sessionId()).put("scopePk", m.scopeKey()).put("personKey", m.personKey())
                .put("generation", m.generation().toString()).put("note", m.note()).put("status", m.status().name())
                .put("channel", m.channel() == null ? null : m.channel().name()).put("attempts", (long) m.attempts()).put("error", m.error())
                .put("handledBy", m.handledBy()).put("createdAt", m.createdAt().toString()).put("updatedAt", m.updatedAt().toString())
                .put("expiresAt", m.expiresAt().getEpochSecond()).build();
    }

    static Message message(Map<String, AttributeValue> i) {
        String channel = Attr.str(i, "channel");
        Long attempts = Attr.num(i, "attempts");
        return new Message(Attr.str(i, "organisationId"), Attr.str(i, "key"), Message.Kind.valueOf(Attr.str(i, "kind")), Attr.str(i, "offerId"),
                Attr.str(i, "sessionId"), Attr.str(i, "scopePk"), Attr.str(i, "personKey"), Instant.parse(Attr.str(i, "generation")),
                Attr.str(i, "note"), Message.Status.valueOf(Attr.str(i, "status")), channel == null ? null : Enrolment.Channel.valueOf(channel),
                attempts == null ? 0 : attempts.intValue(), Attr.str(i, "error"), Attr.str(i, "handledBy"), Instant.parse(Attr.str(i, "createdAt")),
                Instant.parse(Attr.str(i, "updatedAt")), Instant.ofEpochSecond(Attr.num(i, "expiresAt")));
    }

    @Override
    public boolean add(Message m) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(m)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Message> find(String organisationId, String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(organisationId, key))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(message(item));
    }

    @Override
    public boolean claim(String organisationId, String key, Instant now) {
        return update(organisationId, key, "SET #status = :sending, attempts = attempts + :one, updatedAt = :now", "#status = :pending",
                Map.of(":sending", Attr.s("SENDING"), ":one", Attr.n(1), ":now", Attr.s(now.toString()), ":pending", Attr.s("PENDING")));
    }

    @Override
    public void settle(String organisationId, String key, Message.Status status, Enrolment.Channel channel, String error, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", Attr.s(status.name()), ":now", Attr.s(now.toString()),
                ":sending", Attr.s("SENDING")));
        StringBuilder set = new StringBuilder("SET #status = :status, updatedAt = :now");
        if (channel != null) { set.append(", channel = :channel"); values.put(":channel", Attr.s(channel.name())); }
        if (error != null) { set.append(", #error = :error"); values.put(":error", Attr.s(error)); }
        update(organisationId, key, set.toString(), "#status = :sending", values);
    }

    @Override
    public List<Message> forStaff(String organisationId, int limit) {
        List<Message> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : Queries.all(dynamo, QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk").filterExpression("#status IN (:call, :called, :failed)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":pk", Attr.s("MSGS#" + organisationId), ":call", Attr.s("CALL"), ":called", Attr.s("CALLED"),
                        ":failed", Attr.s("FAILED"))).build(), 0))
            out.add(message(i));
        out.sort(Comparator.comparing(Message::createdAt).reversed().thenComparing(Message::key));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    @Override
    public boolean markCalled(String organisationId, String key, String by, Instant now) {
        return update(organisationId, key, "SET #status = :called, handledBy = :by, updatedAt = :now", "#status IN (:call, :failed)",
                Map.of(":called", Attr.s("CALLED"), ":by", Attr.s(by), ":now", Attr.s(now.toString()), ":call", Attr.s("CALL"), ":failed", Attr.s("FAILED")));
    }

    private boolean update(String organisationId, String key, String expression, String condition, Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        if (expression.contains("#error")) names.put("#error", "error");
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(organisationId, key)).updateExpression(expression)
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
