package nl.ontwikkelplein.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ontwikkelplein.domain.PartnerFeed;
import nl.ontwikkelplein.domain.PartnerFeed.Schedule;
import org.junit.jupiter.api.Test;

class ImportScheduleTest {
    @Test
    void weeklyFeedsRunInTheNightToMondayInTheRegionsTime() {
        // 02:00 on Monday 7 December 2026 in Amsterdam is 01:00 UTC; Sunday 23:30 UTC is already Monday there.
        assertTrue(ImportHandler.due(Schedule.WEEKLY, Instant.parse("2026-12-07T01:00:00Z")));
        assertTrue(ImportHandler.due(Schedule.WEEKLY, Instant.parse("2026-12-06T23:30:00Z")));
        assertFalse(ImportHandler.due(Schedule.WEEKLY, Instant.parse("2026-12-06T22:30:00Z")), "still Sunday in Amsterdam");
        assertFalse(ImportHandler.due(Schedule.WEEKLY, Instant.parse("2026-12-08T01:00:00Z")));
        assertTrue(ImportHandler.due(Schedule.NIGHTLY, Instant.parse("2026-12-08T01:00:00Z")));
        assertFalse(ImportHandler.due(Schedule.PAUSED, Instant.parse("2026-12-07T01:00:00Z")));
    }

    @Test
    void anInvokeNamesFeedsByValidIdsOnly() {
        assertEquals(Set.of("taalhuis", "rocva"), ImportHandler.ids(Map.of("feeds", List.of("taalhuis", "../etc", 7, "rocva", "")), "feeds"));
        assertTrue(ImportHandler.ids(Map.of("feeds", "taalhuis"), "feeds").isEmpty(), "not a list: nothing");
        assertTrue(ImportHandler.ids(null, "feeds").isEmpty());
    }

    @Test
    void aStoredFeedIsUsedOnlyWithAnHttpUrlAKnownFormatAndValidIds() {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        assertEquals(FeedConfig.Format.OOAPI, FeedConfig.of(new PartnerFeed("rocva", "bieb", "https://api.example/ooapi/offerings", "OOAPI", null, null, t, t)).format());
        for (String url : List.of("ftp://x.example/a.csv", "file:///etc/passwd", "https:///nohost", "https://x.example/a b", "javascript:alert(1)"))
            assertEquals(null, FeedConfig.of(new PartnerFeed("f", "bieb", url, "csv", null, null, t, t)), url);
        assertEquals(null, FeedConfig.of(new PartnerFeed("f", "bieb", "https://x.example/a.csv", "xml", null, null, t, t)));
        assertEquals(null, FeedConfig.of(new PartnerFeed("../f", "bieb", "https://x.example/a.csv", "csv", null, null, t, t)));
    }
}
