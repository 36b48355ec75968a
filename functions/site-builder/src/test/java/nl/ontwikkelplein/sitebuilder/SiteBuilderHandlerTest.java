package nl.ontwikkelplein.sitebuilder;

import static nl.ontwikkelplein.sitebuilder.TestData.ASSETS;
import static nl.ontwikkelplein.sitebuilder.TestData.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    private final RecordingPublisher publisher = new RecordingPublisher();

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

    @Test
    void rendersEachChangedOfferOnceAndTheHomePageOnce() {
        FaultyCatalog catalog = TestData.catalog(TestData.offer("a", "A"), TestData.offer("b", "B"));
        SiteBuilderHandler handler = new SiteBuilderHandler(new SiteBuilder(catalog, publisher, CLOCK, ASSETS));

        StreamsEventResponse r = handler.handleRequest(event("1", "OFFER#a", "2", "OFFER#b", "3", "OFFER#a", "4", "OFFER#a"), null);

        assertTrue(failures(r).isEmpty());
        assertEquals(List.of("put aanbod/a/index.html", "put aanbod/b/index.html", "put index.html"), publisher.log);
        assertEquals(List.of("a", "b"), catalog.offerReads);
    }

    @Test
    void aDeletedOfferLosesItsPage() {
        FaultyCatalog catalog = TestData.catalog();
        SiteBuilderHandler handler = new SiteBuilderHandler(new SiteBuilder(catalog, publisher, CLOCK, ASSETS));
        handler.handleRequest(event("1", "OFFER#weg"), null);
        assertEquals(List.of("delete aanbod/weg/index.html", "put index.html"), publisher.log);
    }

    @Test
    void aLocationChangeRebuildsEverythingAndDoesNotRenderOffersTwice() {
        FaultyCatalog catalog = TestData.catalog(TestData.offer("a", "A"), TestData.offer("b", "B"));
        SiteBuilderHandler handler = new SiteBuilderHandler(new SiteBuilder(catalog, publisher, CLOCK, ASSETS));

        StreamsEventResponse r = handler.handleRequest(event("1", "LOC#hardenberg-centrum", "2", "OFFER#a", "3", "OFFER#weg"), null);

        assertTrue(failures(r).isEmpty());
        assertEquals(List.of("put css/site.css", "put favicon.svg", "put 404.html", "put aanbod/a/index.html", "put aanbod/b/index.html",
                "put index.html", "delete aanbod/weg/index.html"), publisher.log,
                "everything once; the deleted offer, which a full rebuild cannot see, still loses its page; home not again");
    }

    @Test
    void aFailedOfferReportsItsFirstRecordAndStops() {
        FaultyCatalog catalog = TestData.catalog(TestData.offer("a", "A"), TestData.offer("b", "B"), TestData.offer("c", "C"));
        catalog.failingOffers.add("b");
        SiteBuilderHandler handler = new SiteBuilderHandler(new SiteBuilder(catalog, publisher, CLOCK, ASSETS));

        StreamsEventResponse r = handler.handleRequest(event("10", "OFFER#a", "20", "OFFER#b", "30", "OFFER#c", "40", "OFFER#b"), null);

        assertEquals(List.of("20"), failures(r), "Lambda retries from b's first record");
        assertEquals(List.of("put aanbod/a/index.html"), publisher.log, "nothing after the failure: not c, not the home page");
    }

    @Test
    void aFailedHomePageReportsTheFirstChange() {
        FaultyCatalog catalog = TestData.catalog(TestData.offer("a", "A"));
        publisher.failOn = "index.html";
        SiteBuilderHandler handler = new SiteBuilderHandler(new SiteBuilder(catalog, publisher, CLOCK, ASSETS));

        StreamsEventResponse r = handler.handleRequest(event("5", "TOKEN#x", "6", "OFFER#a", "7", "OFFER#a"), null);

        assertEquals(List.of("6"), failures(r));
    }

    @Test
    void aFailedFullRebuildReportsTheRecordThatAskedForIt() {
        FaultyCatalog catalog = TestData.catalog(TestData.offer("a", "A"), TestData.offer("b", "B"));
        catalog.failingOffers.add("a");
        SiteBuilderHandler handler = new SiteBuilderHandler(new SiteBuilder(catalog, publisher, CLOCK, ASSETS));

        StreamsEventResponse r = handler.handleRequest(event("1", "OFFER#b", "2", "ORG#bibliotheek-hardenberg", "3", "OFFER#b"), null);

        assertEquals(List.of("2"), failures(r));
    }

    @Test
    void recordsWithoutKnownKeysChangeNothing() {
        SiteBuilderHandler handler = new SiteBuilderHandler(new SiteBuilder(TestData.catalog(), publisher, CLOCK, ASSETS));
        DynamodbEvent e = event("1", "TOKEN#x");
        DynamodbEvent.DynamodbStreamRecord noKeys = new DynamodbEvent.DynamodbStreamRecord();
        noKeys.setDynamodb(new StreamRecord().withSequenceNumber("2"));
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>(e.getRecords());
        records.add(noKeys);
        e.setRecords(records);
        assertTrue(failures(handler.handleRequest(e, null)).isEmpty());
        assertTrue(publisher.log.isEmpty());
        assertTrue(failures(handler.handleRequest(new DynamodbEvent(), null)).isEmpty(), "an event without records");
    }

    @Test
    void nightlyRebuildFailsLoudly() {
        FaultyCatalog catalog = TestData.catalog(TestData.offer("a", "A"));
        SiteRebuildHandler ok = new SiteRebuildHandler(new SiteBuilder(catalog, publisher, CLOCK, ASSETS));
        assertEquals("assets=2 offers=1", ok.handleRequest(null, null));
        catalog.failingOffers.add("a");
        assertThrows(SiteBuilder.SiteBuildException.class, () -> ok.handleRequest(null, null));
    }
}
