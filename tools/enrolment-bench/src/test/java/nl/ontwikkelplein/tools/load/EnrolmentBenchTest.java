package nl.ontwikkelplein.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EnrolmentBenchTest {
    @Test
    void optionsHaveDefaultsAndBadOnesAreExplained() {
        assertEquals(new EnrolmentBench.Options(1000, 64, 10, 0), EnrolmentBench.Options.parse(new String[]{}));
        assertEquals(new EnrolmentBench.Options(50, 4, 2, 100),
                EnrolmentBench.Options.parse(new String[]{"--attempts", "50", "--concurrency", "4", "--sessions", "2", "--extra-offers", "100"}));
        assertEquals("--attempts needs a positive whole number",
                assertThrows(IllegalArgumentException.class, () -> EnrolmentBench.Options.parse(new String[]{"--attempts", "0"})).getMessage());
        assertEquals("--concurrency needs a positive whole number",
                assertThrows(IllegalArgumentException.class, () -> EnrolmentBench.Options.parse(new String[]{"--concurrency"})).getMessage());
        assertEquals("--sessions needs a positive whole number",
                assertThrows(IllegalArgumentException.class, () -> EnrolmentBench.Options.parse(new String[]{"--sessions", "x"})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> EnrolmentBench.Options.parse(new String[]{"--threads", "9"}));
    }
}
