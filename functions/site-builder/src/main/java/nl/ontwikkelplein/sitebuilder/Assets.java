package nl.ontwikkelplein.sitebuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The static files of the site (CSS, icons), packed into the function under {@code site-assets/}. */
public final class Assets {
    /** The classpath folder the site-builder pom copies {@code site/assets} to. */
    public static final String CLASSPATH_FOLDER = "site-assets";
    /** A file that is always there, to find the folder by (jar files need not list folders). */
    private static final String MARKER = CLASSPATH_FOLDER + "/css/site.css";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("html", "text/html; charset=utf-8"));

    private Assets() {}

    /** One file: its path in the site ("css/site.css"), bytes and Content-Type. */
    public record Asset(String path, byte[] body, String contentType) {}

    public static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    /**
     * All assets on the classpath, sorted by path; works from a folder and from inside a jar.
     * Synchronized: a jar is read through a file system this opens and closes, and functions that
     * start side by side in one JVM (the local runtime) would otherwise read from one that another
     * caller has just closed (ClosedFileSystemException at init).
     */
    public static synchronized List<Asset> fromClasspath(ClassLoader loader) {
        URL marker = loader.getResource(MARKER);
        if (marker == null) throw new IllegalStateException("No " + MARKER + " on the classpath: the site assets are missing from the build");
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(jar.getPath("/" + CLASSPATH_FOLDER));
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    return read(FileSystems.getFileSystem(uri).getPath("/" + CLASSPATH_FOLDER)); // someone else's: leave it open
                }
            }
            Path root = Path.of(uri);
            for (int i = 0; i < MARKER.split("/").length - 1; i++) root = root.getParent();
            return read(root);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot read the site assets", e);
        }
    }

    private static List<Asset> read(Path root) throws IOException {
        List<Asset> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                try (InputStream in = Files.newInputStream(file)) {
                    out.add(new Asset(path, in.readAllBytes(), contentType(path)));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return List.copyOf(out);
    }

    /** A short fingerprint of all assets, for cache-busting URLs ("?v=3f9a0c1b2d"). Same files, same version. */
    public static String version(List<Asset> assets) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (Asset a : assets) {
                digest.update(a.path().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(a.body());
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
