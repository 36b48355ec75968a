package nl.ontwikkelplein.tools.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The import benchmark's command still runs end to end in every format, on feeds small enough for every build. */
class ImportBenchTest {
    @ParameterizedTest
    @ValueSource(strings = {"csv", "ooapi"})
    void importsEverythingThenAnUnchangedRunWritesNothing(String format) throws Exception {
        String text = Printed.by(() -> ImportBench.run(new String[] {"--offers", "60", "--format", format}));
        assertTrue(text.contains("format " + format + "; 60 offers (300 dates) in 1 feeds"), text);
        assertTrue(text.matches("(?s).*first import on the local runtime .*created=60 updated=0 unchanged=0 removed=0 rejected=0.*"), text);
        assertTrue(text.matches("(?s).*unchanged re-import: [0-9.]+ s .*created=0 updated=0 unchanged=60 removed=0 rejected=0; change-log rows written: 0.*"), text);
    }
}
