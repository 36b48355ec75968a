package nl.ontwikkelplein.store.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.Editor;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.EditorAuth;
import nl.ontwikkelplein.domain.EditorTokens;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Editor tokens in the EditorsTable, one item per token hash (docs/dynamodb.md). */
public final class DynamoEditorTokens implements EditorTokens {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoEditorTokens(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Editor> findByTokenHash(String tokenHash) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(CatalogItems.key("TOKEN#" + tokenHash, "TOKEN"))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(editor(item));
    }

    private static Editor editor(Map<String, AttributeValue> item) {
        Long expires = Attr.num(item, "expiresAt");
        return new Editor(Attr.str(item, "name"), Role.valueOf(Attr.str(item, "role")),
                Attr.strings(item, "organisationIds"), Instant.parse(Attr.str(item, "createdAt")),
                expires == null ? null : Instant.ofEpochSecond(expires));
    }

    @Override
    public List<StoredToken> all() {
        List<StoredToken> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : Queries.all(dynamo, Queries.index(table, "TOKENS").scanIndexForward(false).build(), 0)) {
            // TTL deletes late; an expired token is already refused, so it is not listed either.
            Long expires = Attr.num(item, "expiresAt");
            if (expires != null && expires <= Instant.now().getEpochSecond()) continue;
            out.add(new StoredToken(Attr.str(item, "tokenId"), editor(item)));
        }
        return out;
    }

    @Override
    public boolean revoke(String tokenId) {
        for (Map<String, AttributeValue> item : Queries.all(dynamo, Queries.index(table, "TOKENS").build(), 0)) {
            if (!tokenId.equals(Attr.str(item, "tokenId"))) continue;
            dynamo.deleteItem(b -> b.tableName(table).key(CatalogItems.key(Attr.str(item, "pk"), "TOKEN")));
            return true;
        }
        return false;
    }

    @Override
    public void save(String tokenHash, Editor editor) {
        try {
            put(tokenHash, editor);
        } catch (ConditionalCheckFailedException e) {
            throw ConflictException.of(ConflictException.Reason.DUPLICATE, "of this editor token", null);
        }
    }

    private void put(String tokenHash, Editor editor) {
        dynamo.putItem(b -> b.tableName(table).item(new Attr.Item().put("pk", "TOKEN#" + tokenHash).put("sk", "TOKEN")
                .put("type", "TOKEN").put(CatalogItems.GSI1PK, "TOKENS")
                .put(CatalogItems.GSI1SK, editor.createdAt() + "#" + EditorAuth.tokenId(tokenHash)).put("tokenId", EditorAuth.tokenId(tokenHash))
                .put("name", editor.name()).put("role", editor.role().name())
                .put("organisationIds", editor.organisationIds()).put("createdAt", editor.createdAt().toString())
                .put("expiresAt", editor.expiresAt() == null ? null : editor.expiresAt().getEpochSecond()).build())
                .conditionExpression("attribute_not_exists(pk)"));
    }
}
