package nl.ontwikkelplein.tools.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark's one command still runs end to end (on a catalog small enough for every build). */
class SiteBenchTest {
    @Test
    void printsEveryFigureAndANoChangeBuildWritesNothing() throws Exception {
        String text = Printed.by(() -> SiteBench.main(new String[] {"--offers", "60", "--dates", "2", "--changes", "3"}));
        for (String line : new String[] {"catalog: 60 offers, 120 dates", "baseline: ", "full build, empty bucket: ", "one offer changed (3 runs): p50 ", "full build without writing (render and hash only): first in this JVM ",
                "one place changed: "})
            assertTrue(text.contains(line), "prints " + line);
        // The render-only build counts what a build writes, and the baseline writes as many: the same as landed in the bucket.
        java.util.regex.Matcher base = java.util.regex.Pattern.compile("baseline: ([0-9,]+) plain PUTs").matcher(text);
        java.util.regex.Matcher full = java.util.regex.Pattern.compile("full build, empty bucket: .* ([0-9,]+) written, ([0-9,]+) objects").matcher(text);
        assertTrue(base.find() && full.find(), text);
        assertEquals(full.group(2), base.group(1), text);
        assertEquals(full.group(2), full.group(1), text);
        assertTrue(text.matches("(?s).*full build, nothing changed: [0-9.]+ s \\(x[0-9.]+ baseline\\): [0-9,]+ rendered, 0 written.*"), text);
    }
}
