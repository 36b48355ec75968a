package nl.ontwikkelplein.store.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nl.ontwikkelplein.domain.RateLimits;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Fixed-window counters in the EditorsTable ({@code RATE#key#windowStart}, TTL after two windows): one atomic ADD per request. */
public final class DynamoRateLimits implements RateLimits {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRateLimits(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean tryAcquire(String key, int limit, Duration window, Instant now) {
        long seconds = window.toSeconds();
        long start = RateLimits.windowStart(window, now);
        String count = dynamo.updateItem(b -> b.tableName(table).key(CatalogItems.key("RATE#" + key + "#" + start, "RATE"))
                .updateExpression("ADD #count :one SET expiresAt = :expires")
                .expressionAttributeNames(Map.of("#count", "count"))
                .expressionAttributeValues(Map.of(":one", Attr.n(1), ":expires", Attr.n(start + 2 * seconds)))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes().get("count").n();
        return Long.parseLong(count) <= limit;
    }
}
