package nl.ontwikkelplein.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import nl.ontwikkelplein.local.fixtures.StreamRecorder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test table's stream delivered to StreamRecorder as Lambda's event source mapping would. */
@LocalStackTest(LocalStackTest.Template.TEST)
class StreamDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    static TestStack stack;
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() throws Exception {
        dynamo = stack.stack().dynamo();
    }

    private static Map<String, AttributeValue> item(String pk, Object... extra) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS("ITEM"));
        for (int i = 0; i < extra.length; i += 2) {
            Object value = extra[i + 1];
            item.put((String) extra[i], value instanceof Number ? AttributeValue.fromN(value.toString()) : AttributeValue.fromS(value.toString()));
        }
        return item;
    }

    private static void put(Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName("TestTable").item(item));
    }

    private static boolean delivered(String pk, int times) {
        return StreamRecorder.deliveriesOf(pk).size() >= times;
    }

    @Test
    void insertModifyRemoveArriveAsDynamodbEvents() throws Exception {
        put(item("crud", "title", "eerste", "seats", 12));
        assertTrue(TestStack.await(WAIT, () -> delivered("crud", 1)), "INSERT delivered");
        dynamo.updateItem(b -> b.tableName("TestTable").key(Map.of("pk", AttributeValue.fromS("crud"), "sk", AttributeValue.fromS("ITEM")))
                .updateExpression("SET title = :t").expressionAttributeValues(Map.of(":t", AttributeValue.fromS("tweede"))));
        dynamo.deleteItem(b -> b.tableName("TestTable").key(Map.of("pk", AttributeValue.fromS("crud"), "sk", AttributeValue.fromS("ITEM"))));
        assertTrue(TestStack.await(WAIT, () -> delivered("crud", 3)), "MODIFY and REMOVE delivered");

        List<StreamRecorder.Delivery> deliveries = StreamRecorder.deliveriesOf("crud");
        assertEquals(List.of("INSERT", "MODIFY", "REMOVE"), deliveries.stream().map(StreamRecorder.Delivery::eventName).toList());

        DynamodbEvent.DynamodbStreamRecord insert = deliveries.get(0).record();
        assertEquals("aws:dynamodb", insert.getEventSource());
        assertEquals("1.1", insert.getEventVersion());
        assertEquals("eu-west-1", insert.getAwsRegion());
        assertTrue(insert.getEventSourceARN().contains("TestTable/stream/"), insert.getEventSourceARN());
        assertEquals("crud", insert.getDynamodb().getKeys().get("pk").getS());
        assertEquals("ITEM", insert.getDynamodb().getKeys().get("sk").getS());
        assertEquals("eerste", insert.getDynamodb().getNewImage().get("title").getS());
        assertEquals("12", insert.getDynamodb().getNewImage().get("seats").getN());
        assertNull(insert.getDynamodb().getOldImage());
        assertEquals("NEW_AND_OLD_IMAGES", insert.getDynamodb().getStreamViewType());
        assertNotNull(insert.getDynamodb().getApproximateCreationDateTime());
        assertTrue(insert.getDynamodb().getSizeBytes() > 0);

        DynamodbEvent.DynamodbStreamRecord modify = deliveries.get(1).record();
        assertEquals("eerste", modify.getDynamodb().getOldImage().get("title").getS());
        assertEquals("tweede", modify.getDynamodb().getNewImage().get("title").getS());
        DynamodbEvent.DynamodbStreamRecord remove = deliveries.get(2).record();
        assertEquals("tweede", remove.getDynamodb().getOldImage().get("title").getS());
        assertNull(remove.getDynamodb().getNewImage());
        assertTrue(new java.math.BigInteger(deliveries.get(0).sequenceNumber()).compareTo(new java.math.BigInteger(deliveries.get(2).sequenceNumber())) < 0);
    }

    @Test
    void timeToLiveDeletionsArriveAsRemoveByTheService() throws Exception {
        long expired = java.time.Instant.now().getEpochSecond() - 60;
        put(item("expired", "expiresAt", expired));
        assertTrue(TestStack.await(Duration.ofSeconds(30), () -> StreamRecorder.deliveriesOf("expired").stream()
                .anyMatch(d -> d.eventName().equals("REMOVE"))), "DynamoDB Local's TTL removed the item (tables with an index never expire items)");
        StreamRecorder.Delivery remove = StreamRecorder.deliveriesOf("expired").stream()
                .filter(d -> d.eventName().equals("REMOVE")).findFirst().orElseThrow();
        assertEquals("Service", remove.record().getUserIdentity().getType());
        assertEquals("dynamodb.amazonaws.com", remove.record().getUserIdentity().getPrincipalId());
        assertEquals("expired", remove.record().getDynamodb().getOldImage().get("pk").getS());
    }

    @Test
    void reportedFailureIsRedeliveredFromThatRecordOn() throws Exception {
        List<WriteRequest> writes = new ArrayList<>();
        writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("partial-1")).build()).build());
        writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("partial-2", "failTimes", 1)).build()).build());
        writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("partial-3")).build()).build());
        dynamo.batchWriteItem(b -> b.requestItems(Map.of("TestTable", writes)));

        assertTrue(TestStack.await(WAIT, () -> delivered("partial-2", 2) && delivered("partial-3", 1)), "failed record delivered again");
        Thread.sleep(1_000); // nothing more may come
        assertEquals(1, StreamRecorder.deliveriesOf("partial-1").size(), "records before the failed one are not redelivered");
        assertEquals(2, StreamRecorder.deliveriesOf("partial-2").size(), "the failed record is redelivered once, then succeeds");
        assertEquals(StreamRecorder.deliveriesOf("partial-2").get(0).sequenceNumber(), StreamRecorder.deliveriesOf("partial-2").get(1).sequenceNumber());
        int third = StreamRecorder.deliveriesOf("partial-3").size();
        assertTrue(third == 1 || third == 2, "records after the failed one come again only with it: " + third);
    }

    @Test
    void failingBatchGoesToTheOnFailureDestinationAfterRetriesAndTheStreamMovesOn() throws Exception {
        put(item("poison", "poison", "yes"));
        Path failures = stack.config().dataDir().resolve("failed-batches").resolve("StreamFailures.jsonl");
        assertTrue(TestStack.await(WAIT, () -> Files.exists(failures)), "batch sent to the on-failure destination");
        String failure = Files.readString(failures);
        assertTrue(failure.contains("\"condition\":\"RetryAttemptsExhausted\""), failure);
        assertTrue(failure.contains("\"approximateInvokeCount\":3"), "1 attempt + MaximumRetryAttempts 2: " + failure);
        assertTrue(failure.contains("\"batchSize\":1"), failure);

        put(item("after-poison"));
        assertTrue(TestStack.await(WAIT, () -> delivered("after-poison", 1)), "the next record is delivered");
    }

    @Test
    void aFailingBatchIsBisectedSoOnlyThePoisonRecordIsSetAside() throws Exception {
        Path failures = stack.config().dataDir().resolve("failed-batches").resolve("StreamFailures.jsonl");
        long failuresBefore = Files.exists(failures) ? Files.readAllLines(failures).size() : 0;
        StreamRecorder.BATCH_SIZES.clear();
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Map<String, AttributeValue> item = i == 3 ? item("bisect-" + i, "poison", "yes") : item("bisect-" + i);
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        dynamo.batchWriteItem(b -> b.requestItems(Map.of("TestTable", writes)));

        assertTrue(TestStack.await(WAIT, () -> delivered("bisect-4", 1)), "the record after the poison one is delivered");
        assertTrue(TestStack.await(WAIT, () -> {
            try {
                return Files.readAllLines(failures).size() == failuresBefore + 1;
            } catch (java.io.IOException e) {
                return false;
            }
        }), "one batch set aside");
        String setAside = Files.readAllLines(failures).get((int) failuresBefore);
        assertTrue(setAside.contains("\"batchSize\":1"), "only the poison record: " + setAside);
        assertEquals(1, StreamRecorder.deliveriesOf("bisect-4").size());
        assertEquals(List.of(4, 2, 2, 1, 1), StreamRecorder.BATCH_SIZES, "4 fails, halves [1,2] ok and [3,4] fail, [3] fails, [4] ok");
    }

    @Test
    void batchesAreAtMostBatchSize() throws Exception {
        StreamRecorder.BATCH_SIZES.clear();
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("bulk-" + i)).build()).build());
        }
        dynamo.batchWriteItem(b -> b.requestItems(Map.of("TestTable", writes)));
        assertTrue(TestStack.await(WAIT, () -> StreamRecorder.DELIVERIES.stream().filter(d -> d.pk().startsWith("bulk-")).count() >= 25));
        assertTrue(StreamRecorder.BATCH_SIZES.stream().allMatch(size -> size <= 10), "BatchSize 10: " + StreamRecorder.BATCH_SIZES);
        assertTrue(StreamRecorder.BATCH_SIZES.stream().anyMatch(size -> size > 1), "records are batched: " + StreamRecorder.BATCH_SIZES);
    }
}
