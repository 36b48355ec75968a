package nl.ontwikkelplein.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import nl.ontwikkelplein.domain.PartnerFeed;
import nl.ontwikkelplein.domain.PartnerFeeds;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.local.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run keeps its demo feed as a partner feed: made once, its address following the port, an admin's changes kept. */
class DemoFeedsTest {
    @TempDir
    Path data;

    @Test
    void theDemoFeedIsMadeOnceAndFollowsThePort() throws Exception {
        try (TestStack stack = TestStack.start(data)) {
            PartnerFeeds feeds = stack.stack().stores().feeds();
            LocalMain.registerDemoFeeds(feeds, "http://localhost:8080", Clock.systemUTC());
            PartnerFeed made = feeds.feed("taalhuis-vechtdal").orElseThrow();
            assertEquals(DemoData.ORGANISATION, made.organisationId());
            assertEquals("http://localhost:8080/_local/feeds/taalhuis-vechtdal.csv", made.url());
            assertEquals(PartnerFeed.Schedule.NIGHTLY, made.schedule());

            // The admin pauses it and maps a word; the next start runs on another port.
            feeds.save(new PartnerFeed(made.id(), made.organisationId(), made.url(), "csv", PartnerFeed.Schedule.PAUSED,
                    List.of(new PartnerFeed.CategoryRule("Taal", ProgrammeLine.BASIC_SKILLS, null)), made.createdAt(), made.updatedAt()));
            LocalMain.registerDemoFeeds(feeds, "http://localhost:9090", Clock.systemUTC());
            PartnerFeed after = feeds.feed("taalhuis-vechtdal").orElseThrow();
            assertEquals("http://localhost:9090/_local/feeds/taalhuis-vechtdal.csv", after.url());
            assertEquals(PartnerFeed.Schedule.PAUSED, after.schedule());
            assertEquals(1, after.categories().size());
            assertEquals(1, feeds.all().size());
        }
    }
}
