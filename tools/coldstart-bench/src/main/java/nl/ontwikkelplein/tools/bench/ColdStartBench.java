package nl.ontwikkelplein.tools.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
/**
 * The cold-start benchmark: every function jar, started N times in a fresh JVM, answering one
 * request against a loopback DynamoDB stand-in ({@link LoopbackDynamo}), compared with the floor (a
 * handler that only builds a DynamoDB client and does one GetItem), measured in the same run. How to run it and what it measures: docs/benchmarks.md.
 *
 * <pre>
 * mvn -q -DskipTests install
 * make coldstart-bench                      # or, with options:
 * make coldstart-bench BENCH_ARGS="--runs 11 --cds"
 * </pre>
 */
public final class ColdStartBench {

    static final String LAUNCHER = "nl.ontwikkelplein.floor.ColdStartLauncher";
    static final String LAUNCHER_ENTRY_PREFIX = "nl/ontwikkelplein/floor/ColdStartLauncher";
    static final String REGION = "eu-west-1";
    static final String ACCESS_KEY = "coldstart";
    static final String SECRET_KEY = "coldstart";
    static final String CATALOG = "CatalogTable";
    static final String ENROLMENTS = "EnrolmentsTable";
    static final String EDITORS = "EditorsTable";
    static final String SITE_BUCKET = "coldstart-site";
    static final String FEED_SOURCE = "coldstart";
    static final String FEED_ORGANISATION = "coldstart-bibliotheek";
    static final String BUILD_HINT = "Build the function jars first: cd <repo root> && mvn -q -DskipTests install";

