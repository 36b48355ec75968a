package nl.ontwikkelplein.local.api;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.local.TestStack;

/** Every change of the EnrolmentsTable so far, as stream records again: what a redelivery looks like. */
final class StreamReplay {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamReplay() {}

    static DynamodbEvent enrolmentRecords(TestStack stack) {
        List<DynamodbEvent.DynamodbStreamRecord> records = stack.stack().database().read(c -> {
            List<DynamodbEvent.DynamodbStreamRecord> out = new ArrayList<>();
            try (var p = c.prepareStatement("SELECT sequence_number, event_name, keys, new_image, old_image FROM change_log WHERE table_name = ? ORDER BY sequence_number")) {
                p.setString(1, "EnrolmentsTable");
                try (var r = p.executeQuery()) {
                    while (r.next()) {
                        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
                        record.setEventName(r.getString(2));
                        StreamRecord sr = new StreamRecord();
                        sr.setSequenceNumber(String.valueOf(r.getLong(1)));
                        sr.setKeys(image(r.getString(3)));
                        if (r.getString(4) != null) sr.setNewImage(image(r.getString(4)));
                        if (r.getString(5) != null) sr.setOldImage(image(r.getString(5)));
                        record.setDynamodb(sr);
                        out.add(record);
                    }
                }
            }
            return out;
        });
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    private static Map<String, AttributeValue> image(String json) {
        try {
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            for (var f : (Iterable<Map.Entry<String, JsonNode>>) JSON.readTree(json)::fields) {
                JsonNode v = f.getValue();
                out.put(f.getKey(), v.has("S") ? new AttributeValue().withS(v.get("S").asText()) : new AttributeValue().withN(v.path("N").asText()));
            }
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
