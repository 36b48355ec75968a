package nl.ontwikkelplein.local;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns event JSON into the handler's input object and its output back into JSON, choosing the
 * serializer the way the Lambda Java runtime does: classes of aws-lambda-java-events get
 * {@link LambdaEventSerializers} (with its mixins for DynamoDB attribute values, date formats,
 * field names), everything else the runtime's own Jackson configuration. So a handler sees here
 * exactly what it would see in Lambda, including the same deserialisation failures.
 */
final class LambdaSerialization {

    private final ClassLoader loader;
    private final Map<Type, PojoSerializer<Object>> cache = new ConcurrentHashMap<>();

    LambdaSerialization(ClassLoader loader) {
        this.loader = loader;
    }

    Object fromJson(String json, Type type) {
        return serializer(type).fromJson(json);
    }

    String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer(value.getClass()).toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private PojoSerializer<Object> serializer(Type type) {
        return cache.computeIfAbsent(type, t -> {
            Class<?> raw = rawClass(t);
            if (raw != null && LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
                return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, loader);
            }
            return JacksonFactory.getInstance().getSerializer(t);
        });
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
