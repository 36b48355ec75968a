package nl.ontwikkelplein.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The repository's template.yaml, as the local runtime reads it: every handler it names is on
 * the classpath and is a RequestHandler, and every route, stream and schedule is registered.
 */
class RealTemplateTest {

    private final SamTemplate template = load();

    private static SamTemplate load() {
        try {
            return SamTemplate.load(TestStack.realTemplate(), Map.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode rawResources() throws IOException {
        try (Reader reader = Files.newBufferedReader(TestStack.realTemplate())) {
            return TemplateYaml.read(reader).get("Resources");
        }
    }

    @Test
    void enrolmentFloodsAreStoppedByAWafRateRuleOnTheDistribution() throws IOException {
        JsonNode resources = rawResources();
        JsonNode acl = resources.path("EnrolmentWebAcl");
        assertEquals("AWS::WAFv2::WebACL", acl.path("Type").asText());
        assertEquals("CLOUDFRONT", acl.path("Properties").path("Scope").asText());
        JsonNode rule = acl.path("Properties").path("Rules").get(0);
        assertEquals(429, rule.path("Action").path("Block").path("CustomResponse").path("ResponseCode").asInt());
        JsonNode rate = rule.path("Statement").path("RateBasedStatement");
        assertEquals("IP", rate.path("AggregateKeyType").asText());
        String scope = rate.path("ScopeDownStatement").toString();
        assertTrue(scope.contains("\"/api/offers/\"") && scope.contains("\"/aanmelding/\"") && scope.contains("\"POST\""), scope);
        String distribution = resources.path("SiteDistribution").path("Properties").path("DistributionConfig").path("WebACLId").toString();
        assertTrue(distribution.contains("EnrolmentWebAcl") && distribution.contains("CloudFrontWebAclArn"), distribution);
        // The stand-alone copy for stacks outside us-east-1 holds the same rule.
        try (Reader reader = Files.newBufferedReader(TestStack.realTemplate().resolveSibling("docs").resolve("waf-web-acl.yaml"))) {
            JsonNode copy = TemplateYaml.read(reader).path("Resources").path("EnrolmentWebAcl").path("Properties");
            assertEquals(acl.path("Properties"), copy);
        }
    }

    @Test
    void everyHandlerClassExistsAndIsARequestHandler() {
        List<Executable> checks = new ArrayList<>();
        for (FunctionSpec function : template.functions()) {
            checks.add(() -> {
                Class<?> handler;
                try {
                    handler = Class.forName(function.handlerClass());
                } catch (ClassNotFoundException e) {
                    fail(function.logicalId() + ": handler class " + function.handlerClass() + " is not on the classpath");
                    return;
                }
                assertTrue(RequestHandler.class.isAssignableFrom(handler), function.logicalId() + ": " + handler + " is no RequestHandler");
                assertEquals("handleRequest", function.handlerMethod());
            });
        }
        assertAll(checks);
    }

    @Test
    void everyEventOfTheTemplateIsRegistered() throws IOException {
        int httpApi = 0;
        int dynamo = 0;
        int schedules = 0;
        JsonNode resources = rawResources();
        for (JsonNode resource : resources) {
            for (JsonNode event : resource.path("Properties").path("Events")) {
                switch (event.path("Type").asText()) {
                    case "HttpApi" -> httpApi++;
                    case "DynamoDB" -> dynamo++;
                    case "ScheduleV2" -> schedules++;
                    default -> fail("event type " + event.path("Type").asText() + " is not delivered locally");
                }
            }
        }
        assertEquals(httpApi, template.routes().size());
        assertEquals(dynamo, template.streams().size());
        assertEquals(schedules, template.schedules().size());
        assertTrue(httpApi > 0 && dynamo > 0 && schedules > 0);
    }

    @Test
    void everyRouteIsMatchedByTheFrontToItsOwnFunction() {
        ApiRoutes routes = new ApiRoutes(template.routes());
        for (HttpRoute route : template.routes()) {
            String path = route.path().replaceAll("\\{[^}/]+\\+}", "a/b").replaceAll("\\{([^}/]+)}", "sample-$1");
            ApiRoutes.Match match = routes.match(route.method(), path).orElseThrow(() -> new AssertionError("no match for " + route.routeKey()));
            assertEquals(route, match.route(), "request " + route.method() + " " + path);
        }
    }

    @Test
    void streamsReadTablesThatHaveStreams() {
        for (StreamSource source : template.streams()) {
            TableSpec table = template.tables().stream().filter(t -> t.logicalId().equals(source.tableId())).findFirst()
                    .orElseThrow(() -> new AssertionError(source.id() + " reads unknown table " + source.tableId()));
            assertNotNull(table.streamViewType(), source.tableId() + " has no StreamSpecification");
            assertTrue(source.maximumRetryAttempts() >= 0, source.id() + " retries forever (MaximumRetryAttempts not set)");
        }
    }

    @Test
    void schedulesAreInTheSupportedDailyFormAndAFailedRunIsKept() {
        for (ScheduleSpec schedule : template.schedules()) {
            DailyCron.parse(schedule.expression(), schedule.timezone());
            FunctionSpec function = template.function(schedule.functionId()).orElseThrow();
            assertEquals("NightlyRunFailures", function.asyncOnFailure(), function.logicalId() + " has no on-failure destination");
        }
    }

    @Test
    void feedsOnThisMachineAreAllowedOnlyWhereTheLocalRuntimeSaysSo() throws IOException {
        FunctionSpec deployed = SamTemplate.load(TestStack.realTemplate(), Map.of()).functions().stream()
                .filter(f -> f.logicalId().equals("ImportFunction")).findFirst().orElseThrow();
        assertEquals("false", deployed.environment().get("IMPORT_LOOPBACK_FEEDS"), "the template's default, as deployed");
        FunctionSpec local = SamTemplate.load(TestStack.realTemplate(), Map.of(), LocalStack.LOCAL_PARAMETERS).functions().stream()
                .filter(f -> f.logicalId().equals("ImportFunction")).findFirst().orElseThrow();
        assertEquals("true", local.environment().get("IMPORT_LOOPBACK_FEEDS"), "the local runtime's");
        FunctionSpec overridden = SamTemplate.load(TestStack.realTemplate(), Map.of("ImportLoopbackFeeds", "false"), LocalStack.LOCAL_PARAMETERS).functions()
                .stream().filter(f -> f.logicalId().equals("ImportFunction")).findFirst().orElseThrow();
        assertEquals("false", overridden.environment().get("IMPORT_LOOPBACK_FEEDS"), "an override wins");
    }

    @Test
    void tablesBucketAndEnvironment() {
        assertEquals(List.of("CatalogTable", "EnrolmentsTable", "EditorsTable", "AuditTable"), template.tables().stream().map(TableSpec::logicalId).toList());
        assertEquals("ontwikkelplein-sitebucket", template.siteBucketName());
        for (FunctionSpec function : template.functions()) {
            assertEquals("CatalogTable", function.environment().get("CATALOG_TABLE"));
            assertEquals("EnrolmentsTable", function.environment().get("ENROLMENTS_TABLE"));
            assertEquals("EditorsTable", function.environment().get("EDITORS_TABLE"));
            assertEquals("AuditTable", function.environment().get("AUDIT_TABLE"));
        }
    }

    /** The deployed tables are the ones the DynamoDB adapters (and their contract tests) assume. */
    @Test
    void tablesHaveTheKeySchemasOfTheDynamoDbAdapters() {
        Map<String, String> kinds = Map.of("CatalogTable", nl.ontwikkelplein.store.dynamodb.DynamoTables.CATALOG,
                "EnrolmentsTable", nl.ontwikkelplein.store.dynamodb.DynamoTables.ENROLMENTS,
                "EditorsTable", nl.ontwikkelplein.store.dynamodb.DynamoTables.EDITORS,
                "AuditTable", nl.ontwikkelplein.store.dynamodb.DynamoTables.AUDIT);
        for (TableSpec table : template.tables()) {
            String kind = kinds.get(table.logicalId());
            assertNotNull(kind, table.logicalId() + " has no adapter");
            var expected = nl.ontwikkelplein.store.dynamodb.DynamoTables.create(kind, table.tableName());
            assertEquals(expected.keySchema().stream().map(k -> new TableSpec.KeyPart(k.attributeName(), k.keyTypeAsString())).toList(),
                    table.keySchema(), table.logicalId());
            Map<String, String> types = new java.util.HashMap<>();
            expected.attributeDefinitions().forEach(a -> types.put(a.attributeName(), a.attributeTypeAsString()));
            assertEquals(types, table.attributeTypes(), table.logicalId());
            assertEquals(expected.globalSecondaryIndexes().stream().map(i -> new TableSpec.IndexSpec(i.indexName(),
                    i.keySchema().stream().map(k -> new TableSpec.KeyPart(k.attributeName(), k.keyTypeAsString())).toList(),
                    i.projection().projectionTypeAsString(), List.of())).toList(), table.globalIndexes(), table.logicalId());
            assertEquals(nl.ontwikkelplein.store.dynamodb.DynamoTables.timeToLiveAttribute(kind), table.ttlAttribute(), table.logicalId());
            // The audit trail feeds nothing, so it has no stream (and the SQLite store logs no changes for it);
            // the catalog's readers read the items themselves, as the SQLite catalog logs keys only.
            String view = switch (kind) {
                case nl.ontwikkelplein.store.dynamodb.DynamoTables.AUDIT -> null;
                case nl.ontwikkelplein.store.dynamodb.DynamoTables.CATALOG -> "KEYS_ONLY";
                default -> "NEW_AND_OLD_IMAGES";
            };
            assertEquals(view, table.streamViewType(), table.logicalId());
        }
    }
}
