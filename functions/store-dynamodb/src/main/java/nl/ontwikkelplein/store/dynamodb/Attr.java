package nl.ontwikkelplein.store.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small helpers to build and read DynamoDB items without an object mapper (cheaper cold start). */
final class Attr {
    private Attr() {}

    static AttributeValue s(String value) { return AttributeValue.fromS(value); }

    static AttributeValue n(long value) { return AttributeValue.fromN(Long.toString(value)); }

    static AttributeValue list(List<String> values) {
        List<AttributeValue> out = new ArrayList<>(values.size());
        for (String v : values) out.add(s(v));
        return AttributeValue.fromL(out);
    }

    /** An item builder that leaves out nulls, since DynamoDB has no use for empty attributes. */
    static final class Item {
        private final Map<String, AttributeValue> map = new LinkedHashMap<>();

        Item put(String name, String value) {
            if (value != null) map.put(name, s(value));
            return this;
        }

        Item put(String name, Long value) {
            if (value != null) map.put(name, n(value));
            return this;
        }

        Item put(String name, List<String> values) {
            if (values != null) map.put(name, list(values));
            return this;
        }

        Map<String, AttributeValue> build() { return map; }
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static Long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : Long.parseLong(v.n());
    }

    static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || !v.hasL()) return List.of();
        List<String> out = new ArrayList<>();
        for (AttributeValue e : v.l()) if (e.s() != null) out.add(e.s());
        return out;
    }
}
