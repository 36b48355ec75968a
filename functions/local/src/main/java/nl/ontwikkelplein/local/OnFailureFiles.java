package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local stand-in for an on-failure destination (an SQS queue in the template): each message
 * Lambda would send is appended as one JSON line to {@code <dir>/<Destination>.jsonl}.
 */
final class OnFailureFiles {

    private static final Logger LOG = Logger.getLogger(OnFailureFiles.class.getName());

    private OnFailureFiles() {
    }

    static void append(Path dir, String destination, ObjectNode message) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(destination + ".jsonl"), message + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot write to the local on-failure destination " + destination, e);
        }
    }

    /** The logical id an on-failure {@code Destination} names ({@code !GetAtt Q.Arn} or {@code !Ref Q}), or null. */
    static String destinationId(JsonNode destination) {
        if (destination.has("Fn::GetAtt")) {
            return destination.get("Fn::GetAtt").get(0).asText();
        }
        return destination.has("Ref") ? destination.get("Ref").asText() : null;
    }
}
