package nl.ontwikkelplein.sitebuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site's static files as a function reads them at init, from its jar. */
class AssetsTest {
    @TempDir
    Path dir;

    @Test
    void functionsStartingSideBySideReadTheAssetsOfOneJarWithoutSeeingAClosedFileSystem() throws Exception {
        Path jar = dir.resolve("function.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("site-assets/css/site.css", "site-assets/favicon.svg", "site-assets/js/zoeken.js")) {
                out.putNextEntry(new JarEntry(name));
                out.write(("/* " + name + " */").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<Callable<List<Assets.Asset>>> reads = new ArrayList<>();
            for (int i = 0; i < 400; i++) reads.add(() -> Assets.fromClasspath(loader));
            for (Future<List<Assets.Asset>> f : pool.invokeAll(reads)) {
                List<Assets.Asset> assets = f.get(); // a ClosedFileSystemException would surface here
                assertEquals(List.of("css/site.css", "favicon.svg", "js/zoeken.js"), assets.stream().map(Assets.Asset::path).toList());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
