package nl.ontwikkelplein.domain.contract;

import static nl.ontwikkelplein.domain.contract.ContractData.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.ontwikkelplein.domain.FeedRun;
import nl.ontwikkelplein.domain.PartnerFeed;
import nl.ontwikkelplein.domain.PartnerImport;
import nl.ontwikkelplein.domain.ProgrammeLine;
import org.junit.jupiter.api.Test;

/** What every {@link nl.ontwikkelplein.domain.PartnerFeeds} adapter promises. */
public abstract class PartnerFeedsContract extends StoreContract {
    static final Instant AT = Instant.parse("2026-12-03T01:00:00.125Z");

    static PartnerFeed feed(String id) {
        return new PartnerFeed(id, "bibliotheek-a", "https://partner.example/aanbod.csv?key=geheim", "csv", PartnerFeed.Schedule.WEEKLY,
                List.of(new PartnerFeed.CategoryRule("Taal & Lezen", ProgrammeLine.BASIC_SKILLS, "taal"),
                        new PartnerFeed.CategoryRule("Werk", ProgrammeLine.WORK, null),
                        new PartnerFeed.CategoryRule("Creatief", null, "creatief")),
                AT, AT.plusSeconds(60));
    }

    static PartnerImport.Report report(String source, int rejected) {
        List<PartnerImport.Problem> problems = new ArrayList<>();
        for (int i = 0; i < rejected; i++) problems.add(new PartnerImport.Problem("P-" + i, i + 2, "Regel " + (i + 2) + ": de eindtijd ligt voor de begintijd."));
        return new PartnerImport.Report(source, 3, 2, 40, 1, 1, 1, true, problems, false, 46, 45, 2);
    }

    @Test
    void aFeedIsSavedReadListedAndReplacedWithEveryField() {
        String a = id("feed"), b = id("feed");
        PartnerFeed first = feed(a);
        stores.feeds().save(first);
        stores.feeds().save(new PartnerFeed(b, "bibliotheek-b", "https://b.example/agenda.ics", "ical", null, null, AT, null));
        assertEquals(first, stores.feeds().feed(a).orElseThrow());
        PartnerFeed other = stores.feeds().feed(b).orElseThrow();
        assertEquals(PartnerFeed.Schedule.NIGHTLY, other.schedule(), "nightly unless said otherwise");
        assertTrue(other.categories().isEmpty());
        assertTrue(stores.feeds().all().containsAll(List.of(first, other)));
        assertTrue(stores.feeds().feed(id("none")).isEmpty());

        PartnerFeed changed = new PartnerFeed(a, "bibliotheek-a", "https://partner.example/v2.csv", "csv", PartnerFeed.Schedule.PAUSED, List.of(), AT, AT.plusSeconds(120));
        stores.feeds().save(changed);
        assertEquals(changed, stores.feeds().feed(a).orElseThrow());
        assertEquals(1, stores.feeds().all().stream().filter(f -> f.id().equals(a)).count());
    }

    @Test
    void runsComeBackNewestFirstWithTheirReportAndProblems() {
        String a = id("feed");
        stores.feeds().save(feed(a));
        FeedRun ok = FeedRun.of(a, AT, AT.plusSeconds(4), report(a, 2));
        FeedRun failed = FeedRun.failed(a, AT.plusSeconds(86_400), AT.plusSeconds(86_460), "HTTP 503 from https://partner.example");
        stores.feeds().recordRun(ok);
        stores.feeds().recordRun(failed);
        assertEquals(List.of(failed, ok), stores.feeds().runs(a, 10));
        assertEquals(List.of(failed), stores.feeds().runs(a, 1));
        assertEquals(2, stores.feeds().runs(a, 10).get(1).report().rejected().size());
        assertTrue(stores.feeds().runs(id("none"), 10).isEmpty());
    }

    @Test
    void aRunKeepsItsFirstProblemsAndCountsAll() {
        String a = id("feed");
        FeedRun run = FeedRun.of(a, AT, AT.plusSeconds(9), report(a, FeedRun.MAX_PROBLEMS_KEPT + 50));
        stores.feeds().recordRun(run);
        FeedRun back = stores.feeds().runs(a, 1).get(0);
        assertEquals(FeedRun.MAX_PROBLEMS_KEPT, back.report().rejected().size());
        assertEquals(FeedRun.MAX_PROBLEMS_KEPT + 50, back.rejectedTotal());
        assertEquals(run, back);
    }

    @Test
    void onlyTheNewestRunsOfAFeedAreKept() {
        String a = id("feed"), b = id("feed");
        for (int i = 0; i < FeedRun.KEPT_PER_FEED + 3; i++) stores.feeds().recordRun(FeedRun.of(a, AT.plusSeconds(i * 3600L), AT.plusSeconds(i * 3600L + 5), report(a, 0)));
        stores.feeds().recordRun(FeedRun.of(b, AT, AT.plusSeconds(5), report(b, 0)));
        List<FeedRun> runs = stores.feeds().runs(a, 100);
        assertEquals(FeedRun.KEPT_PER_FEED, runs.size());
        assertEquals(AT.plusSeconds((FeedRun.KEPT_PER_FEED + 2) * 3600L), runs.get(0).startedAt());
        assertEquals(AT.plusSeconds(3 * 3600L), runs.get(runs.size() - 1).startedAt(), "the three oldest are gone");
        assertEquals(1, stores.feeds().runs(b, 100).size(), "another feed's runs are its own");
    }

    @Test
    void removingAFeedRemovesItsRuns() {
        String a = id("feed");
        stores.feeds().save(feed(a));
        stores.feeds().recordRun(FeedRun.of(a, AT, AT.plusSeconds(5), report(a, 1)));
        assertTrue(stores.feeds().remove(a));
        assertTrue(stores.feeds().feed(a).isEmpty());
        assertTrue(stores.feeds().runs(a, 10).isEmpty());
        assertFalse(stores.feeds().remove(a), "gone already");
    }
}
