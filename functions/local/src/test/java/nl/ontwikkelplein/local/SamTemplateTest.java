package nl.ontwikkelplein.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the test template: everything the runtime wires comes from here. */
class SamTemplateTest {

    private final SamTemplate template = load(Map.of());

    private static SamTemplate load(Map<String, String> overrides) {
        try {
            return SamTemplate.load(TestStack.testTemplate(), overrides);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void functionsWithHandlersAndTimeouts() {
        FunctionSpec echo = template.function("EchoFunction").orElseThrow();
        assertEquals("nl.ontwikkelplein.local.fixtures.EchoHandler", echo.handlerClass());
        assertEquals("handleRequest", echo.handlerMethod());
        assertEquals(10, echo.timeoutSeconds()); // from Globals
        assertEquals(512, echo.memorySize());
        assertEquals(1, template.function("FailingFunction").orElseThrow().timeoutSeconds()); // own value wins
        assertEquals(2, echo.asyncRetryAttempts()); // Lambda's default
    }

    @Test
    void environmentIsResolvedLocally() {
        Map<String, String> env = template.function("EnvFunction").orElseThrow().environment();
        assertEquals("TestTable", env.get("TEST_TABLE"));                 // !Ref table: its logical id
        assertEquals("hallo", env.get("GREETING"));                       // !Ref parameter: its default
        assertEquals("ontwikkelplein-sitebucket", env.get("SITE_BUCKET")); // !Ref bucket
        assertEquals("90", env.get("RETENTION_DAYS"));                    // Number parameter as text
        assertEquals("arn:aws:dynamodb:eu-west-1:000000000000:table/TestTable", env.get("TABLE_ARN"));
        assertEquals("arn:aws:dynamodb:eu-west-1:000000000000:table/TestTable/index/*", env.get("INDEX_ARN"));
        assertEquals("ontwikkelplein in eu-west-1", env.get("WHERE"));
        assertEquals("TestTable", env.get("LITERAL"));
        assertEquals("eu-west-1", env.get("AWS_REGION"));
        assertEquals("EnvFunction", env.get("AWS_LAMBDA_FUNCTION_NAME"));
    }

    @Test
    void parameterOverridesWinAndUnknownOnesAreRefused() {
        assertEquals("moi", load(Map.of("Greeting", "moi")).function("EchoFunction").orElseThrow().environment().get("GREETING"));
        assertThrows(IllegalArgumentException.class, () -> load(Map.of("Nope", "x")));
    }

    @Test
    void routes() {
        List<String> keys = template.routes().stream().map(r -> r.functionId() + " " + r.routeKey()).toList();
        assertEquals(List.of(
                "EchoFunction GET /api/health",
                "EchoFunction GET /api/offers/{offerId}",
                "EchoFunction PUT /api/offers/{offerId}",
                "EchoFunction POST /api/offers/{offerId}/sessions/{sessionId}/enrolments",
                "EchoFunction GET /api/files/{proxy+}",
                "EchoFunction ANY /api/any",
                "SpecialFunction GET /api/offers/special",
                "FailingFunction GET /api/fail",
                "FailingFunction GET /api/slow",
                "BarrierFunction GET /api/barrier",
                "EnvFunction GET /api/env"), keys);
    }

    @Test
    void streamSource() {
        assertEquals(1, template.streams().size());
        StreamSource stream = template.streams().get(0);
        assertEquals("StreamFunction", stream.functionId());
        assertEquals("TestTable", stream.tableId());
        assertEquals("LATEST", stream.startingPosition());
        assertEquals(10, stream.batchSize());
        assertEquals(2, stream.maximumRetryAttempts());
        assertEquals(-1, stream.maximumRecordAgeSeconds());
        assertTrue(stream.bisectBatchOnFunctionError());
        assertTrue(stream.reportBatchItemFailures());
        assertEquals("StreamFailures", stream.onFailureDestination());
    }

    @Test
    void schedules() {
        ScheduleSpec nightly = template.function("ScheduledFunction").orElseThrow().schedules().get(0);
        assertEquals("cron(0 3 * * ? *)", nightly.expression());
        assertEquals("Europe/Amsterdam", nightly.timezone());
        assertNull(nightly.input());
        assertTrue(nightly.enabled());
        assertTrue(template.function("TypedScheduledFunction").orElseThrow().schedules().get(0).input().contains("\"source\":\"ontwikkelplein.local\""));
    }

    @Test
    void tablesAndBucket() {
        TableSpec table = template.tables().stream().filter(t -> t.logicalId().equals("TestTable")).findFirst().orElseThrow();
        assertEquals(Map.of("pk", "S", "sk", "S"), table.attributeTypes());
        assertEquals(List.of(new TableSpec.KeyPart("pk", "HASH"), new TableSpec.KeyPart("sk", "RANGE")), table.keySchema());
        assertEquals("NEW_AND_OLD_IMAGES", table.streamViewType());
        assertEquals("expiresAt", table.ttlAttribute());
        assertTrue(table.globalIndexes().isEmpty());
        TableSpec plain = template.tables().stream().filter(t -> t.logicalId().equals("PlainTable")).findFirst().orElseThrow();
        assertEquals(Map.of("id", "S", "gsi1pk", "S", "gsi1sk", "S"), plain.attributeTypes());
        assertEquals("gsi1", plain.globalIndexes().get(0).name());
        assertEquals(List.of(new TableSpec.KeyPart("gsi1pk", "HASH"), new TableSpec.KeyPart("gsi1sk", "RANGE")), plain.globalIndexes().get(0).keySchema());
        assertEquals("ALL", plain.globalIndexes().get(0).projectionType());
        assertNull(plain.streamViewType());
        assertNull(plain.ttlAttribute());
        assertFalse(template.buckets().isEmpty());
        assertEquals("ontwikkelplein-sitebucket", template.siteBucketName());
    }
}
