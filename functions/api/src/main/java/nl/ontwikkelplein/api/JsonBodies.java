package nl.ontwikkelplein.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/** Jackson set up strictly: unknown fields and wrong types are errors that name the field. */
final class JsonBodies {
    private JsonBodies() {}

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // A number where text belongs is a mistake to report, not to convert silently.
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean})
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        // Deep nesting is an attack, not an offer.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).build());
        return mapper;
    }

    static <T> T read(ObjectMapper mapper, String body, Class<T> type) {
        if (body.isBlank()) throw new HttpError(400, "missing_body", "Send a JSON object in the request body.");
        try {
            T value = mapper.readValue(body, type);
            if (value == null) throw new HttpError(400, "missing_body", "Send a JSON object, not null.");
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new HttpError(400, "unknown_field", "Unknown field '" + e.getPropertyName() + "'. Known fields: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ".");
        } catch (MismatchedInputException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Trailing token"))
                throw new HttpError(400, "malformed_json", "Send one JSON object and nothing after it.");
            throw new HttpError(400, "wrong_type", "Field '" + path(e) + "' has the wrong type or format.");
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "malformed_json", "The body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ").");
        }
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "(body)" : path;
    }
}
