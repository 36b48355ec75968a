package nl.ontwikkelplein.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the local stack listens and keeps its data. {@link #fromEnvironment()} reads the
 * documented variables; tests build one with free ports and a temporary data directory.
 *
 * @param parameterOverrides template parameter values (else the template's defaults); from the
 *                           environment as {@code ONTWIKKELPLEIN_PARAMETER_<Name>=value}
 */
public record LocalConfig(
        Path templateFile,
        Path dataDir,
        int httpPort,
        int s3Port,
        Map<String, String> parameterOverrides) {

    public static final String HOST = "127.0.0.1";
    /** The local credentials: the container credentials endpoint hands them to the functions (S3Proxy does not check them). */
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "localsecret";
    public static final String DATABASE_FILE = "ontwikkelplein.db";
    private static final String PARAMETER_PREFIX = "ONTWIKKELPLEIN_PARAMETER_";

    public LocalConfig {
        parameterOverrides = Map.copyOf(parameterOverrides);
    }

    public static LocalConfig fromEnvironment() {
        Map<String, String> env = System.getenv();
        Path template = env.containsKey("ONTWIKKELPLEIN_TEMPLATE")
                ? Path.of(env.get("ONTWIKKELPLEIN_TEMPLATE")).toAbsolutePath()
                : findRepoRoot(Path.of("").toAbsolutePath()).resolve("template.yaml");
        Path dataDir = env.containsKey("ONTWIKKELPLEIN_DATA_DIR")
                ? Path.of(env.get("ONTWIKKELPLEIN_DATA_DIR")).toAbsolutePath()
                : template.getParent().resolve(".local-data");
        Map<String, String> parameters = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(PARAMETER_PREFIX)) {
                parameters.put(name.substring(PARAMETER_PREFIX.length()), value);
            }
        });
        return new LocalConfig(template, dataDir,
                port(env, "ONTWIKKELPLEIN_HTTP_PORT", 8080),
                port(env, "ONTWIKKELPLEIN_S3_PORT", 9000),
                parameters);
    }

    /** The repository root: the nearest directory at or above {@code start} that holds template.yaml. */
    public static Path findRepoRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml in " + start + " or any directory above it");
    }

    public LocalConfig withPorts(int http, int s3) {
        return new LocalConfig(templateFile, dataDir, http, s3, parameterOverrides);
    }

    public LocalConfig withParameter(String name, String value) {
        Map<String, String> parameters = new LinkedHashMap<>(parameterOverrides);
        parameters.put(name, value);
        return new LocalConfig(templateFile, dataDir, httpPort, s3Port, parameters);
    }

    public String httpUrl() {
        return "http://" + HOST + ":" + httpPort;
    }

    /** The SQLite database file that holds every table (docs/storage.md). */
    public Path databaseFile() {
        return dataDir.resolve(DATABASE_FILE);
    }

    public String s3Url() {
        return "http://" + HOST + ":" + s3Port;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a port number: " + value, e);
        }
    }
}
