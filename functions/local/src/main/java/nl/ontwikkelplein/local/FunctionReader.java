package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads one AWS::Serverless::Function (with Globals.Function applied) into a {@link FunctionSpec}. */
final class FunctionReader {

    /** Lambda's defaults when neither the function nor Globals set them. */
    private static final int DEFAULT_TIMEOUT = 3;
    private static final int DEFAULT_MEMORY = 128;
    private static final int DEFAULT_ASYNC_RETRIES = 2;
    private static final int DEFAULT_BATCH_SIZE = 100;

    private FunctionReader() {
    }

    static FunctionSpec read(String id, JsonNode properties, JsonNode globals, LocalIntrinsics intrinsics) {
        String handler = text(properties, globals, "Handler");
        if (handler == null || handler.isBlank()) {
            throw new IllegalArgumentException(id + " has no Handler");
        }
        int separator = handler.indexOf("::");
        String handlerClass = separator < 0 ? handler : handler.substring(0, separator);
        String handlerMethod = separator < 0 ? "handleRequest" : handler.substring(separator + 2);
        int timeout = integer(properties, globals, "Timeout", DEFAULT_TIMEOUT);
        int memory = integer(properties, globals, "MemorySize", DEFAULT_MEMORY);
        JsonNode invokeConfig = properties.has("EventInvokeConfig") ? properties.get("EventInvokeConfig") : globals.path("EventInvokeConfig");
        int asyncRetries = invokeConfig.path("MaximumRetryAttempts").asInt(DEFAULT_ASYNC_RETRIES);
        String asyncOnFailure = OnFailureFiles.destinationId(invokeConfig.path("DestinationConfig").path("OnFailure").path("Destination"));

        Map<String, String> environment = new LinkedHashMap<>();
        putVariables(environment, globals.path("Environment").path("Variables"), intrinsics);
        putVariables(environment, properties.path("Environment").path("Variables"), intrinsics);
        // Set by the Lambda service itself in every execution environment.
        environment.put("AWS_REGION", LocalNames.REGION);
        environment.put("AWS_DEFAULT_REGION", LocalNames.REGION);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", id);
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memory));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");

        List<HttpRoute> routes = new ArrayList<>();
        List<StreamSource> streams = new ArrayList<>();
        List<ScheduleSpec> schedules = new ArrayList<>();
        properties.path("Events").fields().forEachRemaining(event -> {
            String name = event.getKey();
            JsonNode eventProperties = event.getValue().path("Properties");
            String type = event.getValue().path("Type").asText();
            switch (type) {
                case "HttpApi" -> routes.add(route(id, name, eventProperties));
                case "DynamoDB" -> streams.add(stream(id, name, eventProperties));
                case "ScheduleV2" -> schedules.add(schedule(id, name, eventProperties));
                default -> throw new IllegalArgumentException(
                        "event " + id + "." + name + " has type " + type + ", which the local runtime does not deliver yet");
            }
        });
        return new FunctionSpec(id, handlerClass, handlerMethod, Collections.unmodifiableMap(environment),
                timeout, memory, asyncRetries, asyncOnFailure, List.copyOf(routes), List.copyOf(streams), List.copyOf(schedules),
                properties.path("ReservedConcurrentExecutions").asInt(-1));
    }

    private static HttpRoute route(String functionId, String eventName, JsonNode properties) {
        String path = properties.path("Path").asText(null);
        String method = properties.path("Method").asText(null);
        if (path == null && method == null) {
            return new HttpRoute(functionId, eventName, "ANY", HttpRoute.DEFAULT_ROUTE);
        }
        if (path == null || method == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("HttpApi event " + functionId + "." + eventName + " needs both Method and a Path starting with /");
        }
        String upper = method.toUpperCase(Locale.ROOT);
        return new HttpRoute(functionId, eventName, upper.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") ? "ANY" : upper, path);
    }

    private static StreamSource stream(String functionId, String eventName, JsonNode properties) {
        JsonNode stream = properties.path("Stream").path("Fn::GetAtt");
        if (!stream.isArray() || !"StreamArn".equals(stream.path(1).asText())) {
            throw new IllegalArgumentException("DynamoDB event " + functionId + "." + eventName + " needs Stream: !GetAtt <Table>.StreamArn");
        }
        boolean reportFailures = false;
        for (JsonNode responseType : properties.path("FunctionResponseTypes")) {
            reportFailures |= "ReportBatchItemFailures".equals(responseType.asText());
        }
        String onFailure = OnFailureFiles.destinationId(properties.path("DestinationConfig").path("OnFailure").path("Destination"));
        return new StreamSource(functionId, eventName, stream.get(0).asText(),
                properties.path("StartingPosition").asText("LATEST"),
                properties.path("BatchSize").asInt(DEFAULT_BATCH_SIZE),
                properties.path("MaximumRetryAttempts").asInt(-1),
                properties.path("MaximumRecordAgeInSeconds").asInt(-1),
                properties.path("BisectBatchOnFunctionError").asBoolean(false),
                reportFailures,
                onFailure,
                properties.path("MaximumBatchingWindowInSeconds").asInt(0));
    }

    private static ScheduleSpec schedule(String functionId, String eventName, JsonNode properties) {
        String expression = properties.path("ScheduleExpression").asText(null);
        if (expression == null) {
            throw new IllegalArgumentException("ScheduleV2 event " + functionId + "." + eventName + " has no ScheduleExpression");
        }
        JsonNode input = properties.get("Input");
        return new ScheduleSpec(functionId, eventName, expression,
                properties.path("ScheduleExpressionTimezone").asText("UTC"),
                input == null || input.isNull() ? null : input.asText(),
                !"DISABLED".equalsIgnoreCase(properties.path("State").asText("ENABLED")));
    }

    private static void putVariables(Map<String, String> target, JsonNode variables, LocalIntrinsics intrinsics) {
        variables.fields().forEachRemaining(variable -> target.put(variable.getKey(), intrinsics.resolve(variable.getValue())));
    }

    private static String text(JsonNode properties, JsonNode globals, String name) {
        JsonNode value = properties.has(name) ? properties.get(name) : globals.get(name);
        return value == null ? null : value.asText();
    }

    private static int integer(JsonNode properties, JsonNode globals, String name, int fallback) {
        JsonNode value = properties.has(name) ? properties.get(name) : globals.get(name);
        return value == null ? fallback : value.asInt(fallback);
    }
}
