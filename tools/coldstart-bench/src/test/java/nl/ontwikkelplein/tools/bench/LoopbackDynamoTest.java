package nl.ontwikkelplein.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The benchmark's DynamoDB stand-in answers the SDK the way the runs need, and refuses the rest. */
class LoopbackDynamoTest {

    @Test
    void getQueryAndPutAnswerTheSdkAndOtherOperationsAreRefusedByName() throws Exception {
        try (LoopbackDynamo stand = LoopbackDynamo.start();
             DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create(stand.url())).region(Region.EU_WEST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            stand.put("T", LoopbackDynamo.item("pk", "ORG#x", "sk", "ORG", "gsi1pk", "ORGS", "gsi1sk", "X"));
            dynamo.putItem(b -> b.tableName("T").item(Map.of("pk", AttributeValue.fromS("ORG#y"), "sk", AttributeValue.fromS("ORG"),
                    "gsi1pk", AttributeValue.fromS("ORGS"), "gsi1sk", AttributeValue.fromS("A"))));

            assertEquals("X", dynamo.getItem(b -> b.tableName("T").key(Map.of("pk", AttributeValue.fromS("ORG#x"), "sk", AttributeValue.fromS("ORG"))))
                    .item().get("gsi1sk").s());
            assertTrue(dynamo.getItem(b -> b.tableName("T").key(Map.of("pk", AttributeValue.fromS("none"), "sk", AttributeValue.fromS("ORG")))).item().isEmpty());
            var orgs = dynamo.query(b -> b.tableName("T").indexName("gsi1").keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", "gsi1pk")).expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ORGS"))));
            assertEquals(2, orgs.count());
            assertEquals("A", orgs.items().get(0).get("gsi1sk").s(), "in sort-key order");

            assertThrows(DynamoDbException.class, () -> dynamo.scan(b -> b.tableName("T")));
            assertEquals(java.util.List.of("Scan"), stand.refused());
            assertTrue(stand.requests().get(0).authorization().startsWith("AWS4-HMAC-SHA256 Credential=a/"));

            HttpResponse<String> garbage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stand.url()))
                    .header("X-Amz-Target", "DynamoDB_20120810.GetItem").POST(HttpRequest.BodyPublishers.ofString("{\"Key\":")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, garbage.statusCode());
            assertTrue(garbage.body().contains("SerializationException"), garbage.body());
        }
    }
}
