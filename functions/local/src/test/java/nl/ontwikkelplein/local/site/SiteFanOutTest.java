package nl.ontwikkelplein.local.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change that touches more offer pages than one site-builder batch renders itself
 * (template parameter SiteInlineOfferPages, here 1): the batch writes the lists and hands the
 * other pages to SitePublishFunction through the local Lambda endpoint, and every page follows.
 */
class SiteFanOutTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path data;
    static TestStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.start(TestStack.realTemplate(), data.resolve("stack"), Map.of("SiteInlineOfferPages", "1"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    @Test
    void aBranchThatMovesHasEveryOfferPageRenderedThoughOneBatchRendersOnlyOne() throws Exception {
        Catalog catalog = stack.stack().stores().catalog();
        catalog.saveOrganisation(new Organisation("bieb-f", "Bibliotheek F", null));
        catalog.saveLocation(new Location("vestiging-f", "bieb-f", "Vestiging Oud", Location.LocationKind.BRANCH,
                new Location.Address("Straat 1", "7770 AA", "Hardenberg"), null, null));
        LocalDateTime start = LocalDateTime.now(Session.ZONE).plusDays(7).withHour(14).withMinute(0).withSecond(0).withNano(0);
        List<String> ids = List.of("verhuis-een", "verhuis-twee", "verhuis-drie", "verhuis-vier");
        for (int i = 0; i < ids.size(); i++) {
            catalog.createOffer(new Offer(ids.get(i), "bieb-f", "Verhuizing " + i, null, null, OfferKind.WORKSHOP, ProgrammeLine.BASIC_SKILLS,
                    List.of("taal"), List.of(), DeliveryFormat.IN_PERSON, Price.FREE, null, null, null, null, Instant.now(),
                    List.of(new Session("s" + i, start.plusDays(i), start.plusDays(i).plusHours(1), "vestiging-f", 10, 0, Session.SessionStatus.SCHEDULED))));
        }
        for (String id : ids) assertTrue(await("/aanbod/" + id + "/", "Vestiging Oud"), id + " online");

        java.util.List<String> handedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        stack.stack().functions().addInvocationListener((function, handler, event) -> {
            if (function.logicalId().equals("SitePublishFunction") && event.contains("\"lists\"")) handedOn.add(event);
        });
        catalog.saveLocation(new Location("vestiging-f", "bieb-f", "Vestiging Nieuw", Location.LocationKind.BRANCH,
                new Location.Address("Markt 2", "7701 AB", "Dedemsvaart"), null, null));

        for (String id : ids) assertTrue(await("/aanbod/" + id + "/", "Vestiging Nieuw"), id + " follows the move");
        assertTrue(await("/zoeken/plaats-dedemsvaart/", "Verhuizing 3"), "and so do the lists");
        // (The batches that created the offers handed pages on too; the move's hand-off names the new town.)
        assertTrue(handedOn.stream().anyMatch(e -> e.contains("plaats-dedemsvaart") && e.split("verhuis-").length - 1 >= 3),
                "the pages past the first went to SitePublishFunction with the lists they are on now: " + handedOn.size() + " events");
    }

    @Test
    void theNightlyRebuildWritesEveryListAndHandsTheOtherOfferPagesOnWithTheMomentItsListsWereRead() throws Exception {
        Catalog catalog = stack.stack().stores().catalog();
        catalog.saveOrganisation(new Organisation("bieb-n", "Bibliotheek N", null));
        catalog.saveLocation(new Location("vestiging-n", "bieb-n", "Vestiging Nacht", Location.LocationKind.BRANCH,
                new Location.Address("Straat 2", "7770 AB", "Gramsbergen"), null, null));
        LocalDateTime start = LocalDateTime.now(Session.ZONE).plusDays(9).withHour(10).withMinute(0).withSecond(0).withNano(0);
        List<String> ids = List.of("nacht-een", "nacht-twee", "nacht-drie");
        for (int i = 0; i < ids.size(); i++) {
            catalog.createOffer(new Offer(ids.get(i), "bieb-n", "Nachtwerk " + i, null, null, OfferKind.WORKSHOP, ProgrammeLine.BASIC_SKILLS,
                    List.of("taal"), List.of(), DeliveryFormat.IN_PERSON, Price.FREE, null, null, null, null, Instant.now(),
                    List.of(new Session("s" + i, start.plusDays(i), start.plusDays(i).plusHours(1), "vestiging-n", 10, 0, Session.SessionStatus.SCHEDULED))));
        }
        for (String id : ids) assertTrue(await("/aanbod/" + id + "/", "Vestiging Nacht"), id + " online");

        java.util.List<String> handedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        stack.stack().functions().addInvocationListener((function, handler, event) -> {
            if (function.logicalId().equals("SitePublishFunction") && event.contains("\"listedAt\"")) handedOn.add(event);
        });
        HttpResponse<String> run = stack.post("/_local/schedules/SiteRebuildFunction", "application/json", "{}");

        assertEquals(200, run.statusCode(), run.body());
        assertTrue(run.body().contains("handedOn="), "one offer page in the rebuild itself, the others handed on: " + run.body());
        assertTrue(TestStack.await(WAIT, () -> handedOn.stream().anyMatch(e -> ids.stream().filter(e::contains).count() >= 2
                && e.matches("(?s).*\"listedAt\":[0-9]{13}.*"))), "SitePublishFunction got them with their lists and when those were read: " + handedOn);
        for (String id : ids) assertTrue(await("/aanbod/" + id + "/", "Nachtwerk"), id + " stays online");
        assertTrue(await("/zoeken/plaats-gramsbergen/", "Nachtwerk 2"), "the lists are written");
    }

    private static boolean await(String path, String text) throws InterruptedException {
        return TestStack.await(WAIT, () -> {
            try {
                HttpResponse<String> r = stack.get(path);
                return r.statusCode() == 200 && r.body().contains(text);
            } catch (Exception e) {
                return false;
            }
        });
    }
}
