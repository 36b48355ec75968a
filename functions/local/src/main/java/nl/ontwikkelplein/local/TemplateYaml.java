package nl.ontwikkelplein.local;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.Reader;
import java.util.Set;

/**
 * Reads a CloudFormation/SAM template into a Jackson tree, keeping the short-form intrinsic tags.
 *
 * <p>Why not {@code ObjectMapper.readTree}: Jackson's tree reader silently drops YAML tags, so
 * {@code !Ref CatalogTable} and the plain string {@code CatalogTable} become the same node, and
 * {@code !GetAtt X.Arn} becomes the string {@code "X.Arn"}. The streaming {@link YAMLParser} does
 * expose the tag as {@link YAMLParser#getTypeId()} ("Ref", "GetAtt", ...), so this class walks the
 * token stream and rewrites every tagged node into CloudFormation's long (JSON) form:
 * {@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["X", "Arn"]}}, {@code {"Fn::Sub": "..."}}. The rest of
 * the runtime then only deals with the long form, which is also what JSON templates use.
 */
final class TemplateYaml {

    /** Short-form tags that CloudFormation maps to {@code Fn::<Name>}. */
    private static final Set<String> FUNCTIONS = Set.of(
            "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select",
            "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "ToJsonString", "Length");

    private TemplateYaml() {
    }

    static JsonNode read(Reader yaml) throws IOException {
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            if (parser.nextToken() == null) {
                throw new IOException("template is empty");
            }
            return readValue(parser);
        }
    }

    /** Reads the value at the current token (and everything inside it). */
    private static JsonNode readValue(YAMLParser parser) throws IOException {
        String tag = parser.getTypeId(); // read before advancing: it belongs to the current token
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonToken token = parser.currentToken();
        JsonNode value = switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, readValue(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser));
                }
                yield array;
            }
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT -> nodes.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new IOException("unexpected YAML token " + token + " at " + parser.currentLocation());
        };
        return tag == null ? value : longForm(tag, value, parser);
    }

    private static JsonNode longForm(String tag, JsonNode value, YAMLParser parser) throws IOException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (tag.equals("Ref") || tag.equals("Condition")) {
            node.set(tag, value);
        } else if (tag.equals("GetAtt") && value.isTextual()) {
            // Short form "Resource.Attribute"; the attribute itself may contain dots
            // (FunctionMetadata.FunctionARN), the logical id never does.
            String text = value.asText();
            int dot = text.indexOf('.');
            if (dot < 1) {
                throw new IOException("!GetAtt needs Resource.Attribute, got '" + text + "' at " + parser.currentLocation());
            }
            node.putArray("Fn::GetAtt").add(text.substring(0, dot)).add(text.substring(dot + 1));
        } else if (FUNCTIONS.contains(tag)) {
            node.set("Fn::" + tag, value);
        } else {
            throw new IOException("unknown YAML tag !" + tag + " at " + parser.currentLocation());
        }
        return node;
    }
}
