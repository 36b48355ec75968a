package nl.ontwikkelplein.sitebuilder;

import static nl.ontwikkelplein.sitebuilder.TestData.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteBuilderHandlerTest {

    static DynamodbEvent event(String... seqAndPk) {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (int i = 0; i < seqAndPk.length; i += 2) {
            DynamodbEvent.DynamodbStreamRecord r = new DynamodbEvent.DynamodbStreamRecord();
            r.setEventName("MODIFY");
            r.setDynamodb(new StreamRecord().withSequenceNumber(seqAndPk[i])
                    .withKeys(Map.of("pk", new AttributeValue().withS(seqAndPk[i + 1]), "sk", new AttributeValue().withS("X"))));
            records.add(r);
        }
        DynamodbEvent e = new DynamodbEvent();
        e.setRecords(records);
        return e;
    }

    private static List<String> failures(StreamsEventResponse r) {
        return r.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private LocalSite local;
    private LocalSite.Counting counting;

    @org.junit.jupiter.api.BeforeEach
    void start() throws Exception {
        local = new LocalSite(CLOCK);
        counting = new LocalSite.Counting(local.publisher);
        TestData.seed(local.catalog(), TestData.offer("a", "A", TestData.LOC.id(), List.of("taal"), "2026-12-01T14:00"),
                TestData.offer("b", "B", TestData.LOC2.id(), List.of("werk"), "2026-12-01T16:00"));
    }

    @org.junit.jupiter.api.AfterEach
    void stop() throws Exception { local.close(); }

    private SiteBuilderHandler handler() { return new SiteBuilderHandler(local.builder(CLOCK, counting)); }

    @Test
    void rendersEachChangedOfferOnceWithItsLists() {
        local.publisher.put("aanbod/weg/index.html", "<p>weg</p>".getBytes(), SiteBuilder.HTML, SiteBuilder.HTML_CACHE);
        StreamsEventResponse r = handler().handleRequest(event("1", "OFFER#a", "2", "OFFER#weg", "3", "OFFER#a", "4", "OFFER#a"), null);

        assertTrue(failures(r).isEmpty());
        assertEquals(1, counting.puts.stream().filter(p -> p.equals("aanbod/a/index.html")).count());
        assertFalse(counting.puts.contains("aanbod/b/index.html"));
        assertTrue(counting.puts.contains("index.html") && counting.puts.contains("thema/taal/index.html"));
        assertTrue(counting.deletes.contains("aanbod/weg/index.html"), "an offer that is gone loses its page");
        assertNull(local.text("aanbod/weg/index.html"));
    }

    @Test
    void aLocationChangeRendersTheOffersThere() {
        StreamsEventResponse r = handler().handleRequest(event("1", "LOC#dedemsvaart"), null);
        assertTrue(failures(r).isEmpty());
        assertTrue(counting.puts.contains("aanbod/b/index.html"));
        assertFalse(counting.puts.contains("aanbod/a/index.html"));
    }

    @Test
    void aLocationChangeRendersTheOffersThatRunInAPeriodThere() throws Exception {
        local.catalog().createOffer(TestData.periodOffer("roc", "Nederlands B1", TestData.LOC2.id()));
        local.catalog().saveLocation(new nl.ontwikkelplein.domain.Location(TestData.LOC2.id(), TestData.ORG.id(), "Bibliotheek Dedemsvaart",
                nl.ontwikkelplein.domain.Location.LocationKind.BRANCH, new nl.ontwikkelplein.domain.Location.Address("Nieuwe Straat 9", "7701 AA", "Dedemsvaart"), null, null));
        StreamsEventResponse r = handler().handleRequest(event("1", "LOC#dedemsvaart"), null);
        assertTrue(failures(r).isEmpty());
        assertTrue(counting.puts.contains("aanbod/roc/index.html"), "its page names the place: " + counting.puts);
        assertTrue(local.text("aanbod/roc/index.html").contains("Nieuwe Straat 9"));
    }

    @Test
    void anOrganisationChangeRendersItsOffers() {
        handler().handleRequest(event("1", "ORG#bibliotheek-hardenberg"), null);
        assertTrue(counting.puts.containsAll(List.of("aanbod/a/index.html", "aanbod/b/index.html")));
    }

    @Test
    void aFailedBatchReportsItsFirstChangeAndTheRetryWritesIt() {
        counting.failOn = "aanbod/b/index.html";
        SiteBuilderHandler handler = handler();
        StreamsEventResponse r = handler.handleRequest(event("5", "TOKEN#x", "6", "OFFER#a", "7", "OFFER#b"), null);
        assertEquals(List.of("6"), failures(r), "Lambda retries from the first record that changed anything");
        assertTrue(local.text("aanbod/a/index.html") != null, "the rest of the batch was still written");
        counting.failOn = null;
        assertTrue(failures(handler.handleRequest(event("6", "OFFER#a", "7", "OFFER#b"), null)).isEmpty());
        assertTrue(local.text("aanbod/b/index.html") != null);
    }

    @Test
    void hostileKeysFailTheirBatchAndWriteNothing() {
        StreamsEventResponse r = handler().handleRequest(event("1", "OFFER#../../index"), null);
        assertEquals(List.of("1"), failures(r));
        assertTrue(counting.puts.isEmpty());
    }

    @Test
    void recordsWithoutKnownKeysChangeNothing() {
        SiteBuilderHandler handler = handler();
        DynamodbEvent e = event("1", "TOKEN#x");
        DynamodbEvent.DynamodbStreamRecord noKeys = new DynamodbEvent.DynamodbStreamRecord();
        noKeys.setDynamodb(new StreamRecord().withSequenceNumber("2"));
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>(e.getRecords());
        records.add(noKeys);
        e.setRecords(records);
        assertTrue(failures(handler.handleRequest(e, null)).isEmpty());
        assertTrue(counting.puts.isEmpty());
        assertTrue(failures(handler.handleRequest(new DynamodbEvent(), null)).isEmpty(), "an event without records");
        assertTrue(failures(handler.handleRequest(null, null)).isEmpty(), "nor an empty event");
    }

    @Test
    void nightlyRebuildSaysWhatItDidAndFailsLoudly() {
        SiteRebuildHandler nightly = new SiteRebuildHandler(local.builder(CLOCK, counting));
        String first = nightly.handleRequest(null, null);
        assertTrue(first.contains("offers=2") && !first.contains("written=0"), first);
        assertTrue(nightly.handleRequest(null, null).contains("written=0"), "nothing changed, nothing written");
        counting.failOn = "index.html";
        local.catalog().removeOfferWithoutEnrolments(local.catalog().offer("b").orElseThrow());
        assertThrows(SiteBuilder.SiteBuildException.class, () -> nightly.handleRequest(null, null));
    }
}
