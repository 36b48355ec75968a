package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsics (long form, see {@link TemplateYaml}) to their local values:
 * {@code Ref} of a table is its local name, of a bucket its local bucket name, of a parameter the
 * override or default; {@code Fn::GetAtt} gives local ARNs; {@code Fn::Sub} and {@code Fn::Join}
 * combine those. Anything else fails loudly rather than handing a handler a wrong value.
 */
final class LocalIntrinsics {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final JsonNode resources;
    private final Map<String, String> parameters;

    LocalIntrinsics(JsonNode resources, Map<String, String> parameters) {
        this.resources = resources;
        this.parameters = parameters;
    }

    /** The value as a string, as CloudFormation would pass it in an environment variable. */
    String resolve(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isObject() && value.size() == 1) {
            String function = value.fieldNames().next();
            JsonNode argument = value.get(function);
            switch (function) {
                case "Ref":
                    return ref(argument.asText());
                case "Fn::GetAtt":
                    return getAtt(argument.get(0).asText(), argument.get(1).asText());
                case "Fn::Sub":
                    return sub(argument);
                case "Fn::Join":
                    return join(argument);
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("cannot resolve " + value + " locally (supported: Ref, Fn::GetAtt, Fn::Sub, Fn::Join)");
    }

    String ref(String name) {
        switch (name) {
            case "AWS::Region":
                return LocalNames.REGION;
            case "AWS::AccountId":
                return LocalNames.ACCOUNT_ID;
            case "AWS::StackName":
                return LocalNames.STACK_NAME;
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::NoValue":
                return "";
            default:
                break;
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        String type = resourceType(name);
        return switch (type) {
            case "AWS::DynamoDB::Table" -> LocalNames.tableName(name);
            case "AWS::S3::Bucket" -> LocalNames.bucketName(name);
            case "AWS::SQS::Queue" -> "http://sqs." + LocalNames.REGION + ".localhost/" + LocalNames.ACCOUNT_ID + "/" + LocalNames.queueName(name);
            default -> name; // functions, APIs and the like: the logical id is the local name
        };
    }

    String getAtt(String logicalId, String attribute) {
        String type = resourceType(logicalId);
        String region = LocalNames.REGION;
        String account = LocalNames.ACCOUNT_ID;
        return switch (type + "." + attribute) {
            case "AWS::DynamoDB::Table.Arn" -> "arn:aws:dynamodb:" + region + ":" + account + ":table/" + LocalNames.tableName(logicalId);
            case "AWS::DynamoDB::Table.StreamArn" -> "arn:aws:dynamodb:" + region + ":" + account + ":table/" + LocalNames.tableName(logicalId) + "/stream/local";
            case "AWS::S3::Bucket.Arn" -> "arn:aws:s3:::" + LocalNames.bucketName(logicalId);
            case "AWS::SQS::Queue.Arn" -> "arn:aws:sqs:" + region + ":" + account + ":" + LocalNames.queueName(logicalId);
            case "AWS::Serverless::Function.Arn" -> "arn:aws:lambda:" + region + ":" + account + ":function:" + logicalId;
            // No CloudFront locally: the front's address is known only once it listens, so functions
            // that need the site's origin take the loopback address the browser used.
            case "AWS::CloudFront::Distribution.DomainName" -> "";
            default -> throw new IllegalArgumentException("Fn::GetAtt " + logicalId + "." + attribute + " has no local value");
        };
    }

    private String sub(JsonNode argument) {
        String text;
        JsonNode variables = null;
        if (argument.isArray()) {
            text = argument.get(0).asText();
            variables = argument.get(1);
        } else {
            text = argument.asText();
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (variables != null && variables.has(name)) {
                replacement = resolve(variables.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                replacement = getAtt(name.substring(0, dot), name.substring(dot + 1));
            } else {
                replacement = ref(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        // "${!Literal}" is CloudFormation's escape for a literal "${Literal}".
        return out.toString().replace("${!", "${");
    }

    private String join(JsonNode argument) {
        String delimiter = argument.get(0).asText();
        List<String> parts = new ArrayList<>();
        argument.get(1).forEach(part -> parts.add(resolve(part)));
        return String.join(delimiter, parts);
    }

    private String resourceType(String logicalId) {
        JsonNode resource = resources.get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("the template has no parameter or resource named " + logicalId);
        }
        return resource.path("Type").asText();
    }
}
