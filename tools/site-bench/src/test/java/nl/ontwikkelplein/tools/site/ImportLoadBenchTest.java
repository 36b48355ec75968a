package nl.ontwikkelplein.tools.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The import-load benchmark's command still runs end to end, on a feed small enough for every build. */
class ImportLoadBenchTest {
    @Test
    void importsPublishesAndPrintsItsFiguresWithoutFunctionErrors() throws Exception {
        String text = Printed.by(() -> ImportLoadBench.run(new String[] {"--offers", "120"}));
        assertTrue(text.contains("import of 120 offers (600 rows in 1 feeds): "), text);
        assertTrue(text.contains("created=120"), "every offer imported: " + text);
        assertTrue(text.matches("(?s).*last imported offer online [0-9.]+ s after.*"), "and online: " + text);
        assertTrue(text.contains("failed stream batches (function errors after retries): 0"), text);
    }
}
