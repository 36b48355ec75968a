package nl.ontwikkelplein.sitebuilder;

import static nl.ontwikkelplein.sitebuilder.TestData.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The workspace's request for an offer's pages: what it publishes, and what it ignores. */
class SitePublishHandlerTest {
    @Test
    void publishesTheOffersAskedForOnSqliteAndS3Proxy() throws Exception {
        try (LocalSite local = new LocalSite(CLOCK)) {
            TestData.seed(local.catalog(), TestData.offer("a", "Gevraagd", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"),
                    TestData.offer("b", "Niet gevraagd", TestData.LOC.id(), List.of("werk"), "2026-12-01T15:00"));
            LocalSite.Counting counting = new LocalSite.Counting(local.publisher);
            String answer = new SitePublishHandler(local.builder(CLOCK, counting)).handleRequest(Map.of("offerIds", List.of("a")), null);
            assertTrue(answer.startsWith("offers=1 written="), answer);
            assertTrue(local.text("aanbod/a/index.html").contains("Gevraagd"));
            assertTrue(local.text("aanbod/b/index.html") == null, "only what was asked");
            assertTrue(local.text("thema/taal/index.html") == null, "the lists follow through the stream");
        }
    }

    @Test
    void anOfferThatRunsInAPeriodIsPublishedWithItsPlace() throws Exception {
        try (LocalSite local = new LocalSite(CLOCK)) {
            TestData.seed(local.catalog(), TestData.periodOffer("roc", "Nederlands B1", TestData.LOC2.id()));
            new SitePublishHandler(local.builder(CLOCK, local.publisher)).handleRequest(Map.of("offerIds", List.of("roc")), null);
            String page = local.text("aanbod/roc/index.html");
            assertTrue(page.contains("Waar: Bibliotheek Dedemsvaart, Julianastraat 1, 7701 AA Dedemsvaart"), page);
            assertTrue(page.contains("\"addressLocality\":\"Dedemsvaart\""), "and in its JSON-LD");
        }
    }

    @Test
    void anOfferThatLeftThePublicSiteIsTakenOffItsListsAndItsPageRemoved() throws Exception {
        try (LocalSite local = new LocalSite(CLOCK)) {
            TestData.seed(local.catalog(), TestData.offer("a", "Blijft", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"),
                    TestData.offer("b", "Gaat weg", TestData.LOC.id(), List.of("taal"), "2026-12-01T15:00"));
            local.builder(CLOCK).rebuildAll();
            assertTrue(local.text("thema/taal/index.html").contains("Gaat weg"));
            local.catalog().updateOffer(local.catalog().offer("b").orElseThrow().withStatus(nl.ontwikkelplein.domain.OfferStatus.DRAFT));

            String answer = new SitePublishHandler(local.builder(CLOCK, local.publisher)).handleRequest(Map.of("offerIds", List.of("b")), null);
            assertTrue(answer.contains(" deleted="), answer);
            assertTrue(local.text("aanbod/b/index.html") == null, "a draft has no public page");
            String list = local.text("thema/taal/index.html");
            assertTrue(list.contains("Blijft") && !list.contains("Gaat weg"), "and no list names it");
        }
    }

    @Test
    void malformedHostileAndOversizedEventsAskForNoMoreThanValidIds() {
        assertEquals(Set.of(), SitePublishHandler.offerIds(null));
        assertEquals(Set.of(), SitePublishHandler.offerIds(Map.of("offerIds", "a")));
        Map<String, Object> hostile = new HashMap<>();
        hostile.put("offerIds", java.util.Arrays.asList("../index", null, 42, "A B", "<script>", "ok-1"));
        assertEquals(Set.of("ok-1"), SitePublishHandler.offerIds(hostile));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) many.add("o" + i);
        assertEquals(SitePublishHandler.MAX_OFFERS, SitePublishHandler.offerIds(Map.of("offerIds", many)).size());
    }

    @Test
    void aListingsReadTimeIsTakenOnlyAsAWholePositiveNumber() {
        assertEquals(1796283058370L, SitePublishHandler.listedAt(Map.of("listedAt", 1796283058370L)));
        assertEquals(1796283058370L, SitePublishHandler.listedAt(Map.of("listedAt", 1.79628305837E12)), "JSON numbers may arrive as doubles");
        for (Object bad : new Object[] {"1796283058370", -5, 0, 1.5, Double.NaN, List.of(1), Map.of("a", 1)})
            assertEquals(0, SitePublishHandler.listedAt(Map.of("listedAt", bad)), "not a read time: " + bad);
        assertEquals(0, SitePublishHandler.listedAt(Map.of()));
        assertEquals(0, SitePublishHandler.listedAt(null));
    }
}
