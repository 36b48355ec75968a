package nl.ontwikkelplein.store.dynamodb;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.ontwikkelplein.domain.SignInLink;
import nl.ontwikkelplein.domain.SignIns;
import nl.ontwikkelplein.domain.StaffSession;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Sign-in links ({@code SIGNIN#hash}) and sessions ({@code SESSION#hash}, listed per staff member
 * in gsi1 partition {@code SESSIONS#staffId}) in the EditorsTable, both with TTL {@code expiresAt}.
 * TTL deletes late, so every read also checks the expiry.
 */
public final class DynamoSignIns implements SignIns {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSignIns(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void saveLink(SignInLink l) {
        dynamo.putItem(b -> b.tableName(table).item(new Attr.Item().put("pk", "SIGNIN#" + l.tokenHash()).put("sk", "SIGNIN")
                .put("type", "SIGNIN").put("staffId", l.staffId()).put("browserNonceHash", l.browserNonceHash())
                .put("createdAt", l.createdAt().toString()).put("expiresAt", l.expiresAt().getEpochSecond()).build()));
    }

    @Override
    public Optional<SignInLink> link(String tokenHash) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(CatalogItems.key("SIGNIN#" + tokenHash, "SIGNIN"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(link(tokenHash, item));
    }

    @Override
    public Optional<SignInLink> useLink(String tokenHash, Instant now) {
        try {
            Map<String, AttributeValue> old = dynamo.deleteItem(b -> b.tableName(table).key(CatalogItems.key("SIGNIN#" + tokenHash, "SIGNIN"))
                    .conditionExpression("attribute_exists(pk) AND expiresAt > :now")
                    .expressionAttributeValues(Map.of(":now", Attr.n(now.getEpochSecond())))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            return old == null || old.isEmpty() ? Optional.empty() : Optional.of(link(tokenHash, old));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private static SignInLink link(String tokenHash, Map<String, AttributeValue> item) {
        return new SignInLink(tokenHash, Attr.str(item, "staffId"), Attr.str(item, "browserNonceHash"),
                Instant.parse(Attr.str(item, "createdAt")), Instant.ofEpochSecond(Attr.num(item, "expiresAt")));
    }

    @Override
    public void saveSession(StaffSession s) {
        dynamo.putItem(b -> b.tableName(table).item(new Attr.Item().put("pk", "SESSION#" + s.tokenHash()).put("sk", "SESSION")
                .put("type", "SESSION").put(CatalogItems.GSI1PK, "SESSIONS#" + s.staffId()).put(CatalogItems.GSI1SK, s.tokenHash())
                .put("staffId", s.staffId()).put("createdAt", s.createdAt().toString()).put("lastSeenAt", s.lastSeenAt().toString())
                .put("expiresAt", s.expiresAt().getEpochSecond()).build()));
    }

    @Override
    public Optional<StaffSession> session(String tokenHash) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(CatalogItems.key("SESSION#" + tokenHash, "SESSION"))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(new StaffSession(tokenHash, Attr.str(item, "staffId"), Instant.parse(Attr.str(item, "createdAt")),
                Instant.parse(Attr.str(item, "lastSeenAt")), Instant.ofEpochSecond(Attr.num(item, "expiresAt"))));
    }

    @Override
    public void touchSession(String tokenHash, Instant lastSeenAt, Instant expiresAt) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(CatalogItems.key("SESSION#" + tokenHash, "SESSION"))
                    .conditionExpression("attribute_exists(pk)")
                    .updateExpression("SET lastSeenAt = :seen, expiresAt = :expires")
                    .expressionAttributeValues(Map.of(":seen", Attr.s(lastSeenAt.toString()), ":expires", Attr.n(expiresAt.getEpochSecond()))));
        } catch (ConditionalCheckFailedException e) {
            // ended meanwhile: it stays ended
        }
    }

    @Override
    public void endSession(String tokenHash) {
        dynamo.deleteItem(b -> b.tableName(table).key(CatalogItems.key("SESSION#" + tokenHash, "SESSION")));
    }

    @Override
    public void endSessionsOf(String staffId) {
        for (Map<String, AttributeValue> item : Queries.all(dynamo, Queries.index(table, "SESSIONS#" + staffId).build(), 0))
            dynamo.deleteItem(b -> b.tableName(table).key(CatalogItems.key(Attr.str(item, "pk"), "SESSION")));
    }
}
