package nl.ontwikkelplein.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What only the built Lambda jars can show: what they carry, and how their clients get
 * credentials when Lambda runs them with SnapStart, in a child JVM that has nothing else.
 */
class LambdaPathTest {
    static final Path ROOT = root();
    static final List<String> FUNCTION_JARS = List.of(
            "functions/api/target/api-function.jar",
            "functions/workspace/target/workspace-function.jar",
            "functions/site-builder/target/site-builder-function.jar",
            "functions/search-index/target/search-index-function.jar",
            "functions/importer/target/importer-function.jar");
    /** Local stand-ins that must never be deployed: SQLite (with its native libraries), S3Proxy, DynamoDB Local, the runtime. */
    static final List<String> FORBIDDEN = List.of("org/sqlite/", "nl/ontwikkelplein/store/sqlite/", "org/gaul/",
            "software/amazon/dynamodb/services/local/", "com/amazonaws/services/dynamodbv2/local/", "nl/ontwikkelplein/local/",
            "db/migration/");

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) return dir;
        }
        throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
    }

    @Test
    void theSearchIndexJarCarriesThePagefindBinaryAndNoOtherJarDoes() throws IOException {
        for (String jar : FUNCTION_JARS) {
            try (ZipFile zip = new ZipFile(ROOT.resolve(jar).toFile())) {
                ZipEntry binary = zip.getEntry("pagefind/pagefind_extended");
                if (jar.contains("search-index")) assertTrue(binary != null && binary.getSize() > 10_000_000, jar + " carries Pagefind");
                else assertEquals(null, binary, jar + " stays small: only the search index runs Pagefind");
            }
        }
    }

    @Test
    void theFunctionJarsCarryTheDynamoDbAdaptersAndNoLocalStandIn() throws IOException {
        for (String jar : FUNCTION_JARS) {
            Path file = ROOT.resolve(jar);
            assertTrue(Files.isRegularFile(file), jar + " is built before this module's tests (test-scope dependencies)");
            List<String> entries;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                entries = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            }
            assertTrue(entries.contains("nl/ontwikkelplein/store/dynamodb/DynamoStores.class"), jar + " holds the production store");
            for (String forbidden : FORBIDDEN) {
                List<String> found = entries.stream().filter(e -> e.startsWith(forbidden)).limit(3).toList();
                assertEquals(List.of(), found, jar + " must not carry " + forbidden);
            }
        }
    }

    /** A container credentials endpoint as Lambda runs one: checks the token, hands out temporary keys. */
    static final class CredentialsEndpoint implements AutoCloseable {
        final HttpServer server;
        final List<String> authorizations = new CopyOnWriteArrayList<>();

        CredentialsEndpoint(String token) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.createContext("/2021-04-23/credentials", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                authorizations.add(String.valueOf(authorization));
                byte[] body = (token.equals(authorization)
                        ? "{\"AccessKeyId\":\"ASIACONTAINERTEST\",\"SecretAccessKey\":\"container-secret\",\"Token\":\"container-session-token\",\"Expiration\":\"2099-01-01T00:00:00Z\"}"
                        : "{\"message\":\"forbidden\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(token.equals(authorization) ? 200 : 403, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/2021-04-23/credentials";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    record Run(int exit, String output) {}

    /** The public API function, built by its no-arg constructor, answering one enrolment (a Query first). */
    private static Run publicApi(Map<String, String> environment) throws Exception {
        Path launcher = ROOT.resolve("tools/coldstart-floor/target/classes");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", launcher + File.pathSeparator + ROOT.resolve(FUNCTION_JARS.get(0)),
                ColdStartBench.LAUNCHER, "nl.ontwikkelplein.api.PublicApiHandler", "--expect=statusCode=404",
                "version=2.0", "routeKey=POST /api/offers/{offerId}/sessions/{sessionId}/enrolments",
                "rawPath=/api/offers/geen-aanbod/sessions/geen-datum/enrolments",
                "pathParameters.offerId=geen-aanbod", "pathParameters.sessionId=geen-datum",
                "headers.content-type=application/json", "headers.accept=application/json",
                "body={\"name\":\"Anna\",\"phone\":\"0612345678\"}", "isBase64Encoded=false",
                "requestContext.http.method=POST", "requestContext.http.path=/api/offers/geen-aanbod/sessions/geen-datum/enrolments"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(process.exitValue(), output);
    }

    private static Map<String, String> functionEnvironment(LoopbackDynamo dynamo) {
        return Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL_DYNAMODB", dynamo.url(),
                "CATALOG_TABLE", "CatalogTable", "ENROLMENTS_TABLE", "EnrolmentsTable", "EDITORS_TABLE", "EditorsTable", "AUDIT_TABLE", "AuditTable",
                "ENROLMENT_RETENTION_DAYS", "90", "LANG", "C.UTF-8");
    }

    @Test
    void aFunctionSignsWithTheCredentialsOfTheContainerEndpoint() throws Exception {
        String token = "lambda-authorization-token";
        try (LoopbackDynamo dynamo = LoopbackDynamo.start(); CredentialsEndpoint credentials = new CredentialsEndpoint(token)) {
            Map<String, String> env = new java.util.HashMap<>(functionEnvironment(dynamo));
            // As Lambda with SnapStart: no AWS_ACCESS_KEY_ID, only the endpoint and its token.
            env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", credentials.uri());
            env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", token);
            Run run = publicApi(env);

            assertEquals(0, run.exit(), run.output());
            assertTrue(run.output().contains("ok=true"), run.output());
            assertFalse(dynamo.requests().isEmpty(), "the function called DynamoDB");
            for (LoopbackDynamo.Request request : dynamo.requests()) {
                assertTrue(request.authorization().startsWith("AWS4-HMAC-SHA256 Credential=ASIACONTAINERTEST/"), request.authorization());
                assertEquals("container-session-token", request.securityToken());
            }
            assertEquals(List.of(token), credentials.authorizations, "asked once, with the token");
        }
    }

    @Test
    void withoutTheContainerEndpointAFunctionHasNoCredentials() throws Exception {
        try (LoopbackDynamo dynamo = LoopbackDynamo.start()) {
            Run run = publicApi(functionEnvironment(dynamo));
            assertTrue(run.exit() != 0 || run.output().contains("ok=false"), run.output());
            assertTrue(run.output().contains("Unable to load credentials"), run.output());
            assertTrue(dynamo.requests().isEmpty(), "nothing unsigned was sent");
        }
    }
}
