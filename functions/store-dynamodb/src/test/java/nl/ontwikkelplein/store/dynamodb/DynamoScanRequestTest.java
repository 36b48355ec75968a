package nl.ontwikkelplein.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.ontwikkelplein.domain.DeliveryFormat;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferKind;
import nl.ontwikkelplein.domain.OfferStatus;
import nl.ontwikkelplein.domain.Price;
import nl.ontwikkelplein.domain.ProgrammeLine;
import nl.ontwikkelplein.domain.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The site builder's read of the whole catalog ({@code Catalog.publicOffers}), pinned against a
 * recording loopback endpoint: a parallel Scan in {@link DynamoCatalog#SCAN_SEGMENTS} segments of
 * offer items only, each segment following its own pages, items merged across segments.
 */
class DynamoScanRequestTest {
    private static final Instant NOW = Instant.parse("2031-03-01T09:00:00Z");
    private DynamoStub stub;

    @BeforeEach
    void start() throws Exception { stub = new DynamoStub(); }

    @AfterEach
    void stop() { stub.close(); }

    private static Offer offer(String id, OfferStatus status) {
        LocalDateTime start = LocalDateTime.parse("2031-03-10T10:00");
        return new Offer(id, "bieb", "Aanbod " + id, null, null, OfferKind.WORKSHOP, ProgrammeLine.BASIC_SKILLS, List.of("taal"), List.of(),
                DeliveryFormat.IN_PERSON, Price.FREE, null, null, null, null, NOW,
                List.of(new Session("s1", start, start.plusHours(1), "loc", 10, 2, Session.SessionStatus.SCHEDULED)), status);
    }

    /** One page of a Scan answer: items in DynamoDB JSON, and the key to go on from (or none). */
    private static String page(List<Map<String, AttributeValue>> items, String lastPk) {
        StringBuilder b = new StringBuilder("{\"Items\":[");
        for (int i = 0; i < items.size(); i++) b.append(i == 0 ? "" : ",").append(json(items.get(i)));
        b.append("],\"Count\":").append(items.size());
        if (lastPk != null) b.append(",\"LastEvaluatedKey\":{\"pk\":{\"S\":\"").append(lastPk).append("\"},\"sk\":{\"S\":\"OFFER\"}}");
        return b.append('}').toString();
    }

    private static String json(Map<String, AttributeValue> item) {
        StringBuilder b = new StringBuilder("{");
        item.forEach((k, v) -> {
            if (b.length() > 1) b.append(',');
            b.append(quote(k)).append(':').append(json(v));
        });
        return b.append('}').toString();
    }

    private static String json(AttributeValue v) {
        if (v.s() != null) return "{\"S\":" + quote(v.s()) + "}";
        if (v.n() != null) return "{\"N\":\"" + v.n() + "\"}";
        if (v.bool() != null) return "{\"BOOL\":" + v.bool() + "}";
        if (v.hasL()) {
            StringBuilder b = new StringBuilder("{\"L\":[");
            for (int i = 0; i < v.l().size(); i++) b.append(i == 0 ? "" : ",").append(json(v.l().get(i)));
            return b.append("]}").toString();
        }
        if (v.hasM()) return "{\"M\":" + json(v.m()) + "}";
        return "{\"NULL\":true}";
    }

    private static String quote(String s) {
        try {
            return DynamoStub.JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, AttributeValue> session(Offer o) {
        Map<String, AttributeValue> s = new java.util.HashMap<>(CatalogItems.sessionFields(o, o.sessions().get(0)));
        s.put("pk", AttributeValue.fromS(CatalogItems.offerPk(o.id())));
        s.put("sk", AttributeValue.fromS(CatalogItems.sessionSk(o.sessions().get(0).id())));
        return s;
    }

    @Test
    void aParallelScanOfOfferItemsWhosePagesAndSegmentsAreMerged() {
        // Eight segments answer in any order; one answer says there is more, so one segment asks again.
        Offer a = offer("a", OfferStatus.PUBLISHED), b = offer("b", OfferStatus.PUBLISHED), draft = offer("concept", OfferStatus.DRAFT);
        stub.ok(page(List.of(CatalogItems.offer(a)), "OFFER#a"));
        stub.ok(page(List.of(session(a)), null));
        stub.ok(page(List.of(CatalogItems.offer(b), session(b)), null));
        stub.ok(page(List.of(CatalogItems.offer(draft), session(draft)), null));
        for (int i = 0; i < 5; i++) stub.ok(page(List.of(), null));

        List<Offer> offers = new DynamoCatalog(stub.client, "Catalog").publicOffers();

        assertEquals(List.of("a", "b"), offers.stream().map(Offer::id).toList(), "drafts are not public; sorted by id");
        for (Offer o : offers) assertEquals(List.of("s1"), o.sessions().stream().map(Session::id).toList(), o.id() + " has its date, from whichever page");
        List<DynamoStub.Request> scans = stub.requests.stream().filter(r -> r.operation().equals("Scan")).toList();
        assertEquals(DynamoCatalog.SCAN_SEGMENTS + 1, scans.size(), "one request per segment, and one for the next page");
        Set<Integer> segments = new TreeSet<>();
        int continued = 0;
        for (DynamoStub.Request r : scans) {
            JsonNode body = r.body();
            assertEquals("Catalog", body.path("TableName").asText());
            assertEquals(DynamoCatalog.SCAN_SEGMENTS, body.path("TotalSegments").asInt());
            assertEquals("begins_with(#pk, :offer)", body.path("FilterExpression").asText(), "offer items only");
            assertEquals("OFFER#", body.path("ExpressionAttributeValues").path(":offer").path("S").asText());
            segments.add(body.path("Segment").asInt());
            if (body.has("ExclusiveStartKey")) {
                continued++;
                assertEquals("OFFER#a", body.path("ExclusiveStartKey").path("pk").path("S").asText());
            }
        }
        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7), segments);
        assertEquals(1, continued, "the segment that got the key goes on from it");
        assertTrue(stub.requests.stream().allMatch(r -> r.operation().equals("Scan")), "nothing but the scan");
    }
}
