package nl.ontwikkelplein.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ontwikkelplein.domain.FeedRun;
import nl.ontwikkelplein.domain.PartnerFeed;
import nl.ontwikkelplein.domain.PartnerFeeds;
import nl.ontwikkelplein.local.FunctionError;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the admin keeps (stored through the PartnerFeeds port) next to one from IMPORT_FEEDS, on
 * the local stack: the schedule runs the due ones and leaves a report of every run, also of a
 * failed one; a paused feed runs only when asked by name; a stored feed wins over a configured
 * one with the same id.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class StoredFeedsImportTest {
    static final String DAY = LocalDate.now().plusDays(10).toString();
    static final String HEADER = "external_id,title,kind,programme_line,location_name,start,end\n";
    static final AtomicInteger brokenStatus = new AtomicInteger(503);

    @TempDir
    static Path data;
    static TestStack stack;
    static HttpServer partner;
    static String base;

    static String csv(String id, String title, String line) {
        return HEADER + id + "," + title + ",Workshop," + line + ",Buurthuis Noord," + DAY + " 10:00," + DAY + " 11:00\n"
                + id + "-kapot,Zonder eind,Workshop,Basisvaardigheden,Buurthuis Noord," + DAY + " 10:00,\n";
    }

    @BeforeAll
    static void start() throws Exception {
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String name : List.of("taalhuis", "pauze", "template", "beheer")) {
            partner.createContext("/" + name + ".csv", exchange -> {
                byte[] body = csv(name.toUpperCase(), "Aanbod van " + name, name.equals("pauze") ? "Taal en lezen" : "Basisvaardigheden").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
        }
        partner.createContext("/kapot.csv", exchange -> {
            exchange.sendResponseHeaders(brokenStatus.get(), -1);
            exchange.close();
        });
        partner.start();
        base = "http://127.0.0.1:" + partner.getAddress().getPort();
        // "dubbel" is in the template too, but the admin moved it: the stored one wins.
        stack = TestStack.start(TestStack.realTemplate(), data, Map.of("ImportFeeds",
                "template|" + Fixtures.ORG + "|" + base + "/template.csv,dubbel|" + Fixtures.ORG + "|" + base + "/kapot.csv"));
        Fixtures.organisationAndLocation(stack);
        Instant now = Instant.now();
        PartnerFeeds feeds = stack.stack().stores().feeds();
        feeds.save(new PartnerFeed("taalhuis", Fixtures.ORG, base + "/taalhuis.csv", "csv", PartnerFeed.Schedule.NIGHTLY, List.of(), now, now));
        // Its partner writes "Taal en lezen" for what we call basic skills: the admin mapped it.
        feeds.save(new PartnerFeed("pauze", Fixtures.ORG, base + "/pauze.csv", "csv", PartnerFeed.Schedule.PAUSED,
                List.of(new PartnerFeed.CategoryRule("Taal en lezen", nl.ontwikkelplein.domain.ProgrammeLine.BASIC_SKILLS, null)), now, now));
        feeds.save(new PartnerFeed("dubbel", Fixtures.ORG, base + "/beheer.csv", "csv", PartnerFeed.Schedule.NIGHTLY, List.of(), now, now));
        feeds.save(new PartnerFeed("kapot", Fixtures.ORG, base + "/kapot.csv?key=geheim", "csv", PartnerFeed.Schedule.NIGHTLY, List.of(), now, now));
    }

    @AfterAll
    static void stop() {
        stack.close();
        partner.stop(0);
    }

    static PartnerFeeds feeds() { return stack.stack().stores().feeds(); }

    @Test
    @org.junit.jupiter.api.Order(1) // before the paused feed is run by name
    void theScheduleRunsTheDueFeedsAndEveryRunLeavesAReport() throws Exception {
        FunctionError failed = assertThrows(FunctionError.class, () -> stack.stack().scheduler().runNow("ImportFunction"));
        assertTrue(failed.getMessage().contains("kapot"), failed.getMessage());
        assertFalse(failed.getMessage().contains("geheim"), "the URL's query never shows");

        FeedRun run = feeds().runs("taalhuis", 5).get(0);
        assertNull(run.failure());
        assertEquals(1, run.report().created());
        assertEquals(1, run.rejectedTotal());
        assertEquals("TAALHUIS-kapot", run.report().rejected().get(0).externalId(), "quarantined, with its reason: " + run.report().rejected());
        assertTrue(run.finishedAt() != null && !run.finishedAt().isBefore(run.startedAt()));

        assertEquals(1, feeds().runs("template", 5).size(), "a configured feed leaves a report too");
        assertEquals(1, feeds().runs("dubbel", 5).get(0).report().created(), "the stored feed ran, not the configured one with its id");
        assertTrue(Fixtures.catalog(stack).offersOf(Fixtures.ORG).stream().anyMatch(o -> o.title().equals("Aanbod van beheer")));

        FeedRun broken = feeds().runs("kapot", 5).get(0);
        assertNull(broken.report());
        assertTrue(broken.failure().contains("503") && broken.failure().contains("127.0.0.1") && !broken.failure().contains("geheim"), broken.failure());

        assertTrue(feeds().runs("pauze", 5).isEmpty(), "a paused feed waits");
        assertTrue(Fixtures.catalog(stack).offersOf(Fixtures.ORG).stream().noneMatch(o -> o.title().equals("Aanbod van pauze")));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aFeedRunsNowWhenAskedByNameWhateverItsSchedule() throws Exception {
        int taalhuisRuns = feeds().runs("taalhuis", 50).size();
        String out = stack.stack().functions().invoke("ImportFunction", "{\"feeds\": [\"pauze\", \"bestaat-niet\", \"../x\", 3]}");
        assertTrue(out.contains("source=pauze created=1"), out);
        assertTrue(out.contains("source=bestaat-niet not found"), out);
        assertEquals(1, feeds().runs("pauze", 5).size());
        assertEquals(taalhuisRuns, feeds().runs("taalhuis", 50).size(), "only the feed asked for ran");
        assertTrue(Fixtures.catalog(stack).offersOf(Fixtures.ORG).stream().anyMatch(o -> o.title().equals("Aanbod van pauze")
                && o.programmeLine() == nl.ontwikkelplein.domain.ProgrammeLine.BASIC_SKILLS), "through the feed's own category mapping");
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void whenTheStoredFeedsCannotBeReadTheConfiguredOnesStillRun() throws Exception {
        int before = feeds().runs("template", 50).size();
        rename("partner_feeds", "partner_feeds_away");
        try {
            FunctionError failed = assertThrows(FunctionError.class, () -> stack.stack().scheduler().runNow("ImportFunction"));
            assertTrue(failed.getMessage().contains("the stored feeds could not be read"), failed.getMessage());
            assertEquals(before + 1, feeds().runs("template", 50).size(), "the configured feed ran all the same");
        } finally {
            rename("partner_feeds_away", "partner_feeds");
        }
    }

    static void rename(String from, String to) {
        stack.stack().database().write(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("ALTER TABLE " + from + " RENAME TO " + to);
            }
            return null;
        });
    }
}
