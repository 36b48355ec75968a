package nl.ontwikkelplein.local;

import nl.ontwikkelplein.domain.Stores;
import nl.ontwikkelplein.store.dynamodb.TableNames;
import nl.ontwikkelplein.store.sqlite.ChangeLog;
import nl.ontwikkelplein.store.sqlite.ExpirySweeper;
import nl.ontwikkelplein.store.sqlite.SqliteDatabase;
import nl.ontwikkelplein.store.sqlite.SqliteStores;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The whole local runtime in one JVM, wired from template.yaml: the tables in one SQLite
 * database (with its change log as the tables' streams), S3Proxy with the template's bucket, the
 * container credentials endpoint, the handlers, stream and schedule delivery, and the HTTP front.
 * Data lives under the data directory and survives {@link #stop()} and a new {@link #start}.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class.getName());
    /** How often expired personal data is swept away (DynamoDB TTL takes up to days; locally a minute). */
    static final long SWEEP_INTERVAL_SECONDS = 60;

    private final LocalConfig config;
    private final SamTemplate template;
    private final boolean freshDataDir;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Clock clock = Clock.systemUTC();
    private SqliteDatabase database;
    private ChangeLog changeLog;
    private ExpirySweeper sweeper;
    private S3Client s3;
    private LocalCredentials credentials;
    private LocalOutbox outbox;
    /** The Lambda Invoke API, for functions that ask another function to do something (the workspace asks for pages). */
    private LocalLambda lambda;
    private LocalFunctions functions;
    private Scheduler scheduler;
    private HttpFront front;

    private LocalStack(LocalConfig config, SamTemplate template) {
        this.config = config;
        this.template = template;
        this.freshDataDir = !Files.isRegularFile(config.databaseFile());
    }

    /** Starts everything in order; on failure stops what was already started and rethrows. */
    public static LocalStack start(LocalConfig config) throws Exception {
        // The JDK's HttpServer (the front, the credentials endpoint) leaves Nagle's algorithm on
        // by default: a response written as headers, then body, can wait ~40 ms for the client's
        // delayed ACK. Read once, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
        SamTemplate template = SamTemplate.load(config.templateFile(), config.parameterOverrides(), LOCAL_PARAMETERS);
        LocalStack stack = new LocalStack(config, template);
        try {
            stack.startAll();
            return stack;
        } catch (Exception | Error e) {
            stack.stop();
            throw e;
        }
    }

    /**
     * What only a local run sets: partner feeds may be served on this machine over plain http
     * (the demo feeds, tests, benchmarks). The template's default keeps that off, and the importer
     * ignores it inside a real Lambda environment.
     */
    static final java.util.Map<String, String> LOCAL_PARAMETERS = java.util.Map.of("ImportLoopbackFeeds", "true");

    private void startAll() throws Exception {
        if (Files.isDirectory(config.dataDir().resolve("dynamodb"))) {
            LOG.warning(() -> config.dataDir().resolve("dynamodb") + " holds data of an older version (DynamoDB Local), which is no longer read;"
                    + " the data now lives in " + config.databaseFile() + ". Delete the old directory when you no longer need it.");
        }
        credentials = closing(LocalCredentials.start(LocalConfig.ACCESS_KEY, LocalConfig.SECRET_KEY));
        outbox = closing(LocalOutbox.start());
        lambda = closing(LocalLambda.start());
        LocalSdk.configureJvm(config, credentials, outbox, lambda);
        database = closing(SqliteDatabase.open(config.databaseFile()));
        changeLog = new ChangeLog(database, clock);
        sweeper = new ExpirySweeper(database, clock, LocalNames.tableName("EnrolmentsTable"), LocalNames.tableName("EditorsTable"));
        started.push(LocalS3.start(config.s3Port(), config.dataDir().resolve("s3")));
        s3 = closing(LocalSdk.s3(config));
        LocalS3.ensureBuckets(s3, template.buckets().values());

        functions = closing(new LocalFunctions(template.functions(), LocalStack.class.getClassLoader(), this::storesFor));
        lambda.serve(functions);
        for (String id : functions.ids()) {
            functions.handlerProblem(id).ifPresent(problem -> LOG.warning(id + " cannot run: " + problem));
        }
        scheduler = closing(new Scheduler(template.schedules(), functions, config.dataDir()));
        for (StreamSource source : template.streams()) {
            ChangeLogPoller poller = closing(new ChangeLogPoller(source, changeLog, functions, config.dataDir()));
            poller.start();
        }
        ScheduledExecutorService sweeps = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "expiry-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        started.push(sweeps::shutdownNow);
        sweeps.scheduleWithFixedDelay(this::sweepQuietly, 0, SWEEP_INTERVAL_SECONDS, TimeUnit.SECONDS);
        front = closing(new HttpFront(config.httpPort(), new ApiRoutes(template.routes()), functions,
                new SiteFiles(s3, template.siteBucketName(), template.siteHeaders()), template.siteFailover(), new LocalEndpoints(scheduler, template, outbox),
                template.apiBehaviours()));
        front.start();
        scheduler.start();
    }

    /** The SQLite adapters, filing changes under the table names of this function's environment. */
    private Stores storesFor(Map<String, String> env) {
        TableNames tables = TableNames.from(env);
        return SqliteStores.on(database, clock, tables.catalog(), tables.enrolments(), tables.editors());
    }

    private void sweepQuietly() {
        try {
            ExpirySweeper.Swept swept = sweeper.sweep();
            if (swept.enrolments() + swept.editorTokens() > 0) {
                LOG.info(() -> "expired and deleted: " + swept.enrolments() + " enrolment(s), " + swept.editorTokens() + " editor token(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "expiry sweep failed; trying again in a minute", e);
        }
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

    /** True when this start created the database: nothing was stored before. */
    public boolean freshDataDir() {
        return freshDataDir;
    }

    /** The storage ports on the local database, with the template's table names. */
    public Stores stores() {
        return SqliteStores.on(database, clock, LocalNames.tableName("CatalogTable"), LocalNames.tableName("EnrolmentsTable"),
                LocalNames.tableName("EditorsTable"));
    }

    public SqliteDatabase database() {
        return database;
    }

    /** The tables' streams: append here to feed a stream function as a table write would. */
    public ChangeLog changeLog() {
        return changeLog;
    }

    public ExpirySweeper sweeper() {
        return sweeper;
    }

    /** An S3 client for the local buckets (path-style). */
    public S3Client s3() {
        return s3;
    }

    public LocalCredentials credentials() {
        return credentials;
    }

    /** What the functions sent by email (and later SMS), newest first. */
    public LocalOutbox outbox() {
        return outbox;
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
