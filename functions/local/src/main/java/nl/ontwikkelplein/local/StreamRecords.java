package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the event Lambda sends for a batch of DynamoDB stream records:
 * {@code {"Records": [{eventID, eventName, eventVersion, eventSource, awsRegion, dynamodb: {...},
 * eventSourceARN, userIdentity?}]}}, with images in DynamoDB JSON ({"S": "..."}, {"N": "1"}, ...)
 * and ApproximateCreationDateTime in epoch seconds. TTL deletions carry
 * {@code userIdentity: {type: Service, principalId: dynamodb.amazonaws.com}}.
 */
final class StreamRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN_EVENT_NAMES = Set.of("INSERT", "MODIFY", "REMOVE");

    private StreamRecords() {
    }

    static String event(List<Record> records, String streamArn) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (Record record : records) {
            array.add(record(record, streamArn));
        }
        return event.toString();
    }

    private static ObjectNode record(Record record, String streamArn) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventID", record.eventID());
        // DynamoDB Local 3.1 streams its TTL deletions with eventName "UNKNOWN_TO_SDK_VERSION" and no
        // userIdentity. AWS sends them as REMOVE by the service; so do we.
        boolean ttlDeletion = !KNOWN_EVENT_NAMES.contains(record.eventNameAsString());
        node.put("eventName", ttlDeletion ? "REMOVE" : record.eventNameAsString());
        node.put("eventVersion", "1.1");
        node.put("eventSource", "aws:dynamodb");
        node.put("awsRegion", LocalNames.REGION);
        StreamRecord data = record.dynamodb();
        ObjectNode dynamodb = node.putObject("dynamodb");
        if (data.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", data.approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.set("Keys", item(data.keys()));
        if (data.hasNewImage()) {
            dynamodb.set("NewImage", item(data.newImage()));
        }
        if (data.hasOldImage()) {
            dynamodb.set("OldImage", item(data.oldImage()));
        }
        dynamodb.put("SequenceNumber", data.sequenceNumber());
        dynamodb.put("SizeBytes", data.sizeBytes());
        dynamodb.put("StreamViewType", data.streamViewTypeAsString());
        node.put("eventSourceARN", streamArn);
        if (record.userIdentity() != null) {
            node.putObject("userIdentity")
                    .put("type", record.userIdentity().type())
                    .put("principalId", record.userIdentity().principalId());
        } else if (ttlDeletion) {
            node.putObject("userIdentity").put("type", "Service").put("principalId", "dynamodb.amazonaws.com");
        }
        return node;
    }

    static ObjectNode item(Map<String, AttributeValue> attributes) {
        ObjectNode item = JSON.createObjectNode();
        attributes.forEach((name, value) -> item.set(name, value(value)));
        return item;
    }

    static JsonNode value(AttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        Base64.Encoder base64 = Base64.getEncoder();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", base64.encodeToString(value.b().asByteArray()));
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> value.bs().forEach(b -> node.withArray("BS").add(base64.encodeToString(b.asByteArray())));
            case M -> node.set("M", item(value.m()));
            case L -> {
                ArrayNode list = node.putArray("L");
                value.l().forEach(element -> list.add(value(element)));
            }
            default -> throw new IllegalArgumentException("unknown attribute value type in stream record: " + value);
        }
        return node;
    }
}
