package nl.ontwikkelplein.tools.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark's one command still runs end to end (on a catalog small enough for every build). */
class SiteBenchTest {
    @Test
    void printsEveryFigureAndANoChangeBuildWritesNothing() throws Exception {
        String text = Printed.by(() -> SiteBench.main(new String[] {"--offers", "60", "--dates", "2", "--changes", "3"}));
        for (String line : new String[] {"catalog: 60 offers, 120 dates", "baseline: ", "full build, empty bucket: ", "one offer changed (3 runs): p50 ",
                "one place changed: "})
            assertTrue(text.contains(line), "prints " + line);
        assertTrue(text.matches("(?s).*full build, nothing changed: [0-9.]+ s \\(x[0-9.]+ baseline\\): [0-9,]+ rendered, 0 written.*"), text);
    }
}
