package nl.ontwikkelplein.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FeedTextTest {
    @Test
    void aCalledOffEventLosesTheWordPartnersPutInFrontOfItsTitle() {
        assertEquals("Lezing: Zwolle als Hanzestad", FeedText.withoutCalledOff("GEANNULEERD - Lezing: Zwolle als Hanzestad"));
        assertEquals("Taalcafé", FeedText.withoutCalledOff("[Afgelast] Taalcafé"));
        assertEquals("Taalcafé", FeedText.withoutCalledOff("CANCELLED: Taalcafé"));
        assertEquals("Taalcafé", FeedText.withoutCalledOff("Gaat niet door – Taalcafé"));
        assertEquals("Geannuleerd", FeedText.withoutCalledOff("Geannuleerd"), "a title that is only the word stays");
        assertEquals("Vervallen rechten en plichten", FeedText.withoutCalledOff("Vervallen rechten en plichten"),
                "without brackets or a dash after it, the word is part of the title");
        assertEquals("Geannuleerde reizen claimen", FeedText.withoutCalledOff("Geannuleerde reizen claimen"), "part of a word: kept");
        assertEquals(null, FeedText.withoutCalledOff(null));
        String hostile = "geannuleerd " + " -".repeat(50_000) + "x";
        assertEquals("x", FeedText.withoutCalledOff(hostile));
    }
}
