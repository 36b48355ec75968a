package nl.ontwikkelplein.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertEquals(List.of("deltion-college", "taalhuis-vechtdal"), feeds.all().stream().map(PartnerFeed::id).sorted().toList());
            assertEquals("ooapi", feeds.feed("deltion-college").orElseThrow().format());
        }
    }

    @Test
    void theDemoCollegesOoapiFeedBringsAYearCourseWithoutTimesAndACourseWithLessons() throws Exception {
        try (TestStack stack = TestStack.start(TestStack.realTemplate(), data, java.util.Map.of())) {
            var stores = stack.stack().stores();
            nl.ontwikkelplein.local.demo.DemoData.loadIfEmpty(stores.catalog(), Clock.systemUTC());
            LocalMain.registerDemoFeeds(stores.feeds(), stack.url(""), Clock.systemUTC());
            String run = String.join("\n", stack.stack().scheduler().runNow("ImportFunction"));
            assertTrue(run.contains("source=deltion-college created=2 updated=0 unchanged=0 locationsWritten=1 removed=0 cancelled=0 rejected=0"), run);
            var offers = stores.catalog().offersOf(DemoData.ORGANISATION).stream()
                    .filter(o -> o.source() != null && o.source().sourceId().equals("deltion-college")).toList();
            var year = offers.stream().filter(o -> o.period() != null).findFirst().orElseThrow(() -> new AssertionError(offers));
            assertEquals(java.time.LocalDate.now(nl.ontwikkelplein.domain.Session.ZONE).minusDays(21), year.period().start());
            assertEquals(nl.ontwikkelplein.domain.Price.UNKNOWN, year.price());
            assertEquals(3, stores.catalog().offer(offers.stream().filter(o -> o.period() == null).findFirst().orElseThrow().id()).orElseThrow()
                    .sessions().size(), "the lessons are the other course's dates");
        }
    }
}
