package nl.ontwikkelplein.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void slugsAreReadableAndSafeInUrlsAndKeys() {
        assertEquals("klik-tik-de-basis", Ids.slug("Klik & Tik: de basis"));
        assertEquals("taalcafe", Ids.slug("Taalcafé"));
        assertEquals("x", Ids.slug("<>#/"));
        assertTrue(Ids.isValid(Ids.newId("Walk&Talk voor werkzoekenden")));
    }

    @Test
    void refusesIdsThatCouldBreakKeysOrPaths() {
        for (String bad : new String[] {"", "A", "a#b", "a/b", "../x", "a--b", "-a", "a ", "a".repeat(81)}) {
            assertFalse(Ids.isValid(bad), bad);
        }
    }

    @Test
    void derivedIdsAreStable() {
        assertEquals(Ids.derived("imp", "feed", "17"), Ids.derived("imp", "feed", "17"));
        assertNotEquals(Ids.derived("imp", "feed", "17"), Ids.derived("imp", "feed", "18"));
        // The separator keeps ("a","bc") and ("ab","c") apart.
        assertNotEquals(Ids.derived("imp", "a", "bc"), Ids.derived("imp", "ab", "c"));
    }

    @Test
    void priceLabelsInDutch() {
        assertEquals("Gratis", Price.FREE.label());
        assertEquals("€ 12,50", new Price(1250).label());
        assertEquals("€ 0,05", new Price(5).label());
    }
}
