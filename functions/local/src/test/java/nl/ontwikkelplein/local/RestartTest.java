package nl.ontwikkelplein.local;

import nl.ontwikkelplein.local.fixtures.StreamRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stop and start again on the same data directory: items, objects and the stream position are kept. */
class RestartTest {

    @TempDir
    Path data;

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("ITEM"));
    }

    @Test
    void itemsObjectsAndStreamPositionSurviveARestart() throws Exception {
        try (TestStack stack = TestStack.start(TestStack.testTemplate(), data, Map.of())) {
            assertTrue(stack.stack().freshDataDir());
            stack.stack().dynamo().putItem(b -> b.tableName("TestTable").item(Map.of(
                    "pk", AttributeValue.fromS("before-restart"), "sk", AttributeValue.fromS("ITEM"), "title", AttributeValue.fromS("blijft"))));
            stack.stack().s3().putObject(b -> b.bucket("ontwikkelplein-sitebucket").key("kept/index.html").contentType("text/html"),
                    RequestBody.fromString("<p>nog hier</p>"));
            assertTrue(TestStack.await(Duration.ofSeconds(10), () -> StreamRecorder.deliveriesOf("before-restart").size() == 1));

            stack.restart();

            assertFalse(stack.stack().freshDataDir());
            var item = stack.stack().dynamo().getItem(b -> b.tableName("TestTable").key(key("before-restart")).consistentRead(true)).item();
            assertEquals("blijft", item.get("title").s());
            assertEquals("<p>nog hier</p>", stack.get("/kept/").body());
            assertEquals(200, stack.get("/kept/").statusCode());

            stack.stack().dynamo().putItem(b -> b.tableName("TestTable").item(key("after-restart")));
            assertTrue(TestStack.await(Duration.ofSeconds(10), () -> StreamRecorder.deliveriesOf("after-restart").size() == 1),
                    "a change after the restart is delivered");
            assertEquals(1, StreamRecorder.deliveriesOf("before-restart").size(), "the restart resumes after the last delivered record");
        }
    }
}
