package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads a function's response the way API Gateway interprets payload format 2.0: a JSON object
 * with {@code statusCode} is a structured response (headers, multiValueHeaders, cookies as
 * Set-Cookie headers, body, isBase64Encoded); any other valid JSON is sent as is with status 200 and
 * content-type application/json.
 */
final class ApiGatewayResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What goes back to the client. */
    record Response(int status, Headers headers, byte[] body) {
    }

    private ApiGatewayResponses() {
    }

    static Response fromFunction(String responseJson) {
        JsonNode response;
        try {
            response = JSON.readTree(responseJson);
        } catch (IOException e) {
            return internalServerError();
        }
        Headers headers = new Headers();
        if (response == null || !response.isObject() || !response.has("statusCode")) {
            headers.set("Content-Type", "application/json");
            return new Response(200, headers, responseJson.getBytes(StandardCharsets.UTF_8));
        }
        int status = response.get("statusCode").asInt(0);
        if (status < 100 || status > 599) {
            return internalServerError();
        }
        response.path("headers").fields().forEachRemaining(h -> headers.add(h.getKey(), h.getValue().asText()));
        response.path("multiValueHeaders").fields().forEachRemaining(h -> {
            for (JsonNode value : h.getValue()) {
                headers.add(h.getKey(), value.asText());
            }
        });
        for (JsonNode cookie : response.path("cookies")) {
            headers.add("Set-Cookie", cookie.asText());
        }
        JsonNode bodyNode = response.get("body");
        byte[] body;
        if (bodyNode == null || bodyNode.isNull()) {
            body = new byte[0];
        } else if (response.path("isBase64Encoded").asBoolean(false)) {
            try {
                body = Base64.getDecoder().decode(bodyNode.asText());
            } catch (IllegalArgumentException e) {
                return internalServerError();
            }
        } else {
            body = bodyNode.asText().getBytes(StandardCharsets.UTF_8);
        }
        return new Response(status, headers, body);
    }

    static Response notFound() {
        return message(404, "Not Found");
    }

    static Response internalServerError() {
        return message(500, "Internal Server Error");
    }

    static Response tooLarge() {
        return message(413, "Request Entity Too Large");
    }

    static Response message(int status, String message) {
        Headers headers = new Headers();
        headers.set("Content-Type", "application/json");
        String body = JSON.createObjectNode().put("message", message).toString();
        return new Response(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
