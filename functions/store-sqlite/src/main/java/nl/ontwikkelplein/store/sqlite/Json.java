package nl.ontwikkelplein.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Lists of strings as JSON text in a column. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<java.util.Map<String, String>> STRING_MAP = new TypeReference<>() {};

    static String map(java.util.Map<String, String> values) {
        try {
            return MAPPER.writeValueAsString(new java.util.TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static java.util.Map<String, String> map(String json) {
        if (json == null || json.isEmpty()) return java.util.Map.of();
        try {
            return MAPPER.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable JSON map in the database", e);
        }
    }

    private Json() {}

    static String strings(List<String> values) {
        try {
            return MAPPER.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(String json) {
        if (json == null || json.isBlank()) return List.of();
        try {
            return MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored list is not a JSON array of strings: " + e.getOriginalMessage(), e);
        }
    }
}
