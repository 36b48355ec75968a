package nl.ontwikkelplein.local;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both servers of the stack start in one JVM (DynamoDB Local on Jetty 12.0, S3Proxy on its
 * relocated Jetty 12.1), create what the template declares, listen on loopback only, and the
 * handlers' default-built SDK clients reach them through the JVM-wide endpoint properties.
 */
@LocalStackTest(LocalStackTest.Template.TEST)
class LocalStackStartTest {

    static TestStack stack;

    @Test
    void tablesAreCreatedFromTheTemplate() {
        DynamoDbClient dynamo = stack.stack().dynamo();
        assertEquals(List.of("AuditTable", "PlainTable", "TestTable"), dynamo.listTables().tableNames().stream().sorted().toList());
        TableDescription table = dynamo.describeTable(b -> b.tableName("TestTable")).table();
        assertEquals("NEW_AND_OLD_IMAGES", table.streamSpecification().streamViewTypeAsString());
        TableDescription plain = dynamo.describeTable(b -> b.tableName("PlainTable")).table();
        assertEquals("gsi1", plain.globalSecondaryIndexes().get(0).indexName());
        assertEquals("gsi1pk", plain.globalSecondaryIndexes().get(0).keySchema().get(0).attributeName());
        assertEquals(TimeToLiveStatus.ENABLED, dynamo.describeTimeToLive(b -> b.tableName("TestTable")).timeToLiveDescription().timeToLiveStatus());
        assertEquals("expiresAt", dynamo.describeTimeToLive(b -> b.tableName("TestTable")).timeToLiveDescription().attributeName());
        assertTrue(plain.streamSpecification() == null);
    }

    @Test
    void bucketIsCreatedAndObjectsRoundTripWithTheirHeaders() {
        S3Client s3 = stack.stack().s3();
        assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("ontwikkelplein-sitebucket")));
        s3.putObject(b -> b.bucket("ontwikkelplein-sitebucket").key("probe.txt").contentType("text/plain; charset=utf-8")
                .cacheControl("no-cache"), RequestBody.fromString("hallo"));
        var head = s3.headObject(b -> b.bucket("ontwikkelplein-sitebucket").key("probe.txt"));
        // S3Proxy (its Jetty) drops the space after ';'; real S3 returns the value as stored. Same media type.
        assertEquals("text/plain;charset=utf-8", head.contentType().replace("; ", ";"));
        assertEquals("no-cache", head.cacheControl());
    }

    @Test
    void defaultBuiltClientsReachTheLocalServers() {
        // Built like a handler builds them in Lambda: no endpoint, no credentials, no region in code.
        try (DynamoDbClient dynamo = DynamoDbClient.create(); S3Client s3 = S3Client.create()) {
            assertTrue(dynamo.listTables().tableNames().contains("TestTable"));
            assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("ontwikkelplein-sitebucket")));
        }
    }

    @Test
    void clientsWithOtherCredentialsStillReachTheLocalServers() {
        // A developer's shell may hold real AWS keys; the handlers' credential chains prefer them.
        var otherKeys = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIAEXAMPLEEXAMPLE", "not-the-local-secret"));
        try (S3Client s3 = S3Client.builder().credentialsProvider(otherKeys).region(software.amazon.awssdk.regions.Region.US_EAST_1).build();
             DynamoDbClient dynamo = DynamoDbClient.builder().credentialsProvider(otherKeys).region(software.amazon.awssdk.regions.Region.US_EAST_1).build()) {
            s3.putObject(b -> b.bucket("ontwikkelplein-sitebucket").key("other-keys.txt"), RequestBody.fromString("ok"));
            assertEquals("ok", s3.getObjectAsBytes(b -> b.bucket("ontwikkelplein-sitebucket").key("other-keys.txt")).asUtf8String());
            assertTrue(dynamo.listTables().tableNames().contains("TestTable"), "one shared database for every key and region");
        }
    }

    @Test
    void serversListenOnLoopbackOnly() throws IOException {
        LocalConfig config = stack.config();
        for (int port : List.of(config.dynamoPort(), config.s3Port(), config.httpPort())) {
            assertTrue(connects(InetAddress.getLoopbackAddress(), port), "port " + port + " on loopback");
            for (InetAddress other : nonLoopbackAddresses()) {
                assertFalse(connects(other, port), "port " + port + " must not be reachable on " + other);
            }
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .toList();
    }
}
