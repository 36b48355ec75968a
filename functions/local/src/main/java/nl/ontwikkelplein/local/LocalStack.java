package nl.ontwikkelplein.local;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The whole local runtime in one JVM, wired from template.yaml: DynamoDB Local with the template's
 * tables, S3Proxy with its bucket, the handlers, stream and schedule delivery, and the HTTP front.
 * Data lives under the data directory and survives {@link #stop()} and a new {@link #start}.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class.getName());

    private final LocalConfig config;
    private final SamTemplate template;
    private final boolean freshDataDir;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private DynamoDbClient dynamo;
    private S3Client s3;
    private LocalFunctions functions;
    private Scheduler scheduler;
    private HttpFront front;

    private LocalStack(LocalConfig config, SamTemplate template) {
        this.config = config;
        this.template = template;
        this.freshDataDir = !Files.isDirectory(config.dataDir().resolve("dynamodb"));
    }

    /** Starts everything in order; on failure stops what was already started and rethrows. */
    public static LocalStack start(LocalConfig config) throws Exception {
        SamTemplate template = SamTemplate.load(config.templateFile(), config.parameterOverrides());
        LocalStack stack = new LocalStack(config, template);
        try {
            stack.startAll();
            return stack;
        } catch (Exception | Error e) {
            stack.stop();
            throw e;
        }
    }

    private void startAll() throws Exception {
        LocalSdk.configureJvm(config);
        Path data = config.dataDir();
        started.push(LocalDynamo.start(config.dynamoPort(), data.resolve("dynamodb")));
        started.push(LocalS3.start(config.s3Port(), data.resolve("s3")));

        dynamo = closing(LocalSdk.dynamo(config));
        DynamoDbStreamsClient streams = closing(LocalSdk.streams(config));
        s3 = closing(LocalSdk.s3(config));
        new LocalTables(dynamo).ensure(template.tables());
        LocalS3.ensureBuckets(s3, template.buckets().values());

        functions = closing(new LocalFunctions(template.functions(), LocalStack.class.getClassLoader()));
        for (String id : functions.ids()) {
            functions.handlerProblem(id).ifPresent(problem -> LOG.warning(id + " cannot run: " + problem));
        }
        scheduler = closing(new Scheduler(template.schedules(), functions, data));
        for (StreamSource source : template.streams()) {
            StreamPoller poller = closing(new StreamPoller(source, dynamo, streams, functions, data));
            poller.start();
        }
        front = closing(new HttpFront(config.httpPort(), new ApiRoutes(template.routes()), functions,
                new SiteFiles(s3, template.siteBucketName(), template.siteHeaders()), template.siteFailover(), new LocalEndpoints(scheduler, template)));
        front.start();
        scheduler.start();
    }

    private <T extends AutoCloseable> T closing(T resource) {
        started.push(resource);
        return resource;
    }

    /** Stops everything in reverse order of starting. Safe to call twice. */
    public void stop() {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "stopping " + resource.getClass().getSimpleName() + " failed", e);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public LocalConfig config() {
        return config;
    }

    public SamTemplate template() {
        return template;
    }

    /** True when this start created the data directory's database: nothing was stored before. */
    public boolean freshDataDir() {
        return freshDataDir;
    }

    /** A DynamoDB client for the local tables (table names: {@link LocalNames#tableName}). */
    public DynamoDbClient dynamo() {
        return dynamo;
    }

    /** An S3 client for the local buckets (path-style). */
    public S3Client s3() {
        return s3;
    }

    public LocalFunctions functions() {
        return functions;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** Base URL of the HTTP front, e.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        return "http://" + LocalConfig.HOST + ":" + front.port();
    }

    public List<String> tableNames() {
        return template.tables().stream().map(TableSpec::tableName).toList();
    }
}
