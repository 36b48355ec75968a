package nl.ontwikkelplein.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguagesTest {
    @Test
    void aLanguageIsFoundByCodeLocaleDutchOrEnglishNameWithOrWithoutAccents() {
        assertEquals("nl", Languages.code("nl"));
        assertEquals("nl", Languages.code(" Nederlands "));
        assertEquals("nl", Languages.code("nl-NL"));
        assertEquals("ar", Languages.code("ar_MA"));
        assertEquals("ar", Languages.code("Arabic"));
        assertEquals("uk", Languages.code("Oekraïens"));
        assertEquals("uk", Languages.code("oekraiens"));
        assertEquals("dse", Languages.code("NGT"));
        assertEquals("nl", Languages.code("nld"), "ISO 639-2, as OOAPI writes it");
        assertEquals("nl", Languages.code("dut"));
        assertEquals("de", Languages.code("ger"));
        assertEquals("en", Languages.code("eng"));
        assertEquals("Nederlandse Gebarentaal", Languages.name("dse"));
    }

    @Test
    void unknownBlankAndHostileNamesAreNotLanguages() {
        assertNull(Languages.code(null));
        assertNull(Languages.code("  "));
        assertNull(Languages.code("Klingon"));
        assertNull(Languages.code("<script>nl</script>"));
        assertNull(Languages.code("nl\u0000"));
        assertNull(Languages.code("-nl"));
        assertNull(Languages.code("x".repeat(100_000)));
    }

    @Test
    void anOfferIsInDutchUnlessItSaysOtherwiseAndKeepsEachLanguageOnce() {
        assertEquals(List.of("nl"), Languages.of(null));
        assertEquals(List.of("nl"), Languages.of(List.of()));
        assertEquals(List.of("nl"), Languages.of(List.of("Klingon")));
        assertEquals(List.of("ar", "nl"), Languages.of(Arrays.asList("Arabisch", null, "ar", "NL")));
        assertTrue(Languages.onlyDutch(Languages.of(List.of("Dutch"))));
        assertEquals(List.of("nl", "en", "uk"), Languages.sorted(Set.of("uk", "en", "nl")), "Dutch first");
        assertEquals(List.of("Oekraïens", "Nederlands"), Languages.names(List.of("uk", "nl")));
    }
}
