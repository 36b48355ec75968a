package nl.ontwikkelplein.tools.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The search benchmark's command still runs end to end in Chromium, on a catalog small enough for every build. */
class SearchBenchTest {
    @Test
    void measuresFirstVisitsAndQueriesThroughTheFinder() throws Exception {
        boolean installed = Files.isExecutable(SearchBench.CHROMIUM) && Files.isExecutable(SearchBench.CHROMEDRIVER);
        if (!installed && "1".equals(System.getenv("ONTWIKKELPLEIN_REQUIRE_BROWSER"))) throw new AssertionError("Chromium and ChromeDriver are required");
        Assumptions.assumeTrue(installed, "needs Debian's chromium and chromium-driver");
        String text = Printed.by(() -> SearchBench.main(new String[] {"--offers", "60", "--queries", "4"}));
        assertTrue(text.contains("catalog: 60 offers"), text);
        assertTrue(text.matches("(?s).*search index [0-9.]+ s: \\{.*fragment=60.*"), "one fragment per offer: " + text);
        assertTrue(text.matches("(?s).*first results for \"[a-z]+\" \\(word 4 by frequency; [0-9]+ cursus.*gevonden\\.\\): [0-9,]+ bytes compressed.*"), text);
        assertTrue(text.contains("wasm.nl.pagefind="), "the Dutch WebAssembly is counted: " + text);
        assertTrue(text.matches("(?s).*query, CPU throttled 4x: p50 [0-9.]+ ms, p95 [0-9.]+ ms.*"), text);
    }
}
