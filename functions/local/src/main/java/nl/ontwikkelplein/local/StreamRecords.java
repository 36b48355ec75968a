package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.ontwikkelplein.store.sqlite.ChangeLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Builds the event Lambda sends for a batch of DynamoDB stream records, from change-log rows:
 * {@code {"Records": [{eventID, eventName, eventVersion, eventSource, awsRegion, dynamodb: {...},
 * eventSourceARN, userIdentity?}]}}, keys (and images, where the writer gave them) in DynamoDB
 * JSON, ApproximateCreationDateTime in epoch seconds. Removals by the expiry sweeper carry
 * {@code userIdentity: {type: Service, principalId: dynamodb.amazonaws.com}}, as TTL deletions do.
 * The adapters log keys only, so their records say {@code StreamViewType: KEYS_ONLY}: consumers read
 * the item itself, as the site builder does.
 */
final class StreamRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamRecords() {
    }

    /** DynamoDB's sequence numbers are decimal strings of 21 digits and more; ours are padded so. */
    static String sequenceNumber(long sequence) {
        return String.format("%021d", sequence);
    }

    static String streamArn(String tableName) {
        return "arn:aws:dynamodb:" + LocalNames.REGION + ":" + LocalNames.ACCOUNT_ID + ":table/" + tableName + "/stream/local";
    }

    /**
     * How many of the changes, from the first, fit one event of at most {@code maxBytes} (at least
     * one: an item is at most 400 KB, so a record always fits). Lambda's poller cuts a batch where
     * its payload would pass 6 MB, whatever BatchSize says.
     */
    static int fitting(List<ChangeLog.Change> changes, int maxBytes) {
        long bytes = "{\"Records\":[]}".length();
        for (int i = 0; i < changes.size(); i++) {
            bytes += record(changes.get(i)).toString().getBytes(StandardCharsets.UTF_8).length + (i == 0 ? 0 : 1);
            if (bytes > maxBytes) return Math.max(1, i);
        }
        return changes.size();
    }

    static String event(List<ChangeLog.Change> changes) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (ChangeLog.Change change : changes) {
            array.add(record(change));
        }
        return event.toString();
    }

    private static ObjectNode record(ChangeLog.Change change) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventID", UUID.nameUUIDFromBytes((change.tableName() + "#" + change.sequenceNumber()).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", ""));
        node.put("eventName", change.eventName());
        node.put("eventVersion", "1.1");
        node.put("eventSource", "aws:dynamodb");
        node.put("awsRegion", LocalNames.REGION);
        ObjectNode dynamodb = node.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", change.createdAt().getEpochSecond());
        dynamodb.set("Keys", parse(change.keys()));
        if (change.newImage() != null) {
            dynamodb.set("NewImage", parse(change.newImage()));
        }
        if (change.oldImage() != null) {
            dynamodb.set("OldImage", parse(change.oldImage()));
        }
        dynamodb.put("SequenceNumber", sequenceNumber(change.sequenceNumber()));
        dynamodb.put("SizeBytes", size(change));
        boolean images = change.newImage() != null || change.oldImage() != null;
        dynamodb.put("StreamViewType", images ? "NEW_AND_OLD_IMAGES" : "KEYS_ONLY");
        node.put("eventSourceARN", streamArn(change.tableName()));
        if (change.byService()) {
            node.putObject("userIdentity").put("type", "Service").put("principalId", "dynamodb.amazonaws.com");
        }
        return node;
    }

    private static long size(ChangeLog.Change change) {
        long size = change.keys().length();
        if (change.newImage() != null) size += change.newImage().length();
        if (change.oldImage() != null) size += change.oldImage().length();
        return size;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a change-log row is not JSON: " + e.getMessage(), e);
        }
    }
}
