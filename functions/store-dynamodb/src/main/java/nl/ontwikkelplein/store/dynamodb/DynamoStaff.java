package nl.ontwikkelplein.store.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.NotFoundException;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.StaffAccounts;
import nl.ontwikkelplein.domain.StaffMember;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Staff accounts in the EditorsTable (docs/dynamodb.md): {@code STAFF#id} holds the account (and
 * lists it in gsi1 partition {@code STAFF}); {@code EMAIL#address} points at it and keeps addresses
 * unique, written in the same transaction.
 */
public final class DynamoStaff implements StaffAccounts {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoStaff(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<StaffMember> byEmail(String email) {
        Map<String, AttributeValue> pointer = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(CatalogItems.key("EMAIL#" + email, "EMAIL"))).item();
        if (pointer == null || pointer.isEmpty()) return Optional.empty();
        return byId(Attr.str(pointer, "staffId"));
    }

    @Override
    public Optional<StaffMember> byId(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(CatalogItems.key("STAFF#" + id, "STAFF"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(member(item));
    }

    @Override
    public List<StaffMember> all() {
        List<StaffMember> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : Queries.all(dynamo, Queries.index(table, "STAFF").build(), 0)) out.add(member(item));
        out.sort(Comparator.comparing(StaffMember::name).thenComparing(StaffMember::id));
        return out;
    }

    @Override
    public void create(StaffMember m) {
        Map<String, AttributeValue> account = item(m);
        Map<String, AttributeValue> pointer = new Attr.Item().put("pk", "EMAIL#" + m.email()).put("sk", "EMAIL")
                .put("type", "EMAIL").put("staffId", m.id()).build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(account).conditionExpression("attribute_not_exists(pk)").build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(pointer).conditionExpression("attribute_not_exists(pk)").build()).build()));
        } catch (TransactionCanceledException e) {
            if (DynamoCatalog.isConditionFailure(e)) throw ConflictException.of(ConflictException.Reason.DUPLICATE, "of this staff member", null);
            throw e;
        }
    }

    @Override
    public void update(StaffMember m) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(m)).conditionExpression("attribute_exists(pk) AND email = :email")
                    .expressionAttributeValues(Map.of(":email", Attr.s(m.email()))));
        } catch (ConditionalCheckFailedException e) {
            throw new NotFoundException("Staff member " + m.id() + " does not exist.");
        }
    }

    private static Map<String, AttributeValue> item(StaffMember m) {
        return new Attr.Item().put("pk", "STAFF#" + m.id()).put("sk", "STAFF").put("type", "STAFF")
                .put(CatalogItems.GSI1PK, "STAFF").put(CatalogItems.GSI1SK, m.id())
                .put("id", m.id()).put("email", m.email()).put("name", m.name()).put("role", m.role().name())
                .put("organisationIds", m.organisationIds()).put("createdAt", m.createdAt().toString())
                .put("revokedAt", m.revokedAt() == null ? null : m.revokedAt().toString()).build();
    }

    private static StaffMember member(Map<String, AttributeValue> item) {
        String revoked = Attr.str(item, "revokedAt");
        return new StaffMember(Attr.str(item, "id"), Attr.str(item, "email"), Attr.str(item, "name"), Role.valueOf(Attr.str(item, "role")),
                Attr.strings(item, "organisationIds"), Instant.parse(Attr.str(item, "createdAt")), revoked == null ? null : Instant.parse(revoked));
    }
}
