package nl.ontwikkelplein.local;

import nl.ontwikkelplein.local.fixtures.StreamRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The very first record of a fresh table is delivered. DynamoDB Local numbers stream records
 * across all its tables, so with more than one streamed table a shard's first record does not
 * carry the shard's starting sequence number, and an iterator taken while the shard was empty then
 * fails with TrimmedDataAccessException. The poller must read that shard from its start, not skip
 * to LATEST again (which would lose the record).
 */
class StreamFirstRecordTest {

    @TempDir
    Path data;

    @Test
    void firstRecordAfterStartIsDelivered() throws Exception {
        try (TestStack stack = TestStack.start(TestStack.testTemplate(), data, Map.of())) {
            stack.stack().dynamo().putItem(b -> b.tableName("AuditTable").item(Map.of("pk", AttributeValue.fromS("a1"))));
            stack.stack().dynamo().putItem(b -> b.tableName("TestTable").item(Map.of(
                    "pk", AttributeValue.fromS("very-first"), "sk", AttributeValue.fromS("ITEM"))));
            assertTrue(TestStack.await(Duration.ofSeconds(10), () -> !StreamRecorder.deliveriesOf("very-first").isEmpty()),
                    "the first record of TestTable was not delivered");
            Thread.sleep(500);
            assertEquals(1, StreamRecorder.deliveriesOf("very-first").size());
        }
    }
}
