package nl.ontwikkelplein.store.dynamodb;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.ontwikkelplein.domain.ConflictException;
import nl.ontwikkelplein.domain.Editor;
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
        Long expires = Attr.num(item, "expiresAt");
        return Optional.of(new Editor(Attr.str(item, "name"), Editor.Role.valueOf(Attr.str(item, "role")),
                Attr.strings(item, "organisationIds"), Instant.parse(Attr.str(item, "createdAt")),
                expires == null ? null : Instant.ofEpochSecond(expires)));
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
                .put("type", "TOKEN").put("name", editor.name()).put("role", editor.role().name())
                .put("organisationIds", editor.organisationIds()).put("createdAt", editor.createdAt().toString())
                .put("expiresAt", editor.expiresAt() == null ? null : editor.expiresAt().getEpochSecond()).build())
                .conditionExpression("attribute_not_exists(pk)"));
    }
}