    /** The JVM flags of every run: what template.yaml sets for Lambda, plus CDS of the JDK classes. */
    static final List<String> LAMBDA_FLAGS = List.of(
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    /** MemorySize in template.yaml (Globals). */
    static final int LAMBDA_MEMORY_MB = 1024;

    /**
     * A function with {@code memoryMb} sees that much memory (its cgroup limit): the JVM sizes its
     * heap from it, and below 1792 MB it does not count as a "server-class machine" and picks
     * SerialGC instead of G1. Outside such a container both have to be said explicitly.
     */
    static List<String> memoryFlags(int memoryMb) {
        if (memoryMb <= 0) return List.of();
        List<String> flags = new ArrayList<>();
        flags.add("-XX:MaxRAM=" + memoryMb + "m");
        if (memoryMb < 1792) flags.add("-XX:+UseSerialGC");
        return flags;
    }

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        // The JDK's HttpServer (the stand-ins) leaves Nagle's algorithm on by default: a response
        // written as headers then body waits for the client's delayed ACK, some 40 ms per call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(64);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        int status;
        try {
            status = new Run(options).call();
        } catch (BenchException e) {
            System.err.println();
            System.err.println("coldstart-bench: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    static final class BenchException extends Exception {
        private static final long serialVersionUID = 1L;

        BenchException(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------ options

    static final class Options {
        static final String USAGE = """
                usage: ColdStartBench [--runs N] [--only a,b] [--cds] [--aot] [--java PATH] [--memory MB] \
                [--jvm-opt FLAG]... [--packages] [--root DIR]
                  --runs N        measured runs per handler, each in a fresh JVM (default 7; one extra
                                  warm-up run per handler is not counted)
                  --only a,b      only these cases: empty, floor, public-api, site-builder, importer
                                  (the floor is always measured: every ratio is against it)
                  --cds           a second pass with AppCDS: one training run per handler writes a
                                  dynamic archive (-XX:ArchiveClassesAtExit), the runs use it
                  --aot           a pass with the JDK 25+ AOT cache (-XX:AOTCacheOutput / -XX:AOTCache);
                                  needs --java pointing at a JDK 25 or later
                  --java PATH     the java executable for the measured JVMs (default: the one running this)
                  --memory MB     act as a function with this MemorySize: -XX:MaxRAM, and SerialGC below
                                  1792 MB as the JVM picks it in such a container (default 1024, as in
                                  template.yaml; 0: the JVM's own choice for this machine)
                  --jvm-opt FLAG  an extra flag for the measured JVMs (repeatable), e.g. --jvm-opt -XX:+UseSerialGC
                  --packages      also list the largest packages inside each function jar
                  --classes       one more run per case with -Xlog:class+load: which libraries the
                                  loaded classes come from, next to the floor's
                  --root DIR      the repository root (default: found upwards from the working directory)
                """;

        int runs = 7;
        int memoryMb = LAMBDA_MEMORY_MB;
        List<String> only = List.of();
        boolean cds;
        boolean aot;
        boolean packages;
        boolean classes;
        boolean help;
        String java;
        Path root;
        final List<String> jvmOpts = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--runs" -> o.runs = positive(value(args, ++i, a));
                    case "--only" -> o.only = List.of(value(args, ++i, a).split(","));
                    case "--cds" -> o.cds = true;
                    case "--aot" -> o.aot = true;
                    case "--packages" -> o.packages = true;
                    case "--classes" -> o.classes = true;
                    case "--java" -> o.java = value(args, ++i, a);
                    case "--jvm-opt" -> o.jvmOpts.add(value(args, ++i, a));
                    case "--memory" -> o.memoryMb = nonNegative(value(args, ++i, a));
                    case "--root" -> o.root = Paths.get(value(args, ++i, a));
                    case "-h", "--help" -> o.help = true;
                    default -> {
                        if (a.startsWith("--runs=")) o.runs = positive(a.substring(7));
                        else throw new IllegalArgumentException("unknown argument: " + a);
                    }
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) throw new IllegalArgumentException(name + " needs a value");
            return args[i];
        }

        private static int nonNegative(String text) {
            try {
                int n = Integer.parseInt(text);
                if (n >= 0) return n;
            } catch (NumberFormatException e) {
                // below
            }
            throw new IllegalArgumentException("--memory needs a number of MB (0 for none): " + text);
        }

        private static int positive(String text) {
            int n;
            try {
                n = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + text);
            }
            if (n < 1) throw new IllegalArgumentException("--runs must be at least 1");
            return n;
        }
    }

    // ------------------------------------------------------------------ cases

    /**
     * One thing to measure: a function jar, its handler, its environment, the event (as
     * path=value assignments for the launcher) and the answer it must give.
     */
    record Case(String name, String module, String handler, Map<String, String> env, List<String> sysProps,
                List<String> event, String expect) {

        boolean empty() {
            return handler.equals("-");
        }

        Path jar(Path root) {
            if (module == null) return null;
            // The floor is a tool of the benchmark, the others are the functions of template.yaml.
            String parent = module.equals("coldstart-floor") ? "tools" : "functions";
            return root.resolve(parent).resolve(module).resolve("target").resolve(module + "-function.jar");
        }
    }

    // ------------------------------------------------------------------ one benchmark run

    static final class Run {
        private final Options options;
        private Path root;
        private Path work;
        private Path launcherJar;
        private String javaBin;
        private String dynamoUrl;
        private String feedUrl;
        private String s3Url;
        private final Map<String, String> seeded = new LinkedHashMap<>();

        Run(Options options) {
            this.options = options;
        }

        int call() throws Exception {
            String loadBefore = Report.loadAverage();
            root = options.root != null ? options.root.toAbsolutePath().normalize() : findRoot();
            javaBin = options.java != null ? options.java : Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            if (!Files.isExecutable(Paths.get(javaBin))) throw new BenchException("not an executable java: " + javaBin);
            String javaVersion = javaVersion();
            int feature = featureVersion(javaVersion);
            if (options.aot && feature < 25) {
                throw new BenchException("--aot needs JDK 25 or later for the measured JVMs (this is " + feature
                        + "); e.g. --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
            }

            // The jars must exist and hold their handlers before anything starts.
            List<Case> all = cases(Map.of());
            List<Case> selected = select(all);
            List<String> problems = new ArrayList<>();
            for (Case c : selected) {
                if (c.empty()) continue;
                Path jar = c.jar(root);
                if (!Files.isRegularFile(jar)) {
                    problems.add(root.relativize(jar) + " is missing");
                } else if (!contains(jar, c.handler().replace('.', '/') + ".class")) {
                    problems.add(root.relativize(jar) + " has no " + c.handler() + " (stale or unfinished build?)");
                }
            }
            if (!problems.isEmpty()) {
                throw new BenchException("the function jars are not ready:\n  " + String.join("\n  ", problems) + "\n" + BUILD_HINT);
            }

            work = root.resolve("tools/coldstart-bench/target/coldstart-bench");
            deleteTree(work);
            Files.createDirectories(work.resolve("logs"));
            launcherJar = launcherJar(all.stream().filter(c -> c.name().equals("floor")).findFirst().orElseThrow().jar(root));

            System.out.println("coldstart-bench: " + selected.size() + " cases x (" + options.runs + " runs + 1 warm-up), java "
                    + javaVersion.lines().findFirst().orElse("?"));

            try (LoopbackDynamo dynamo = LoopbackDynamo.start(); LoopbackServers servers = LoopbackServers.start(feedCsv())) {
                dynamoUrl = dynamo.url();
                feedUrl = servers.feedUrl;
                s3Url = servers.s3Url;
                // The importer adds offers only to an organisation that exists.
                dynamo.put(CATALOG, LoopbackDynamo.item("pk", "ORG#" + FEED_ORGANISATION, "sk", "ORG", "gsi1pk", "ORGS",
                        "gsi1sk", "Bibliotheek Koude Start", "type", "ORGANISATION", "id", FEED_ORGANISATION,
                        "name", "Bibliotheek Koude Start", "website", "https://example.org/"));
                dynamo.put(CATALOG, LoopbackDynamo.item("pk", "FLOOR", "sk", "FLOOR", "note", "the one item the floor handler reads"));

                if (selected.stream().anyMatch(c -> c.module() != null && !c.name().equals("floor"))) seed(dynamo);
                List<Case> cases = select(cases(seeded));

                List<Pass> passes = new ArrayList<>();
                passes.add(measure("plain", cases, null, null));
                if (options.cds) passes.add(measure("AppCDS", cases, "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile="));
                if (options.aot) passes.add(measure("AOT cache", cases, "-XX:AOTCacheOutput=", "-XX:AOTCache="));

                Report.print(System.out, root, javaVersion, childFlags(), options, passes, loadBefore);
                if (options.classes) Report.printClasses(System.out, classLoads(cases));
                if (!servers.written.isEmpty()) System.out.println("\nsite bucket requests seen: " + String.join(", ", servers.written));
                if (!servers.refused.isEmpty()) System.out.println("site bucket requests refused: " + String.join(", ", servers.refused));
                if (!dynamo.refused().isEmpty()) System.out.println("DynamoDB operations refused: " + String.join(", ", dynamo.refused()));
            }
            return 0;
        }

        /** The cases that run: --only, but always the floor. */
        private List<Case> select(List<Case> all) throws BenchException {
            if (options.only.isEmpty()) return all;
            List<Case> selected = new ArrayList<>();
            for (String name : options.only) {
                if (all.stream().noneMatch(c -> c.name().equals(name.strip()))) throw new BenchException("no case called " + name);
            }
            for (Case c : all) {
                if (c.name().equals("floor") || options.only.stream().anyMatch(n -> n.strip().equals(c.name()))) selected.add(c);
            }
            return selected;
        }

        /**
         * Puts real catalog data in place the way production does: one import of the bench feed,
         * run by the importer's own jar (not measured), into the DynamoDB stand-in, which keeps what
         * is put (the offer item; its sessions are updates, which it does not apply). The public API
         * and the site builder then read that offer, and the importer finds it unchanged. Without the importer jar (with
         * --only) the API reads an offer that does not exist: still one query, the same 404.
         */
        private void seed(LoopbackDynamo dynamo) throws Exception {
            Case importer = cases(Map.of()).stream().filter(c -> c.name().equals("importer")).findFirst().orElseThrow();
            if (!Files.isRegularFile(importer.jar(root))) {
                System.out.println("coldstart-bench: no importer jar, the catalog stays empty");
                return;
            }
            Sample s = runOnce(importer, List.of(), work.resolve("logs/seed-import.log"));
            if (!s.ok || !s.actual.contains("created=1")) throw new BenchException("seeding the catalog with the importer failed: " + s.actual
                    + " (see " + root.relativize(work.resolve("logs/seed-import.log")) + ")");
            for (var item : dynamo.items(CATALOG)) {
                String pk = item.path("pk").path("S").asText();
                String sk = item.path("sk").path("S").asText();
                if (sk.equals("OFFER") && pk.startsWith("OFFER#")) seeded.put("offerId", pk.substring("OFFER#".length()));
            }
            if (!seeded.containsKey("offerId")) throw new BenchException("the seed import wrote no offer: " + s.actual);
        }

        private List<Case> cases(Map<String, String> seed) {
            String offerId = seed.getOrDefault("offerId", "coldstart-offer");
            Map<String, String> tables = Map.of("CATALOG_TABLE", CATALOG, "ENROLMENTS_TABLE", ENROLMENTS, "EDITORS_TABLE", EDITORS, "AUDIT_TABLE", "AuditTable");
            List<Case> cases = new ArrayList<>();
            cases.add(new Case("empty", null, "-", Map.of(), List.of(), List.of(), null));
            cases.add(new Case("floor", "coldstart-floor", "nl.ontwikkelplein.floor.FloorHandler",
                    Map.of("FLOOR_TABLE", CATALOG), List.of(),
                    List.of("pk=FLOOR", "sk=FLOOR"), "=found"));
            // Enrol in a session that does not exist, of an offer that does: the handler reads the
            // offer with its sessions from DynamoDB and answers 404 without writing anything.
            String path = "/api/offers/" + offerId + "/sessions/no-such-session/enrolments";
            Map<String, String> apiEnv = new LinkedHashMap<>(tables);
            apiEnv.put("ENROLMENT_RETENTION_DAYS", "90");
            cases.add(new Case("public-api", "api", "nl.ontwikkelplein.api.PublicApiHandler", apiEnv, List.of(),
                    List.of("version=2.0",
                            "routeKey=POST /api/offers/{offerId}/sessions/{sessionId}/enrolments",
                            "rawPath=" + path,
                            "pathParameters.offerId=" + offerId,
                            "pathParameters.sessionId=no-such-session",
                            "headers.content-type=application/json",
                            "headers.accept=application/json",
                            "body={\"name\":\"Koude Start\",\"phone\":\"06 12345678\"}",
                            "isBase64Encoded=false",
                            "requestContext.http.method=POST",
                            "requestContext.http.path=" + path),
                    "statusCode=404"));
            Map<String, String> siteEnv = new LinkedHashMap<>(tables);
            siteEnv.put("SITE_BUCKET", SITE_BUCKET);
            cases.add(new Case("site-builder", "site-builder", "nl.ontwikkelplein.sitebuilder.SiteBuilderHandler", siteEnv,
                    List.of("-Daws.endpointUrlS3=" + (s3Url == null ? "http://127.0.0.1:9" : s3Url)),
                    siteBuilderEvent(offerId), "batchItemFailures.size=0"));
            Map<String, String> importEnv = new LinkedHashMap<>(tables);
            importEnv.put("IMPORT_FEEDS", FEED_SOURCE + "|" + FEED_ORGANISATION + "|" + (feedUrl == null ? "http://127.0.0.1:9/feed.csv" : feedUrl));
            importEnv.put("IMPORT_LOOPBACK_FEEDS", "true"); // the feed is served on 127.0.0.1, as the local runtime allows
            // After the seed import the feed is unchanged: every measured run reads the offer and writes nothing.
            cases.add(new Case("importer", "importer", "nl.ontwikkelplein.importer.ImportHandler", importEnv, List.of(),
                    // Works for a Map<String, Object> event (today) and for ScheduledEvent alike.
                    List.of("source=aws.scheduler"),
                    seed.isEmpty() ? null : "=source=" + FEED_SOURCE + " created=0 updated=0 unchanged=1 locationsWritten=0 removed=0 cancelled=0 rejected=0"));
            return cases;
        }

        private static List<String> siteBuilderEvent(String offerId) {
            String r = "records[0].";
            return List.of(r + "eventID=1", r + "eventName=MODIFY", r + "eventSource=aws:dynamodb",
                    r + "awsRegion=" + REGION,
                    r + "eventSourceARN=arn:aws:dynamodb:" + REGION + ":000000000000:table/" + CATALOG + "/stream/2026-01-01T00:00:00.000",
                    r + "dynamodb.sequenceNumber=100000000000000000001",
                    r + "dynamodb.streamViewType=KEYS_ONLY",
                    r + "dynamodb.keys.pk.s=OFFER#" + offerId,
                    r + "dynamodb.keys.sk.s=OFFER");
        }

        // -------------------------------------------------------------- measuring

        /**
         * N rounds over the cases. With {@code trainFlag}/{@code useFlag} (a CDS or AOT archive
         * option, to be followed by the file), each case first has one training run that writes
         * its archive, and its measured runs use it.
         */
        private Pass measure(String label, List<Case> cases, String trainFlag, String useFlag) throws Exception {
            String tag = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            Map<String, List<String>> extra = new LinkedHashMap<>();
            for (Case c : cases) extra.put(c.name(), List.of());
            if (useFlag != null) {
                Files.createDirectories(work.resolve(tag));
                for (Case c : cases) {
                    Path archive = work.resolve(tag).resolve(c.name() + (useFlag.contains("AOT") ? ".aot" : ".jsa"));
                    System.out.print("  " + label + ": training " + c.name() + " ... ");
                    Sample training = runOnce(c, List.of(trainFlag + archive), work.resolve("logs/" + tag + "-train-" + c.name() + ".log"));
                    if (!training.ok || !Files.isRegularFile(archive)) {
                        throw new BenchException(label + " training run of " + c.name() + " failed (" + training.actual + "), see "
                                + root.relativize(work.resolve("logs/" + tag + "-train-" + c.name() + ".log")));
                    }
                    System.out.println(String.format(Locale.ROOT, "%.1f MiB", Files.size(archive) / 1048576.0));
                    extra.put(c.name(), List.of(useFlag + archive));
                }
            }
            Pass pass = new Pass(label);
            for (Case c : cases) pass.samples.put(c.name(), new ArrayList<>());
            // Round-robin: run i of every case, then run i+1; noise on the machine spreads evenly.
            // Round 0 is a warm-up (file cache, this JVM's JIT of the stand-ins) and is not counted.
            for (int round = 0; round <= options.runs; round++) {
                System.out.print(round == 0 ? "  " + label + ": warm-up" : " " + round);
                System.out.flush();
                for (Case c : cases) {
                    Path log = work.resolve("logs/" + tag + "-" + c.name() + "-" + round + ".log");
                    Sample s = runOnce(c, extra.get(c.name()), log);
                    if (!s.ok) {
                        System.out.println();
                        throw new BenchException(c.name() + " did not answer as expected: " + s.actual + " (expected "
                                + c.expect() + "), see " + root.relativize(log));
                    }
                    if (round > 0) pass.samples.get(c.name()).add(s);
                }
            }
            System.out.println();
            return pass;
        }

        /** Per case: loaded classes counted by library, from one run with -Xlog:class+load. */
        private Map<String, Map<String, Integer>> classLoads(List<Case> cases) throws Exception {
            Map<String, Map<String, Integer>> result = new LinkedHashMap<>();
            for (Case c : cases) {
                Path classLog = work.resolve("logs/classes-" + c.name() + ".txt");
                Sample s = runOnce(c, List.of("-Xlog:class+load=info:file=" + classLog), work.resolve("logs/classes-" + c.name() + ".log"));
                if (!s.ok()) throw new BenchException(c.name() + " failed in the class-loading run: " + s.actual());
                result.put(c.name(), Report.classesByLibrary(Files.readAllLines(classLog)));
            }
            return result;
        }

        private List<String> childFlags() {
            List<String> flags = new ArrayList<>(LAMBDA_FLAGS);
            flags.addAll(memoryFlags(options.memoryMb));
            flags.addAll(options.jvmOpts);
            return flags;
        }

        /** One fresh JVM: the launcher, the function jar and nothing else on the class path. */
        private Sample runOnce(Case c, List<String> extraFlags, Path log) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(javaBin);
            boolean aot = extraFlags.stream().anyMatch(f -> f.startsWith("-XX:AOTCache"));
            for (String flag : childFlags()) {
                // JDK 25 refuses -Xshare:* next to the AOT cache flags (which imply CDS anyway).
                if (!(aot && flag.startsWith("-Xshare:"))) command.add(flag);
            }
            command.addAll(extraFlags);
            command.add("-Daws.region=" + REGION);
            command.add("-Daws.accessKeyId=" + ACCESS_KEY);
            command.add("-Daws.secretAccessKey=" + SECRET_KEY);
            // The SDK's per-service endpoint property is aws.endpointUrl + the service id in camel
            // case: DynamoDb (capital D and b), S3.
            command.add("-Daws.endpointUrlDynamoDb=" + dynamoUrl);
            command.addAll(c.sysProps());
            command.add("-cp");
            command.add(c.empty() ? launcherJar.toString() : launcherJar + File.pathSeparator + c.jar(root));
            command.add(LAUNCHER);
            command.add(c.handler());
            if (c.expect() != null) command.add("--expect=" + c.expect());
            command.addAll(c.event());

            ProcessBuilder pb = new ProcessBuilder(command);
            // A Lambda-like environment: the function's variables and little else. Nothing of the
            // developer's AWS_* or JAVA_TOOL_OPTIONS leaks in.
            Map<String, String> env = pb.environment();
            env.clear();
            env.put("LANG", "C.UTF-8");
            env.put("TZ", "UTC");
            env.putAll(c.env());
            Path out = Paths.get(log.toString().replaceFirst("\\.log$", ".out"));
            pb.redirectOutput(out.toFile());
            pb.redirectError(log.toFile());

            long spawnUs = micros(Instant.now());
            Process process = pb.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BenchException(c.name() + " did not finish within 120 s, see " + root.relativize(log));
            }
            String line = Files.readAllLines(out).stream().filter(l -> l.startsWith("COLDSTART ")).reduce((a, b) -> b).orElse(null);
            if (line == null) {
                throw new BenchException(c.name() + " printed no COLDSTART line (exit " + process.exitValue() + "), see "
                        + root.relativize(log) + "\n  command: " + String.join(" ", command));
            }
            return Sample.parse(line, spawnUs);
        }

        // -------------------------------------------------------------- helpers

        private Path findRoot() throws BenchException {
            Path dir = Paths.get("").toAbsolutePath();
            for (Path d = dir; d != null; d = d.getParent()) {
                if (Files.isRegularFile(d.resolve("template.yaml")) && Files.isDirectory(d.resolve("functions"))) return d;
            }
            throw new BenchException("cannot find the repository root (template.yaml) above " + dir + "; use --root");
        }

        private String javaVersion() throws Exception {
            Process p = new ProcessBuilder(javaBin, "-version").redirectErrorStream(true).start();
            String text;
            try (InputStream in = p.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            p.waitFor();
            return text;
        }

        private static int featureVersion(String versionText) {
            Matcher m = Pattern.compile("version \"(\\d+)").matcher(versionText);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }

        /** The launcher classes alone, so every run carries exactly the same launcher. */
        private Path launcherJar(Path floorJar) throws IOException, BenchException {
            Path jar = work.resolve("coldstart-launcher.jar");
            int copied = 0;
            try (ZipFile source = new ZipFile(floorJar.toFile());
                 JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                for (ZipEntry e : Collections.list(source.entries())) {
                    if (e.getName().startsWith(LAUNCHER_ENTRY_PREFIX) && e.getName().endsWith(".class")) {
                        out.putNextEntry(new JarEntry(e.getName()));
                        try (InputStream in = source.getInputStream(e)) {
                            in.transferTo(out);
                        }
                        out.closeEntry();
                        copied++;
                    }
                }
            }
            if (copied == 0) throw new BenchException(root.relativize(floorJar) + " has no " + LAUNCHER + "\n" + BUILD_HINT);
            return jar;
        }

        private static boolean contains(Path jar, String entry) throws IOException {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                return zip.getEntry(entry) != null;
            }
        }

        private static void deleteTree(Path dir) throws IOException {
            if (!Files.exists(dir)) return;
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }

        /** One partner offer with one session a month ahead, in the CSV format of docs/import-csv.md. */
        private static String feedCsv() {
            LocalDate day = LocalDate.now().plusDays(30);
            return "external_id,title,summary,kind,programme_line,themes,target_groups,price_eur,provider,"
                    + "location_name,street,postcode,city,start,end,seats\r\n"
                    + "CS-1,Taalcafé Koude Start,Samen Nederlands praten bij een kop koffie.,Inloopuur,Basisvaardigheden,"
                    + "taal;lezen,anderstaligen,gratis,Taalhuis Benchmark,"
                    + "Bibliotheek Benchmark,Stationsstraat 1,7772 AB,Hardenberg,"
                    + day + " 14:00," + day + " 16:00,12\r\n";
        }
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    // ------------------------------------------------------------------ results

    /**
     * One run's figures, in milliseconds: total from the JVM's own start time (RuntimeMXBean),
     * spawnToResponse from the process start as this JVM saw it, boot from process start to the
     * launcher's main, init for loading and constructing the handler, invoke for the first request;
     * classes loaded in all.
     */
    record Sample(boolean ok, String actual, double total, double spawnToResponse, double boot, double init, double invoke,
                  long classes) {
        static Sample parse(String line, long spawnUs) {
            Map<String, String> f = new LinkedHashMap<>();
            for (String part : line.substring("COLDSTART ".length()).split(" ")) {
                int eq = part.indexOf('=');
                if (eq > 0) f.put(part.substring(0, eq), part.substring(eq + 1));
            }
            boolean ok = "true".equals(f.get("ok"));
            if (!ok || !f.containsKey("respondedUs")) return new Sample(false, f.getOrDefault("actual", line), 0, 0, 0, 0, 0, 0);
            double jvmStartMs = Long.parseLong(f.get("jvmStartMs"));
            double mainMs = Long.parseLong(f.get("mainUs")) / 1000.0;
            double constructedMs = Long.parseLong(f.get("constructedUs")) / 1000.0;
            double respondedMs = Long.parseLong(f.get("respondedUs")) / 1000.0;
            double spawnMs = spawnUs / 1000.0;
            return new Sample(true, f.get("actual"), respondedMs - jvmStartMs, respondedMs - spawnMs,
                    mainMs - spawnMs, constructedMs - mainMs, respondedMs - constructedMs,
                    Long.parseLong(f.getOrDefault("classes", "0")));
        }
    }

    static final class Pass {
        final String label;
        final Map<String, List<Sample>> samples = new LinkedHashMap<>();

        Pass(String label) {
            this.label = label;
        }
    }

    // ------------------------------------------------------------------ servers

    /**
     * The other ends the functions talk to, on 127.0.0.1: the partner feed the importer fetches,
     * and a stand-in for the site bucket that accepts PutObject and DeleteObject (path-style, the
     * SDK's choice for an endpoint given as an IP address) and remembers which keys it saw. It
     * answers at once, so the bucket adds no time of its own to the site builder's figures.
     */
    static final class LoopbackServers implements AutoCloseable {
        final HttpServer server;
        final String feedUrl;
        final String s3Url;
        final java.util.Set<String> written = java.util.Collections.synchronizedSet(new java.util.TreeSet<>());
        final java.util.Set<String> refused = java.util.Collections.synchronizedSet(new java.util.TreeSet<>());

        private LoopbackServers(HttpServer server) {
            this.server = server;
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            this.feedUrl = base + "/feed.csv";
            this.s3Url = base;
        }

        static LoopbackServers start(String csv) throws IOException {
            byte[] body = csv.getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LoopbackServers servers = new LoopbackServers(server);
            server.createContext("/feed.csv", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/csv; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.createContext("/" + SITE_BUCKET + "/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                String key = exchange.getRequestURI().getPath().substring(SITE_BUCKET.length() + 2);
                String method = exchange.getRequestMethod();
                exchange.getResponseHeaders().set("x-amz-request-id", "coldstart");
                if (method.equals("PUT") && !key.isEmpty()) {
                    servers.written.add("put " + key);
                    exchange.getResponseHeaders().set("ETag", "\"d41d8cd98f00b204e9800998ecf8427e\"");
                    exchange.sendResponseHeaders(200, -1);
                } else if (method.equals("DELETE") && !key.isEmpty()) {
                    servers.written.add("delete " + key);
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    // Anything else the site builder starts doing should show up, not pass silently.
                    servers.refused.add(method + " " + exchange.getRequestURI());
                    byte[] error = ("<Error><Code>NotImplemented</Code><Message>coldstart-bench fake S3 does not do "
                            + method + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/xml");
                    exchange.sendResponseHeaders(501, error.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(error);
                    }
                }
                exchange.close();
            });
            server.start();
            return servers;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The function jars in functions/*&#47;target and the floor's, for the size table. */
    static List<Path> functionJars(Path root) throws IOException {
        List<Path> modules = new ArrayList<>();
        try (DirectoryStream<Path> functions = Files.newDirectoryStream(root.resolve("functions"))) {
            functions.forEach(modules::add);
        }
        modules.add(root.resolve("tools").resolve("coldstart-floor"));
        List<Path> jars = new ArrayList<>();
        for (Path module : modules) {
            Path target = module.resolve("target");
            if (!Files.isDirectory(target)) continue;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(target, "*-function.jar")) {
                for (Path f : files) {
                    // original-*.jar is the shade plugin's copy of the unshaded jar.
                    if (!f.getFileName().toString().startsWith("original-")) jars.add(f);
                }
            }
        }
        jars.sort(Comparator.comparing(Path::getFileName));
        return jars;
    }
}
